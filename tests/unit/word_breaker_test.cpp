// The word breaker against ICU's word break iterator, which it must match piece for piece: on
// hand-picked cases, on every code point its table covers, and on random strings of characters
// that the rules treat differently.
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/rbbi.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "break_parity.h"
#include "segment/word_breaker.h"
#include "text/utf8.h"

using namespace cronaca;
using namespace cronaca::break_parity;

namespace {



// What Segmenter::split_words did with ICU alone before the word breaker.
std::vector<Token> icu_split(icu::BreakIterator& words, std::string_view text) {
  UText* utext = open_text(words, text);
  REQUIRE(utext != nullptr);
  std::vector<Token> tokens;
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    const int32_t rule = words.getRuleStatus();
    TokenKind kind = TokenKind::word;
    if (rule < UBRK_WORD_NONE_LIMIT) {
      if (is_blank(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)))) continue;
      kind = TokenKind::punctuation;
    } else if (rule < UBRK_WORD_NUMBER_LIMIT) {
      kind = TokenKind::number;
    }
    tokens.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), kind});
  }
  utext_close(utext);
  return tokens;
}


std::string describe(std::string_view text, const std::vector<Token>& tokens) {
  static const char* const kinds[] = {"word", "number", "punct"};
  std::string out;
  for (const Token& t : tokens) {
    out += "[" + escaped(text.substr(t.begin, t.end - t.begin)) + "]" + kinds[static_cast<int>(t.kind)] + " ";
  }
  return out;
}

bool same(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].kind != b[i].kind) return false;
  }
  return true;
}

// One breaker and one ICU iterator for a locale; returns false (and reports) on a difference.
struct Parity {
  explicit Parity(const char* code) : breaker(locale_of(code)) {
    UErrorCode status = U_ZERO_ERROR;
    icu.reset(icu::BreakIterator::createWordInstance(locale_of(code), status));
    REQUIRE(U_SUCCESS(status));
  }

  bool holds(std::string_view text) {
    breaker.split(text, ours);
    const std::vector<Token> theirs = icu_split(*icu, text);
    if (same(ours, theirs)) return true;
    INFO("text:  " << escaped(text));
    INFO("ICU:   " << describe(text, theirs));
    INFO("ours:  " << describe(text, ours));
    CHECK(false);
    return false;
  }

  WordBreaker breaker;
  std::unique_ptr<icu::BreakIterator> icu;
  std::vector<Token> ours;
};


}  // namespace

TEST_CASE("every shipped language breaks words with ICU's root rules, the ones the breaker implements") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> root(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  for (const char* code : kLocales) {
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(locale_of(code), status));
    REQUIRE(U_SUCCESS(status));
    INFO("locale " << code);
    CHECK(binary_rules(*words) == binary_rules(*root));
  }
}

TEST_CASE("the word breaker matches ICU on hand-picked cases") {
  const std::vector<std::string> cases = {
      "",
      " ",
      "L’agenzia dell'Onu e il Sig. Rossi, l'11 gennaio.",
      "Mr. Tokayev's forces reached the U.S. Embassy at 9 a.m. Officials didn't comment.",
      "3,5 1.000.000 1,000,000.50 3;4 3:4 10:35 2022-01-06 06/01/2022 -12 +3 ±4 5% 20°C €10 $5.99",
      "3a a3 a3.5 3a.b 3.a a.3 a..b 1..2 3.5. .5 5. 0.5a 1_000 a_b _a _ __ 3__ a_ a_\u0301",
      "e-mail e‐mail centro-sud Kassym-Jomart x–y x—y",
      "U.S. e.g. i.e. a.b.c. Ph.D. S.p.A. U.S.A.",
      "https://www.example.com/path?q=1&x=y#frag ftp://host:21 www.ansa.it/notizie",
      "user@example.com @user #hashtag #Ucraina2022 a@b 1@2 @ @@",
      "caf\u00E9 cafe\u0301 na\u0308ive e\u0301\u0301 \u0301start a\u00ADb soft\u00ADhyphen x\u200By",
      "tab\there\t\tand CRLF\r\nline\rCR\nLF\u0085NEL\u2028LS\u2029PS\fFF\vVT",
      "a  b   c \u00A0d\u202Fe\u2009f\u3000g \u0301 x  \u0301",
      // One space before each kind of ASCII character, the breaker's shortcut, and before others.
      "a b 1 . , ' \" - _ @ : ( \t \n \r\n \x01 \u00E8 \u4E2D \u05D0 \u0301 end ",
      "l'11 dell'8 all'Italia d'Annunzio po' rock'n'roll O’Neill ‘quoted’ 'single' \"double\" «guillemets» “curly”",
      "Emoji 😀 ❤️ 👍🏽 👨‍👩‍👧 🇮🇹🇺🇦 ©2022 Apple® Brand™ a\u200Db \u200D",
      "中文 北京市 日本語のテキスト カタカナ ひらがな 한국어 ภาษาไทย ລາວ ខ្មែរ",
      "עברית ש\"ח א'ב Ελληνικά Русский язык العربية ٣٤٥ हिन्दी",
      "n°3 N. 5 art.3 1ª 2º ½ ²³ x² H₂O 1/2 3×4 ...... … ‒ ― ‖",
      "\xFF\xFE invalid \xC3 bytes \xE2\x82 end \x80",
      std::string("nul\0byte", 8),
  };
  for (const char* code : kLocales) {
    Parity parity(code);
    for (const std::string& text : cases) parity.holds(text);
  }
}

