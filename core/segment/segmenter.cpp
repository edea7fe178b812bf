#include "segment/segmenter.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "segment/apostrophes.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

// No sentence is longer than kMaxSentenceTokens tokens. Text without sentence punctuation (a
// pasted table, a log, a file that is one 2 MB line) would otherwise be one sentence, and the
// stages that work a sentence at a time (the entity tagger's lattice above all) would hold all of
// it at once: 600 bytes a token, over a gigabyte for a 16 MB line. A long run is cut after a comma,
// semicolon or colon once it passes kLongSentenceTokens, else at the limit. Real sentences are far
// shorter, so their analysis is unchanged.
constexpr std::uint32_t kLongSentenceTokens = 900;
constexpr std::uint32_t kMaxSentenceTokens = 1000;

bool ends_clause(std::string_view token) { return token == "," || token == ";" || token == ":"; }

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

// One pass over the bytes: most words have no apostrophe, and this spares them the elision and
// clitic rules.
bool has_apostrophe(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte == '\'' || (byte == 0xE2 && word.substr(i, 3) == "\u2019") || (byte == 0xCA && word.substr(i, 2) == "\u02BC")) return true;
  }
  return false;
}

std::string_view slice(std::string_view text, const Token& t) { return text.substr(t.begin, t.end - t.begin); }

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Byte offset of the start of the last `count` code points of `s`.
std::size_t last_code_points_start(std::string_view s, std::size_t count) {
  std::size_t pos = s.size();
  while (count > 0 && pos > 0) {
    --pos;
    if ((static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80) --count;
  }
  return pos;
}

bool is_terminal(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == U'…' || cp == ':' || cp == ';' || cp == U'。';
}

bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == U'”' || cp == U'’' || cp == U'»' || cp == U'›';
}

char32_t last_code_point(std::string_view s, std::size_t& start) {
  start = s.size();
  if (start == 0) return 0;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80);
  std::size_t pos = start;
  return decode_utf8(s, pos);
}

// The lines of a text and, per paragraph (lines between blank lines), whether it is hard-wrapped:
// several lines of similar length under a typical wrap width.
struct Line {
  std::uint32_t begin, end;  // end excludes the line break
  bool blank;
  bool wrapped_paragraph;
  std::uint32_t length;      // in code points
  std::uint32_t wrap_width;  // the paragraph's longest line but the last
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::size_t content_end = end;
    if (content_end > pos && text[content_end - 1] == '\r') --content_end;
    const std::string_view line = text.substr(pos, content_end - pos);
    // Lengths are counted below, only where a paragraph has several lines.
    lines.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(content_end), is_blank(line), false, 0, 0});
    if (end == text.size()) break;
    pos = end + 1;
  }
  for (std::size_t first = 0; first < lines.size();) {
    if (lines[first].blank) {
      ++first;
      continue;
    }
    std::size_t last = first;
    while (last + 1 < lines.size() && !lines[last + 1].blank) ++last;
    if (last > first) {
      for (std::size_t i = first; i <= last; ++i) {
        lines[i].length = static_cast<std::uint32_t>(code_points(trim(text.substr(lines[i].begin, lines[i].end - lines[i].begin))));
      }
      std::uint32_t width = 0;
      for (std::size_t i = first; i < last; ++i) width = std::max(width, lines[i].length);
      std::size_t full = 0;
      for (std::size_t i = first; i < last; ++i) full += lines[i].length * 10 >= width * 6;
      // Wrap widths in the wild are 60 to 80 columns (mail, wire copy); shorter lines of similar
      // length are more likely a list of headings.
      const bool wrapped = width >= 50 && width <= 120 && full * 2 >= last - first;
      for (std::size_t i = first; i <= last; ++i) {
        lines[i].wrapped_paragraph = wrapped;
        lines[i].wrap_width = width;
      }
    }
    first = last + 1;
  }
  return lines;
}

