#include "resolve/acronyms.h"

#include <algorithm>
#include <span>

#include "resolve/tokens_view.h"
#include "text/utf8.h"

namespace cronaca {

using namespace resolve_detail;

namespace {

// A content word's initial, lower-case ASCII, or 0 for a function word, an elision ("l'",
// "dell'"), punctuation or a word that starts otherwise.
char initial(const Token& t, std::string_view text, const LanguageProfile* profile) {
  if (is_punctuation(t)) return 0;
  const std::string folded = apostrophe_key(slice(text, t.begin, t.end));
  if (profile && profile->is_stopword(folded)) return 0;
  if (folded.ends_with('\'')) return 0;
  return !folded.empty() && folded[0] >= 'a' && folded[0] <= 'z' ? folded[0] : 0;
}

// Content words' initials: "Organizzazione del trattato per la sicurezza collettiva" -> "cost"
// (sorted, as an acronym may come from another language's word order: CSTO).
std::string initials(std::span<const Token> tokens, std::string_view text, const LanguageProfile* profile) {
  std::string letters;
  for (const Token& t : tokens) {
    if (const char c = initial(t, text, profile)) letters.push_back(c);
  }
  std::sort(letters.begin(), letters.end());
  return letters;
}

bool acronym_shape(std::string_view s) {
  if (s.size() < 2 || s.size() > 8 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

}  // namespace

std::vector<AcronymLink> acronym_links(const Document& doc, const LanguageProfile* profile) {
  std::vector<AcronymLink> links;
  const std::string_view text = doc.text;
  const auto& tokens = doc.tokens;
  const auto word = [&](std::size_t i) { return slice(text, tokens[i].begin, tokens[i].end); };
  // word(i) == "(", without a string comparison for every token of the document.
  const auto is_byte = [&](std::size_t i, char c) { return tokens[i].end - tokens[i].begin == 1 && text[tokens[i].begin] == c; };
  const auto sorted_letters = [](std::string_view acronym) {
    std::string letters;
    for (char c : acronym) letters.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    std::sort(letters.begin(), letters.end());
    return letters;
  };
  const auto expansion_text = [&](std::size_t first, std::size_t last) {
    // Leading articles and elided prepositions are not part of the name.
    while (first < last) {
      const std::string folded = apostrophe_key(word(first));
      if (!(folded.ends_with('\'') || (profile && profile->is_stopword(folded)))) break;
      ++first;
    }
    return first < last ? std::string(slice(text, tokens[first].begin, tokens[last - 1].end)) : std::string();
  };
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!is_byte(i + 1, '(')) continue;
    // ACRONYM ( expansion )
    if (acronym_shape(word(i))) {
      const std::string want = sorted_letters(word(i));
      for (std::size_t close = i + 3; close < tokens.size() && close < i + 16; ++close) {
        if (!is_byte(close, ')')) continue;
        const std::span<const Token> inside(tokens.data() + i + 2, close - i - 2);
        if (initials(inside, text, profile) == want) links.push_back({fold_case(word(i)), expansion_text(i + 2, close)});
        break;
      }
    }
    // expansion ( ACRONYM )
    if (i + 3 < tokens.size() && acronym_shape(word(i + 2)) && is_byte(i + 3, ')')) {
      const std::string want = sorted_letters(word(i + 2));
      // Longer and longer expansions before the bracket, their initials kept sorted as each word
      // joins: each word is read once, not once per expansion it is part of.
      std::string letters;
      for (std::size_t first = i + 1; first-- > 0 && i + 1 - first <= 14;) {
        if (is_punctuation(tokens[first])) break;
        if (const char c = initial(tokens[first], text, profile)) {
          letters.insert(std::upper_bound(letters.begin(), letters.end(), c), c);
          if (letters.size() > want.size()) break;  // initials only grow
        }
        if (letters == want && starts_upper(word(first))) {
          links.push_back({fold_case(word(i + 2)), expansion_text(first, i + 1)});
          break;
        }
      }
    }
  }
  return links;
}

}  // namespace cronaca