TEST_CASE("the word breaker matches ICU around every code point its table covers") {
  // Each code point X beside characters of every class the rules tell apart, one template a
  // line: a line break is a boundary on both sides, so the lines do not interact.
  const std::vector<std::string> partners = {"a",  "Z", "1", "\u00B7", ";", ".", "'", "_",      "\u0301", "\u00AD",
                                             " ", "\r", "\n", "\u0085", "!", "@", ":", "\u202F", "\u00A0", "\u2019"};
  std::vector<std::string> templates = {"X", "XX", "XXX", "aXb", "1X2", "aX1", "1Xa", "aXa", "_X_", "a.X", "X.a",
                                        "1.X", "X.1", "a\u00B7X", "X\u00B7a", "1;X", "X;1", "a'X", "X'a", "X\u0301X",
                                        "aX.b", "1X,2", "X_a", "X_1", "a_X", "1_X", "X\u0301.a", "a.X\u0301b"};
  for (const std::string& p : partners) {
    templates.push_back(p + "X");
    templates.push_back("X" + p);
  }
  Parity parity("it");
  int differences = 0;
  for (char32_t c = 0; c < 0x3000 && differences < 10; ++c) {
    if (!parity.holds(filled(templates, utf8(c)))) ++differences;
  }
  CHECK(differences == 0);
}

TEST_CASE("the word breaker matches ICU on 20,000 random strings of tricky characters") {
  const std::vector<std::string> palette = {
      "a", "b", "Z", "x", "\u00E9", "e\u0301", "\u0301", "\u0308", "1", "9", "0", ".", ",", ";", ":", "'", "\u2019",
      "\u2018", "\u00B7", "\u2024", "_", "@", "#", "-", "\u2010", "\u2013", " ", " ", "  ", "\t", "\n", "\r", "\r\n",
      "\u0085", "\u2028", "\u00A0", "\u202F", "\u2009", "\u3000", "\u00AD", "\u200B", "\u200C", "\u200D", "\u2060",
      "\uFEFF", "\"", "!", "?", "(", ")", "/", "%", "\u20AC", "$", "\u00A9", "\u00AE", "\u2122", "\u2026", "\u00AB",
      "\u00BB", "\u201C", "\u201D", "\u03B1", "\u0434", "\u0628", "\u0663", "\u0915", "\u093F", "\u05D0", "\u05F3",
      "\u05F4", "\u0E01", "\u0E34", "\u4E2D", "\u6587", "\u30BF", "\u30FC", "\u3072", "\uAC00", "\uFF0C", "\uFF11",
      "\U0001F600", "\u2764", "\uFE0F", "\U0001F3FD", "\U0001F1EE", "\U0001F1F9", "\u2070", "\u00B2", "\u00BD",
      "\xFF", "\xC3", "\x80", std::string(1, '\0'), "\u1100", "\u3031", "\u309B", "\uFE55"};
  std::mt19937 random(20220106);
  Parity italian("it");
  Parity root("");
  int differences = 0;
  for (int i = 0; i < 20000 && differences < 10; ++i) {
    if (!(i % 2 ? root : italian).holds(random_text(palette, 16, random))) ++differences;
  }
  CHECK(differences == 0);
}

TEST_CASE("the word breaker matches ICU on long mixed text, where ICU takes over stretches of it") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Il 6 gennaio 2022 l'esercito è entrato ad Almaty (Kazakistan): 3,5 milioni di €. ";
    if (i % 7 == 0) text += "中文报道说，北京 ";
    if (i % 11 == 0) text += "😀👍🏽 ";
    if (i % 13 == 0) text += "שלום עולם\n";
    if (i % 5 == 0) text += "\r\n\r\n";
  }
  for (const char* code : kLocales) Parity(code).holds(text);
}
