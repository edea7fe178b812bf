#include "ingest/html.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "text/utf8.h"

namespace cronaca {

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// The HTML 4 character entities plus &apos;, sorted by name (byte order) for binary search.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0}, {"Alpha", 0x391},
    {"Aring", 0xC5}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Beta", 0x392}, {"Ccedil", 0xC7},
    {"Chi", 0x3A7}, {"Dagger", 0x2021}, {"Delta", 0x394}, {"ETH", 0xD0}, {"Eacute", 0xC9},
    {"Ecirc", 0xCA}, {"Egrave", 0xC8}, {"Epsilon", 0x395}, {"Eta", 0x397}, {"Euml", 0xCB},
    {"Gamma", 0x393}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Igrave", 0xCC}, {"Iota", 0x399},
    {"Iuml", 0xCF}, {"Kappa", 0x39A}, {"Lambda", 0x39B}, {"Mu", 0x39C}, {"Ntilde", 0xD1},
    {"Nu", 0x39D}, {"OElig", 0x152}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2},
    {"Omega", 0x3A9}, {"Omicron", 0x39F}, {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
    {"Phi", 0x3A6}, {"Pi", 0x3A0}, {"Prime", 0x2033}, {"Psi", 0x3A8}, {"Rho", 0x3A1},
    {"Scaron", 0x160}, {"Sigma", 0x3A3}, {"THORN", 0xDE}, {"Tau", 0x3A4}, {"Theta", 0x398},
    {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Ugrave", 0xD9}, {"Upsilon", 0x3A5}, {"Uuml", 0xDC},
    {"Xi", 0x39E}, {"Yacute", 0xDD}, {"Yuml", 0x178}, {"Zeta", 0x396}, {"aacute", 0xE1},
    {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"agrave", 0xE0}, {"alefsym", 0x2135},
    {"alpha", 0x3B1}, {"amp", 0x26}, {"and", 0x2227}, {"ang", 0x2220}, {"apos", 0x27},
    {"aring", 0xE5}, {"asymp", 0x2248}, {"atilde", 0xE3}, {"auml", 0xE4}, {"bdquo", 0x201E},
    {"beta", 0x3B2}, {"brvbar", 0xA6}, {"bull", 0x2022}, {"cap", 0x2229}, {"ccedil", 0xE7},
    {"cedil", 0xB8}, {"cent", 0xA2}, {"chi", 0x3C7}, {"circ", 0x2C6}, {"clubs", 0x2663},
    {"cong", 0x2245}, {"copy", 0xA9}, {"crarr", 0x21B5}, {"cup", 0x222A}, {"curren", 0xA4},
    {"dArr", 0x21D3}, {"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0xB0}, {"delta", 0x3B4},
    {"diams", 0x2666}, {"divide", 0xF7}, {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8},
    {"empty", 0x2205}, {"emsp", 0x2003}, {"ensp", 0x2002}, {"epsilon", 0x3B5}, {"equiv", 0x2261},
    {"eta", 0x3B7}, {"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC}, {"exist", 0x2203},
    {"fnof", 0x192}, {"forall", 0x2200}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"frasl", 0x2044}, {"gamma", 0x3B3}, {"ge", 0x2265}, {"gt", 0x3E}, {"hArr", 0x21D4},
    {"harr", 0x2194}, {"hearts", 0x2665}, {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iexcl", 0xA1}, {"igrave", 0xEC}, {"image", 0x2111}, {"infin", 0x221E}, {"int", 0x222B},
    {"iota", 0x3B9}, {"iquest", 0xBF}, {"isin", 0x2208}, {"iuml", 0xEF}, {"kappa", 0x3BA},
    {"lArr", 0x21D0}, {"lambda", 0x3BB}, {"lang", 0x2329}, {"laquo", 0xAB}, {"larr", 0x2190},
    {"lceil", 0x2308}, {"ldquo", 0x201C}, {"le", 0x2264}, {"lfloor", 0x230A}, {"lowast", 0x2217},
    {"loz", 0x25CA}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"macr", 0xAF}, {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7}, {"minus", 0x2212},
    {"mu", 0x3BC}, {"nabla", 0x2207}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ne", 0x2260},
    {"ni", 0x220B}, {"not", 0xAC}, {"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0xF1},
    {"nu", 0x3BD}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"oelig", 0x153}, {"ograve", 0xF2},
    {"oline", 0x203E}, {"omega", 0x3C9}, {"omicron", 0x3BF}, {"oplus", 0x2295}, {"or", 0x2228},
    {"ordf", 0xAA}, {"ordm", 0xBA}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"otimes", 0x2297},
    {"ouml", 0xF6}, {"para", 0xB6}, {"part", 0x2202}, {"permil", 0x2030}, {"perp", 0x22A5},
    {"phi", 0x3C6}, {"pi", 0x3C0}, {"piv", 0x3D6}, {"plusmn", 0xB1}, {"pound", 0xA3},
    {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x3C8}, {"quot", 0x22},
    {"rArr", 0x21D2}, {"radic", 0x221A}, {"rang", 0x232A}, {"raquo", 0xBB}, {"rarr", 0x2192},
    {"rceil", 0x2309}, {"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0xAE}, {"rfloor", 0x230B},
    {"rho", 0x3C1}, {"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"scaron", 0x161}, {"sdot", 0x22C5}, {"sect", 0xA7}, {"shy", 0xAD}, {"sigma", 0x3C3},
    {"sigmaf", 0x3C2}, {"sim", 0x223C}, {"spades", 0x2660}, {"sub", 0x2282}, {"sube", 0x2286},
    {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3},
    {"supe", 0x2287}, {"szlig", 0xDF}, {"tau", 0x3C4}, {"there4", 0x2234}, {"theta", 0x3B8},
    {"thetasym", 0x3D1}, {"thinsp", 0x2009}, {"thorn", 0xFE}, {"tilde", 0x2DC}, {"times", 0xD7},
    {"trade", 0x2122}, {"uArr", 0x21D1}, {"uacute", 0xFA}, {"uarr", 0x2191}, {"ucirc", 0xFB},
    {"ugrave", 0xF9}, {"uml", 0xA8}, {"upsih", 0x3D2}, {"upsilon", 0x3C5}, {"uuml", 0xFC},
    {"weierp", 0x2118}, {"xi", 0x3BE}, {"yacute", 0xFD}, {"yen", 0xA5}, {"yuml", 0xFF},
    {"zeta", 0x3B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Case-insensitive search for an ASCII needle (given in lower case).
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty() || haystack.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (ascii_lower(haystack[i]) == needle[0] && iequals(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is never article text.
constexpr std::array<std::string_view, 18> kSkipped = {
    "nav", "aside", "footer", "form", "button", "select", "svg", "math", "template",
    "noscript", "iframe", "object", "canvas", "audio", "video", "figure", "dialog", "menu"};
// Elements whose content is raw text (no tags inside), skipped to their end tag.
constexpr std::array<std::string_view, 7> kRawText = {"script", "style", "textarea", "xmp", "noembed", "noframes", "plaintext"};
constexpr std::array<std::string_view, 14> kVoid = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                                    "link", "meta", "param", "source", "track", "wbr"};
constexpr std::array<std::string_view, 36> kBlock = {
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tr", "ul"};
// class/id words that mark page furniture rather than the article.
constexpr std::array<std::string_view, 22> kFurnitureWords = {
    "ad", "ads", "advert", "advertisement", "banner", "breadcrumb", "breadcrumbs", "comment",
    "comments", "cookie", "cookies", "menu", "nav", "navbar", "navigation", "newsletter", "promo",
    "related", "share", "sharing", "sidebar", "social"};
// Skipped roles (ARIA landmarks outside the content).
constexpr std::array<std::string_view, 6> kFurnitureRoles = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"};

constexpr std::size_t kMaxDepth = 512;

struct Attribute {
  std::string name;  // lower case
  std::string_view raw_value;
};

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::vector<Attribute> attributes;

  const Attribute* find(std::string_view attribute) const {
    for (const auto& a : attributes) {
      if (a.name == attribute) return &a;
    }
    return nullptr;
  }
  std::string value(std::string_view attribute) const {
    const Attribute* a = find(attribute);
    return a ? decode_html_entities(a->raw_value) : std::string();
  }
};

// Parses the tag starting at html[pos] == '<'; returns the position after '>', or npos when
// this '<' does not start a tag.
std::size_t parse_tag(std::string_view html, std::size_t pos, Tag& tag) {
  std::size_t i = pos + 1;
  tag = Tag{};
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  if (i >= html.size() || !((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= 'A' && html[i] <= 'Z'))) return std::string_view::npos;
  while (i < html.size() && is_name_char(html[i])) ++i;
  tag.name = lower(html.substr(name_start, i - name_start));
  while (i < html.size()) {
    while (i < html.size() && (is_ascii_space(html[i]) || html[i] == '/')) {
      if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= html.size()) return html.size();
    if (html[i] == '>') return i + 1;
    const std::size_t attr_start = i;
    while (i < html.size() && !is_ascii_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') ++i;
    Attribute attribute{lower(html.substr(attr_start, i - attr_start)), {}};
    while (i < html.size() && is_ascii_space(html[i])) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_ascii_space(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i++];
        const std::size_t value_end = html.find(quote, i);
        const std::size_t end = value_end == std::string_view::npos ? html.size() : value_end;
        attribute.raw_value = html.substr(i, end - i);
        i = end == html.size() ? end : end + 1;
      } else {
        const std::size_t value_start = i;
        while (i < html.size() && !is_ascii_space(html[i]) && html[i] != '>') ++i;
        attribute.raw_value = html.substr(value_start, i - value_start);
      }
    }
    if (!attribute.name.empty() && tag.attributes.size() < 64) tag.attributes.push_back(std::move(attribute));
  }
  return html.size();
}

bool is_furniture(const Tag& tag) {
  if (tag.find("hidden") != nullptr) return true;
  if (lower(tag.value("aria-hidden")) == "true") return true;
  if (one_of(lower(tag.value("role")), kFurnitureRoles)) return true;
  for (const char* attribute : {"class", "id"}) {
    const std::string value = lower(tag.value(attribute));
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = start;
      while (end < value.size() && value[end] != ' ' && value[end] != '-' && value[end] != '_') ++end;
      if (one_of(std::string_view(value).substr(start, end - start), kFurnitureWords)) return true;
      start = end + 1;
    }
  }
  return false;
}

// Accumulates visible text with HTML white-space collapsing and paragraph breaks.
class TextSink {
 public:
  void text(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (!preformatted && is_ascii_space(c)) {
        pending_space_ = true;
        continue;
      }
      flush_separators();
      out_.push_back(c);
    }
  }
  void line_break() { if (!out_.empty()) pending_break_ = std::max(pending_break_, 1); }
  void paragraph_break() { if (!out_.empty()) pending_break_ = 2; }
  std::string take() { return std::move(out_); }
  std::size_t size() const { return out_.size(); }

 private:
  void flush_separators() {
    if (pending_break_ > 0) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_.append(static_cast<std::size_t>(pending_break_), '\n');
    } else if (pending_space_ && !out_.empty() && out_.back() != '\n') {
      out_.push_back(' ');
    }
    pending_break_ = 0;
    pending_space_ = false;
  }
  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

struct OpenElement {
  std::string name;
  bool skipped;
};

bool is_date_meta(std::string_view key) {
  static constexpr std::array<std::string_view, 12> kKeys = {
      "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
      "dc.date.issued", "dcterms.date", "dcterms.issued", "pubdate", "publishdate",
      "parsely-pub-date", "sailthru.date"};
  return one_of(key, kKeys);
}

// The value of "datePublished" in JSON-LD, found by a scan that tolerates broken JSON.
std::string json_ld_date(std::string_view script) {
  const std::size_t key = script.find("\"datePublished\"");
  if (key == std::string_view::npos) return {};
  std::size_t i = script.find(':', key);
  if (i == std::string_view::npos) return {};
  i = script.find('"', i);
  if (i == std::string_view::npos) return {};
  const std::size_t end = script.find('"', i + 1);
  if (end == std::string_view::npos || end - i > 64) return {};
  return std::string(script.substr(i + 1, end - i - 1));
}

}  // namespace

std::string decode_html_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    i = amp + 1;
    char32_t cp = 0;
    std::size_t end = i;
    if (end < s.size() && s[end] == '#') {
      ++end;
      const bool hex = end < s.size() && (s[end] == 'x' || s[end] == 'X');
      if (hex) ++end;
      const std::size_t digits_start = end;
      std::uint32_t value = 0;
      while (end < s.size() && end - digits_start < 8) {
        const char c = s[end];
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) break;
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        ++end;
      }
      if (end > digits_start) {
        cp = value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? 0xFFFD : value;
        // Pages written in windows-1252 often escape its C1 range by number (&#146; for ’).
        if (value >= 0x80 && value <= 0x9F) {
          static constexpr char16_t kWindows1252[32] = {
              0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
              0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
          cp = kWindows1252[value - 0x80];
        }
      }
    } else {
      while (end < s.size() && end - i < 10 && ((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= 'A' && s[end] <= 'Z') || (s[end] >= '0' && s[end] <= '9'))) ++end;
      const std::string_view name = s.substr(i, end - i);
      const auto* found = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                                           [](const NamedEntity& e, std::string_view n) { return e.name < n; });
      if (found != std::end(kEntities) && found->name == name) cp = found->code_point;
    }
    if (cp == 0) {
      out.push_back('&');
      continue;
    }
    if (end < s.size() && s[end] == ';') ++end;
    append_utf8(out, cp == 0xA0 ? U' ' : cp);
    i = end;
  }
  return out;
}

