#include "ingest/ingest.h"

#include <algorithm>

#include "ingest/encoding.h"
#include "ingest/html.h"
#include "text/utf8.h"
#include "time/calendar.h"

namespace cronaca {

namespace {

constexpr std::size_t kTitleMax = 140;

std::string lower_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

// The seed format: the first line starts with " date YYYY-MM[-DD]" and the text follows on the
// same line and below. Returns the header's length (0 when there is none); `date` receives the
// date, or stays empty with a warning when it is not a real date.
std::size_t date_header(std::string_view text, DocumentDate& date, std::vector<std::string>& warnings) {
  std::size_t pos = 0;
  while (pos < text.size() && is_space_or_tab(text[pos])) ++pos;
  if (text.size() - pos < 5) return 0;
  std::string keyword(text.substr(pos, 4));
  for (char& c : keyword) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (keyword != "date") return 0;
  pos += 4;
  if (pos < text.size() && text[pos] == ':') ++pos;
  const std::size_t spaces = pos;
  while (pos < text.size() && is_space_or_tab(text[pos])) ++pos;
  if (pos == spaces) return 0;
  const std::size_t value_start = pos;
  while (pos < text.size() && ((text[pos] >= '0' && text[pos] <= '9') || text[pos] == '-')) ++pos;
  const std::string_view value = text.substr(value_start, pos - value_start);
  // Only "YYYY-MM" or "YYYY-MM-DD" shapes make a header; "date 12 maggio" is just text.
  if (!(value.size() == 7 || value.size() == 10) || value[4] != '-') return 0;
  if (pos < text.size() && !is_space_or_tab(text[pos]) && text[pos] != '\n' && text[pos] != '\r') return 0;
  if (const auto parsed = parse_iso_date(value)) {
    date = {parsed->iso(), DateSource::header};
  } else {
    warnings.push_back("the date header \"" + std::string(value) + "\" is not a valid date and was ignored");
  }
  // The header ends with one separator: a space, or the line break.
  if (pos < text.size() && is_space_or_tab(text[pos])) {
    ++pos;
  } else if (text.substr(pos, 2) == "\r\n") {
    pos += 2;
  } else if (pos < text.size() && text[pos] == '\n') {
    ++pos;
  }
  return pos;
}

std::string first_line(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(pos, end - pos));
    if (!line.empty()) return std::string(line);
    pos = end + 1;
  }
  return {};
}

// YAML front matter ("---" lines around "key: value" pairs) at the top of a Markdown file.
// Returns its length, or 0 when there is none.
std::size_t front_matter(std::string_view text, std::string& title, std::string& date) {
  if (!(text.starts_with("---\n") || text.starts_with("---\r\n"))) return 0;
  const std::size_t body = text.find('\n') + 1;
  std::size_t pos = body;
  while (pos < text.size() && pos < 16384) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return 0;
    const std::string_view line = trim(text.substr(pos, end - pos));
    if (line == "---" || line == "...") return end + 1;
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      const std::string_view key = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
      }
      if (key == "title" && title.empty()) title = std::string(value);
      if ((key == "date" || key == "published") && date.empty()) date = std::string(value);
    }
    pos = end + 1;
  }
  return 0;
}

std::string markdown_title(std::string_view text) {
  std::size_t pos = 0;
  for (int lines = 0; pos < text.size() && lines < 20; ++lines) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(pos, end - pos));
    if (line.starts_with("# ")) return std::string(trim(line.substr(2)));
    pos = end + 1;
  }
  return {};
}

// At most `max` bytes of `s`, without cutting a UTF-8 character in two.
std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

void metadata_date(std::string_view raw, DocumentDate& date, std::vector<std::string>& warnings) {
  if (trim(raw).empty()) return;
  if (const auto parsed = parse_iso_date(trim(raw))) {
    date = {parsed->iso(), DateSource::metadata};
  } else {
    // Cut at a character boundary: a byte cut left invalid UTF-8 in the warning.
    warnings.push_back("the publication date \"" + std::string(utf8_prefix(trim(raw), 64)) + "\" could not be read and was ignored");
  }
}

}  // namespace

std::string title_from_text(std::string_view text) {
  std::string line = first_line(text);
  std::size_t points = 0, cut = 0, last_space = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t at = pos;
    const char32_t cp = decode_utf8(line, pos);
    if (cp == ' ') last_space = at;
    if (++points > kTitleMax) {
      cut = last_space > 0 ? last_space : at;
      break;
    }
  }
  if (cut > 0) {
    line.resize(cut);
    line = std::string(trim(line)) + "\u2026";
  }
  return line;
}

IngestOutcome ingest(std::string_view name, std::string_view bytes) {
  IngestOutcome outcome;
  IngestedText& doc = outcome.document;
  if (bytes.empty()) {
    outcome.error = "the file is empty";
    return outcome;
  }
  const std::string ext = lower_extension(name);
  const bool html_name = ext == "html" || ext == "htm" || ext == "xhtml";
  const std::string declared = html_name || looks_like_html(bytes.substr(0, 1024)) ? declared_html_charset(bytes) : std::string();
  DecodedText decoded = decode_text(bytes, declared);
  if (!decoded.error.empty()) {
    outcome.error = std::move(decoded.error);
    return outcome;
  }
  doc.encoding = decoded.encoding;
  if (decoded.replaced > 0) {
    doc.warnings.push_back(std::to_string(decoded.replaced) + " byte sequences could not be decoded as " +
                           decoded.encoding + " and were replaced by \u201C\uFFFD\u201D");
  }
  std::string text = std::move(decoded.text);

  if (html_name || looks_like_html(text)) {
    HtmlArticle article = extract_html(text);
    doc.format = "html";
    doc.text = std::move(article.text);
    doc.title = std::move(article.title);
    doc.lang_hint = std::move(article.lang);
    metadata_date(article.date, doc.date, doc.warnings);
    if (is_blank(doc.text)) {
      outcome.error = "the HTML page has no readable text";
      return outcome;
    }
  } else {
    const std::size_t header = date_header(text, doc.date, doc.warnings);
    std::string meta_title, meta_date;
    std::size_t skip = header;
    if (ext == "md" || ext == "markdown") {
      doc.format = "markdown";
      if (header == 0) skip = front_matter(text, meta_title, meta_date);
      if (doc.date.source == DateSource::none) metadata_date(meta_date, doc.date, doc.warnings);
    } else {
      doc.format = "text";
    }
    text.erase(0, skip);
    doc.text = std::move(text);
    if (doc.format == "markdown") doc.title = !meta_title.empty() ? meta_title : markdown_title(doc.text);
    if (is_blank(doc.text)) {
      outcome.error = header > 0 ? "the file has a date header but no text" : "the file has no text";
      return outcome;
    }
  }
  if (doc.title.empty()) doc.title = title_from_text(doc.text);
  if (const auto nuls = static_cast<std::size_t>(std::count(doc.text.begin(), doc.text.end(), '\0'))) {
    doc.warnings.push_back("the text contains " + std::to_string(nuls) + " NUL characters");
  }
  return outcome;
}

}  // namespace cronaca
