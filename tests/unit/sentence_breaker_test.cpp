// The sentence breaker against ICU's sentence break iterator, which it must match boundary for
// boundary: on hand-picked cases, on every code point of the Basic Multilingual Plane, and on
// random strings of characters that the rules treat differently.
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/rbbi.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "break_parity.h"
#include "segment/break_text.h"
#include "segment/sentence_breaker.h"
#include "text/utf8.h"

using namespace cronaca;
using namespace cronaca::break_parity;

namespace {



std::vector<std::uint32_t> icu_breaks(icu::BreakIterator& sentences, std::string_view text) {
  UText* utext = open_text(sentences, text);
  REQUIRE(utext != nullptr);
  std::vector<std::uint32_t> breaks;
  for (int32_t found = sentences.next(); found != icu::BreakIterator::DONE; found = sentences.next()) {
    breaks.push_back(static_cast<std::uint32_t>(found));
  }
  utext_close(utext);
  return breaks;
}


std::string describe(std::string_view text, const std::vector<std::uint32_t>& breaks) {
  std::string out;
  std::size_t start = 0;
  for (std::uint32_t b : breaks) {
    out += escaped(text.substr(start, b - start)) + " | ";
    start = b;
  }
  return out;
}

struct Parity {
  explicit Parity(const char* code) : breaker(locale_of(code)) {
    UErrorCode status = U_ZERO_ERROR;
    icu.reset(icu::BreakIterator::createSentenceInstance(locale_of(code), status));
    REQUIRE(U_SUCCESS(status));
  }

  bool holds(std::string_view text) {
    breaker.split(text, ours);
    const std::vector<std::uint32_t> theirs = icu_breaks(*icu, text);
    if (ours == theirs) return true;
    INFO("text:  " << escaped(text));
    INFO("ICU:   " << describe(text, theirs));
    INFO("ours:  " << describe(text, ours));
    CHECK(false);
    return false;
  }

  SentenceBreaker breaker;
  std::unique_ptr<icu::BreakIterator> icu;
  std::vector<std::uint32_t> ours;
};


}  // namespace

TEST_CASE("every shipped language breaks sentences with ICU's root rules, the ones the breaker implements") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> root(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  for (const char* code : kLocales) {
    std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(locale_of(code), status));
    REQUIRE(U_SUCCESS(status));
    INFO("locale " << code);
    REQUIRE(dynamic_cast<icu::RuleBasedBreakIterator*>(sentences.get()) != nullptr);  // not wrapped in an exception filter (no "@ss=")
    CHECK(binary_rules(*sentences) == binary_rules(*root));
  }
}

TEST_CASE("the sentence breaker matches ICU on hand-picked cases") {
  const std::vector<std::string> cases = {
      "",
      " ",
      "\n\n",
      "Hello.\n  Foo bar.",
      "  Hi. ) Foo",
      "a.b. c. U.S.A. Embassy p. 5 of He said. (And then) he left. Hi! world etc., Foo a?. b x. ) X 3.5 is A. B",
      "A.\u0301 B One. Two  . x ).Foo ...Foo Ok.\u2029x Ok.\u2029X",
      "Lo ha detto il dott. Bianchi al Sig. Verdi. Il presidente J. R. Smith ha risposto. ",
      "Ci sono \"decine\" di morti, secondo fonti governative. Poche ore dopo (l’Organizzazione del trattato). L’obiettivo è chiaro!",
      "The blast came at 10:35 a.m. (0735 GMT) Friday. Acme Inc. (NYSE: ACM) fell. It was 9 p.m. Police came.",
      "Wall Street's big guns are now coming off the sidelines, and\nthe financial assistance from the World Bank is not helping\r\n"
      "the market. In Singapore, stocks hit a five year low, said Mr.\nSmith of the exchange.\n",
      "«Basta!» ha detto. «Davvero?» “Yes.” ‘No.’ Why?! Really?? Wait... what… OK。次の文。",
      "Москва заявила. Войска прибыли в Алматы 6 января. Ελληνικά. Σήμερα; Ναι. عربي؟ نعم. हिन्दी। अगला।",
      "Emoji 😀. Next 👍🏽 sentence. \xFF invalid. \xC3 Truncated.",
      "x.\u00ADY a.\u200BB 1.\t2. A. \u00A0B C.\u2028D E.\u0085F G.\vH I.\fJ",
      std::string("nul.\0Byte. ", 11),
  };
  for (const char* code : kLocales) {
    Parity parity(code);
    for (const std::string& text : cases) parity.holds(text);
  }
}

