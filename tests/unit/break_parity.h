#pragma once
// What the word and sentence breakers' tests share: the locales they hold to ICU, the texts they
// try (every code point in templates, random strings from a palette) and how a text is shown
// when a difference is found.
#include <unicode/brkiter.h>
#include <unicode/rbbi.h>
#include <unicode/utext.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace cronaca::break_parity {

// Every language the analyser ships (lang/<code>/), and the root locale of unknown languages.
inline const char* const kLocales[] = {"", "de", "en", "es", "fr", "it", "pt"};

inline icu::Locale locale_of(const char* code) { return *code ? icu::Locale(code) : icu::Locale::getRoot(); }

// The compiled rules of an ICU break iterator, to compare a locale's with the root's.
inline std::string_view binary_rules(icu::BreakIterator& iterator) {
  uint32_t length = 0;
  const uint8_t* rules = dynamic_cast<icu::RuleBasedBreakIterator&>(iterator).getBinaryRules(length);
  return {reinterpret_cast<const char*>(rules), length};
}

// Points `iterator` at `text` through a UText that the caller closes.
inline UText* open_text(icu::BreakIterator& iterator, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) iterator.setText(utext, status);
  return U_SUCCESS(status) ? utext : nullptr;
}

inline std::string utf8(char32_t c) {
  std::string s;
  append_utf8(s, c);
  return s;
}

// Printable ASCII as it is, the rest as \u{...} (\xNN for a byte that is not UTF-8).
inline std::string escaped(std::string_view text) {
  std::ostringstream out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t c = decode_utf8(text, pos);
    if (c >= 0x20 && c < 0x7F && c != '\\' && c != '|') {
      out << static_cast<char>(c);
    } else if (c == 0xFFFD && pos == begin + 1) {
      out << "\\x" << std::hex << (static_cast<unsigned>(static_cast<unsigned char>(text[begin]))) << std::dec;
    } else {
      out << "\\u{" << std::hex << static_cast<std::uint32_t>(c) << std::dec << "}";
    }
  }
  return out.str();
}

// The templates, one a line, with `x` for each X.
inline std::string filled(const std::vector<std::string>& templates, std::string_view x) {
  std::string text;
  for (const std::string& t : templates) {
    for (char ch : t) {
      if (ch == 'X') {
        text += x;
      } else {
        text += ch;
      }
    }
    text += '\n';
  }
  return text;
}

// 1 to `longest` pieces of the palette.
inline std::string random_text(const std::vector<std::string>& palette, std::uint32_t longest, std::mt19937& random) {
  std::string text;
  const auto length = 1 + random() % longest;
  for (std::uint32_t j = 0; j < length; ++j) text += palette[random() % palette.size()];
  return text;
}

}  // namespace cronaca::break_parity