icu::Locale locale_of(const LanguageProfile* profile) {
  return profile ? icu::Locale(profile->code.c_str()) : icu::Locale::getRoot();
}

}  // namespace

Segmenter::Segmenter(const LanguageProfile* profile)
    : profile_(profile), words_(locale_of(profile)), sentences_(locale_of(profile)) {}

Segmenter::~Segmenter() = default;

std::size_t Segmenter::elision_length(std::string_view word) const {
  if (profile_->elisions.empty()) return 0;
  for (std::size_t pos = 0; pos < word.size();) {
    if (!is_apostrophe(decode_utf8(word, pos))) continue;
    const bool followed = pos < word.size();
    return followed && profile_->elisions.count(apostrophe_key(word.substr(0, pos))) ? pos : 0;
  }
  return 0;
}

std::size_t Segmenter::clitic_start(std::string_view word) const {
  if (profile_->clitic_suffixes.empty() || !has_apostrophe(word)) return 0;
  const std::string key = apostrophe_key(word);
  for (const std::string& clitic : profile_->clitic_suffixes) {
    if (key.size() > clitic.size() && key.ends_with(clitic)) return last_code_points_start(word, code_points(clitic));
  }
  return 0;
}

void Segmenter::split_words(std::string_view text, std::vector<Token>& tokens) {
  words_.split(text, tokens);
  if (!profile_) return;

  // Language rules rewrite the token list in one pass.
  std::vector<Token> out;
  out.reserve(tokens.size() + tokens.size() / 8);
  ApostropheFinder apostrophes(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token token = tokens[i];
    if (token.kind == TokenKind::word) {
      if (apostrophes.within(token.begin, token.end)) {
        // Elisions: "dell'agenzia" -> "dell'" + "agenzia" (and again for "dall'un'altra").
        while (const std::size_t length = elision_length(slice(text, token))) {
          out.push_back({token.begin, static_cast<std::uint32_t>(token.begin + length), TokenKind::word});
          token.begin += static_cast<std::uint32_t>(length);
        }
        // Clitics: "Tokayev's" -> "Tokayev" + "'s".
        if (const std::size_t cut = clitic_start(slice(text, token)); cut > 0) {
          out.push_back({token.begin, static_cast<std::uint32_t>(token.begin + cut), TokenKind::word});
          token.begin += static_cast<std::uint32_t>(cut);
        }
      }
      // "l'11": before a digit ICU leaves the apostrophe apart.
      if (i + 1 < tokens.size() && tokens[i + 1].begin == token.end && tokens[i + 1].kind == TokenKind::punctuation &&
          !profile_->elisions.empty()) {
        std::size_t pos = 0;
        const std::string_view next = slice(text, tokens[i + 1]);
        if (is_apostrophe(decode_utf8(next, pos)) && pos == next.size() &&
            profile_->elisions.count(apostrophe_key(text.substr(token.begin, tokens[i + 1].end - token.begin)))) {
          token.end = tokens[i + 1].end;
          ++i;
          out.push_back(token);
          continue;
        }
      }
      // Hyphenated compounds stay one token, as KIND has them: "Kassym-Jomart", "centro-sud".
      while (i + 2 < tokens.size() && tokens[i + 1].begin == token.end && tokens[i + 2].begin == tokens[i + 1].end &&
             tokens[i + 1].end == tokens[i + 1].begin + 1 && text[tokens[i + 1].begin] == '-' && tokens[i + 2].kind != TokenKind::punctuation) {
        token.end = tokens[i + 2].end;
        i += 2;
      }
      // Abbreviations and initials keep their period: "Sig.", "U.S.", "J.".
      if (i + 1 < tokens.size() && tokens[i + 1].begin == token.end && text[token.end] == '.' && tokens[i + 1].end == token.end + 1) {
        const std::string_view w = slice(text, token);
        std::size_t first_pos = 0;
        const char32_t first = decode_utf8(w, first_pos);
        const bool initial = first_pos == w.size() && u_isupper(first);
        const bool dotted = w.find('.') != std::string_view::npos;
        if (initial || dotted || profile_->abbreviations.count(fold_case(std::string(w) + "."))) {
          token.end += 1;
          ++i;
        }
      }
    }
    out.push_back(token);
  }
  tokens.swap(out);
}