TEST_CASE("the sentence breaker matches ICU around every code point of the Basic Multilingual Plane") {
  // Each code point X beside characters of every class the rules tell apart, one template a
  // line: a line break ends a sentence and the next starts afresh, so the lines do not interact.
  const std::vector<std::string> partners = {"a", "A", "1", ".", "!", ",", ")", " ", "\r", "\u2029", "\u0301", "\u00AD", "\u05D0", "#"};
  std::vector<std::string> templates = {"X", "XX", "a.X", "A.X", "a. X", "X. a", "X. A", "a.Xb", "A.XB", "aX.B", "AX.B",
                                        "a. X b", "a! X b", "a. (X b", "a.) X", "a X. b", "a X! B", "X.1", "1X2", "a.X.b"};
  for (const std::string& p : partners) {
    templates.push_back(p + "X");
    templates.push_back("X" + p);
    templates.push_back("a. " + p + "X b");
    templates.push_back("a. X" + p + " b");
  }
  Parity parity("it");
  int differences = 0;
  for (char32_t c = 0; c < 0x10000 && differences < 10; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!parity.holds(filled(templates, utf8(c)))) ++differences;
  }
  CHECK(differences == 0);
}

TEST_CASE("the sentence breaker matches ICU on 20,000 random strings of tricky characters") {
  const std::vector<std::string> palette = {
      "a", "b", "x", "A", "Z", "\u00E9", "\u00C9", "\u0301", "1", "9", ".", ".", "!", "?", "\u2026", "\u3002", "\u203C",
      ",", ";", ":", "-", "'", "\"", "(", ")", "[", "]", "\u00AB", "\u00BB", "\u201C", "\u201D", "\u2019", " ", " ",
      "  ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u00A0", "\u00AD", "\u200B", "\u200D", "\u05D0",
      "\u4E2D", "\u0434", "\u0414", "\u0628", "\u061F", "\u0964", "#", "%", "\u20AC", "\U0001F600", "\xFF", "\xC3",
      std::string(1, '\0'), "\uFF0E", "\uFF61", "\uFE52", "\u02BC", "\u00B7"};
  std::mt19937 random(20220106);
  Parity italian("it");
  Parity root("");
  int differences = 0;
  for (int i = 0; i < 20000 && differences < 10; ++i) {
    if (!(i % 2 ? root : italian).holds(random_text(palette, 20, random))) ++differences;
  }
  CHECK(differences == 0);
}

TEST_CASE("an ASCII run ends where reading a character at a time leaves the marked ones") {
  using Scanner = BreakScanner<0x800, 2, 3>;
  Scanner::Table table{};
  for (std::size_t c = 0; c < table.size(); ++c) table[c] = c >= 'a' && c <= 'z' ? 1 : 0;
  std::array<bool, 256> marked{};
  for (unsigned c = 'a'; c <= 'z'; ++c) marked[c] = true;
  const std::vector<std::string> texts = {"", "abc", "ab c", "ABC", "a\u00E9b", "xyz\xFF", "a\xC3", "end."};
  for (const std::string& text : texts) {
    const Scanner scanner(text, table);
    for (std::size_t from = 0; from <= text.size(); ++from) {
      std::size_t slow = from;
      while (slow < text.size() && static_cast<unsigned char>(text[slow]) < 0x80 && scanner.at(slow).kind == 1) slow += scanner.at(slow).length;
      INFO(text << " from " << from);
      CHECK(scanner.ascii_run_end(from, marked) == slow);
    }
  }
}