std::string declared_html_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  std::size_t pos = 0;
  while ((pos = ifind(head, "<meta", pos)) != std::string_view::npos) {
    Tag tag;
    const std::size_t end = parse_tag(head, pos, tag);
    if (end == std::string_view::npos) {
      ++pos;
      continue;
    }
    pos = end;
    std::string charset = tag.value("charset");
    if (charset.empty() && lower(tag.value("http-equiv")) == "content-type") {
      const std::string content = lower(tag.value("content"));
      const std::size_t at = content.find("charset=");
      if (at != std::string::npos) charset = content.substr(at + 8);
    }
    charset = std::string(trim(charset));
    if (!charset.empty()) return charset;
  }
  return {};
}

bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < text.size() && is_ascii_space(text[i])) ++i;
  const std::string_view head = text.substr(i, 64);
  return ifind(head, "<!doctype html", 0) == 0 || ifind(head, "<html", 0) == 0 ||
         (ifind(head, "<head", 0) == 0) || (ifind(head, "<!--", 0) == 0 && ifind(text.substr(0, 4096), "<html", 0) != std::string_view::npos);
}

HtmlArticle extract_html(std::string_view html) {
  HtmlArticle article;
  TextSink body, main_content, current_article, best_article;
  std::string og_title, h1_title, title_element, meta_date, time_date, ld_date;
  std::vector<OpenElement> open;
  std::size_t skipped_open = 0, article_depth = 0, main_depth = 0, pre_depth = 0;
  int h1_depth = -1;
  bool seen_article = false;

  const auto emit_text = [&](std::string_view raw) {
    if (skipped_open > 0 || raw.empty()) return;
    const std::string decoded = decode_html_entities(raw);
    const bool pre = pre_depth > 0;
    body.text(decoded, pre);
    if (main_depth > 0) main_content.text(decoded, pre);
    if (article_depth > 0) current_article.text(decoded, pre);
    if (h1_depth >= 0 && h1_title.size() < 512) h1_title += decoded;
  };
  const auto emit_break = [&](bool paragraph) {
    for (TextSink* sink : {&body, &main_content, &current_article}) {
      paragraph ? sink->paragraph_break() : sink->line_break();
    }
  };
  const auto close_article = [&] {
    if (current_article.size() > best_article.size()) best_article = std::move(current_article);
    current_article = TextSink{};
  };
  const auto pop_to = [&](std::size_t depth) {
    while (open.size() > depth) {
      const OpenElement& element = open.back();
      if (element.skipped) --skipped_open;
      if (element.name == "article" && article_depth > 0 && --article_depth == 0) close_article();
      if (element.name == "main" && main_depth > 0) --main_depth;
      if (element.name == "pre" && pre_depth > 0) --pre_depth;
      if (element.name == "h1" && h1_depth >= 0 && static_cast<int>(open.size()) - 1 == h1_depth) h1_depth = -2;
      if (one_of(std::string_view(element.name), kBlock)) emit_break(true);
      open.pop_back();
    }
  };

  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      emit_text(html.substr(i));
      break;
    }
    emit_text(html.substr(i, lt - i));
    i = lt;
    if (html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html.substr(i, 2) == "<!" || html.substr(i, 2) == "<?") {
      const std::size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag tag;
    const std::size_t after = parse_tag(html, i, tag);
    if (after == std::string_view::npos) {
      emit_text(html.substr(i, 1));
      ++i;
      continue;
    }
    i = after;

    if (tag.closing) {
      for (std::size_t d = open.size(); d-- > 0;) {
        if (open[d].name == tag.name) {
          pop_to(d);
          break;
        }
      }
      if (tag.name == "br" || tag.name == "p") emit_break(tag.name == "p");
      continue;
    }

    if (tag.name == "html" && article.lang.empty()) article.lang = tag.value("lang");
    if (tag.name == "meta") {
      const std::string key = lower(!tag.value("property").empty() ? tag.value("property")
                                    : !tag.value("name").empty()   ? tag.value("name")
                                                                   : tag.value("itemprop"));
      if ((key == "og:title" || key == "twitter:title") && og_title.empty()) og_title = tag.value("content");
      if (meta_date.empty() && is_date_meta(key)) meta_date = tag.value("content");
      continue;
    }
    if (tag.name == "time" && time_date.empty() && skipped_open == 0) time_date = tag.value("datetime");

    if (one_of(std::string_view(tag.name), kRawText) || tag.name == "title") {
      const std::string closing = "</" + tag.name;
      const std::size_t end = ifind(html, closing, i);
      const std::string_view content = html.substr(i, (end == std::string_view::npos ? html.size() : end) - i);
      if (tag.name == "title" && title_element.empty()) title_element = decode_html_entities(content);
      if (tag.name == "script" && ld_date.empty() && lower(tag.value("type")) == "application/ld+json") ld_date = json_ld_date(content);
      if (end == std::string_view::npos) break;
      const std::size_t close = html.find('>', end);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    if (tag.name == "br") {
      emit_break(false);
      continue;
    }
    const bool is_block = one_of(std::string_view(tag.name), kBlock);
    if (is_block) emit_break(true);
    if (one_of(std::string_view(tag.name), kVoid) || tag.self_closing) continue;
    // Paragraphs and list items close their open predecessor, as HTML's implied end tags do.
    if ((tag.name == "p" || tag.name == "li") && !open.empty() && open.back().name == tag.name) pop_to(open.size() - 1);
    if (open.size() >= kMaxDepth) continue;  // deeper nesting is flattened
    const bool header_outside_content = tag.name == "header" && article_depth == 0 && main_depth == 0;
    const bool skipped = one_of(std::string_view(tag.name), kSkipped) || header_outside_content || is_furniture(tag);
    open.push_back({tag.name, skipped});
    if (skipped) ++skipped_open;
    if (tag.name == "article") {
      seen_article = true;
      ++article_depth;
    }
    if (tag.name == "main") ++main_depth;
    if (tag.name == "pre") ++pre_depth;
    if (tag.name == "h1" && h1_depth == -1 && skipped_open == 0) h1_depth = static_cast<int>(open.size()) - 1;
  }
  pop_to(0);
  if (article_depth > 0) close_article();

  std::string body_text = body.take();
  std::string article_text = best_article.take();
  std::string main_text = main_content.take();
  if (seen_article && !article_text.empty() && (article_text.size() >= 500 || article_text.size() * 4 >= body_text.size())) {
    article.text = std::move(article_text);
  } else if (!main_text.empty() && main_text.size() * 4 >= body_text.size()) {
    article.text = std::move(main_text);
  } else {
    article.text = std::move(body_text);
  }
  for (std::string* candidate : {&og_title, &h1_title, &title_element}) {
    std::string cleaned;
    TextSink sink;
    sink.text(*candidate, false);
    cleaned = sink.take();
    if (!trim(cleaned).empty()) {
      article.title = std::string(trim(cleaned));
      break;
    }
  }
  for (std::string* candidate : {&meta_date, &ld_date, &time_date}) {
    if (!trim(*candidate).empty()) {
      article.date = std::string(trim(*candidate));
      break;
    }
  }
  return article;
}

}  // namespace cronaca