bool Segmenter::never_ends_sentence(std::string_view token) const {
  if (!token.ends_with('.')) return false;
  std::size_t pos = 0;
  const char32_t first = decode_utf8(token, pos);
  if (pos + 1 == token.size() && u_isupper(first)) return true;  // an initial: "J."
  if (!profile_) return false;
  const auto found = profile_->abbreviations.find(fold_case(token));
  return found != profile_->abbreviations.end() && !found->second;
}

std::vector<std::uint32_t> Segmenter::sentence_breaks(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::uint32_t> proposed;
  sentences_.split(text, proposed);

  // ICU proposes; two things it does not know overrule it. A sentence does not end after a
  // title or an initial ("Sig. Rossi", "J. Smith") unless a blank line follows. And ICU ends a
  // sentence at every line break, but inside a hard-wrapped paragraph a full-width line that
  // does not end with sentence punctuation continues on the next line.
  const std::vector<Line> lines = lines_of(text);
  std::vector<std::uint32_t> kept;
  std::size_t line = 0;
  std::size_t next_token = 0;  // first token starting at or after the break
  for (const std::uint32_t at : proposed) {
    while (next_token < tokens.size() && tokens[next_token].begin < at) ++next_token;
    if (next_token == 0 || next_token == tokens.size()) {
      kept.push_back(at);
      continue;
    }
    const Token& before = tokens[next_token - 1];
    const std::string_view gap = text.substr(before.end, tokens[next_token].begin - before.end);
    const auto line_breaks = std::count(gap.begin(), gap.end(), '\n');
    if (line_breaks >= 2) {
      kept.push_back(at);
      continue;
    }
    if (never_ends_sentence(slice(text, before))) continue;
    if (profile_ && before.kind == TokenKind::word && text[before.end - 1] == '.' &&
        profile_->continuations.count(fold_case(slice(text, tokens[next_token])))) {
      continue;
    }
    if (line_breaks == 1) {
      while (line + 1 < lines.size() && lines[line + 1].begin <= before.end) ++line;
      const Line& current = lines[line];
      if (current.wrapped_paragraph && current.length * 10 >= current.wrap_width * 6) {
        // The last character before any closing quotes or brackets.
        std::string_view rest = text.substr(current.begin, before.end - current.begin);
        std::size_t start = 0;
        char32_t last = last_code_point(rest, start);
        while (is_closing(last) && start > 0) {
          rest = rest.substr(0, start);
          last = last_code_point(rest, start);
        }
        if (!is_terminal(last)) continue;
      }
    }
    kept.push_back(at);
  }
  return kept;
}

void Segmenter::segment(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  split_words(text, tokens);
  const std::vector<std::uint32_t> breaks = sentence_breaks(text, tokens);
  sentences.clear();
  std::size_t next_break = 0;
  Sentence current;
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    while (next_break < breaks.size() && breaks[next_break] <= tokens[i].begin) {
      if (current.token_count > 0) {
        sentences.push_back(current);
        current = Sentence{};
      }
      ++next_break;
    }
    if (current.token_count == 0) {
      current.begin = tokens[i].begin;
      current.first_token = i;
    }
    current.end = tokens[i].end;
    ++current.token_count;
    if (current.token_count >= kMaxSentenceTokens ||
        (current.token_count >= kLongSentenceTokens && ends_clause(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin)))) {
      sentences.push_back(current);
      current = Sentence{};
    }
  }
  if (current.token_count > 0) sentences.push_back(current);
}

}  // namespace cronaca
