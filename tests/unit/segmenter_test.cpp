#include <catch2/catch.hpp>

#include "lang/language.h"
#include "segment/apostrophes.h"
#include "segment/segmenter.h"
#include "text/byte_cursor.h"
#include "test_resources.h"

using namespace cronaca;

namespace {
const Languages& languages() { return test::shipped_languages(); }

struct Segmented {
  std::vector<std::string> tokens;
  std::vector<std::string> sentences;
};

Segmented segment(const std::string& text, const char* lang) {
  Segmenter segmenter(lang ? languages().find(lang) : nullptr);
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  segmenter.segment(text, tokens, sentences);
  Segmented out;
  for (const Token& t : tokens) out.tokens.emplace_back(text.substr(t.begin, t.end - t.begin));
  for (const Sentence& s : sentences) {
    out.sentences.emplace_back(text.substr(s.begin, s.end - s.begin));
    // Sentences cover their tokens exactly.
    CHECK(tokens[s.first_token].begin == s.begin);
    CHECK(tokens[s.first_token + s.token_count - 1].end == s.end);
  }
  return out;
}

using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("Italian elisions and abbreviations are tokens of their own") {
  const auto s = segment("L’agenzia dell'Onu e il Sig. Rossi, l'11 gennaio.", "it");
  CHECK(s.tokens == Strings{"L’", "agenzia", "dell'", "Onu", "e", "il", "Sig.", "Rossi", ",", "l'", "11", "gennaio", "."});
  CHECK(s.sentences.size() == 1);
}

TEST_CASE("hyphenated compounds are one token, a spaced dash is not") {
  const auto s = segment("Kassym-Jomart Tokayev, il vertice Mosca-Astana - e il centro-sud.", "it");
  CHECK(s.tokens == Strings{"Kassym-Jomart", "Tokayev", ",", "il", "vertice", "Mosca-Astana", "-", "e", "il", "centro-sud", "."});
}

TEST_CASE("Italian sentences do not end at titles or initials") {
  const auto s = segment(
      "Lo ha detto il dott. Bianchi al Sig. Verdi. Il presidente J. R. Smith ha risposto. "
      "Ci sono \"decine\" di morti, secondo fonti governative. Poche ore dopo (l’Organizzazione del trattato). L’obiettivo è chiaro!",
      "it");
  CHECK(s.sentences == Strings{"Lo ha detto il dott. Bianchi al Sig. Verdi.", "Il presidente J. R. Smith ha risposto.",
                               "Ci sono \"decine\" di morti, secondo fonti governative.",
                               "Poche ore dopo (l’Organizzazione del trattato).", "L’obiettivo è chiaro!"});
}

TEST_CASE("English abbreviations and clitics") {
  const auto s = segment("Mr. Tokayev's forces reached the U.S. Embassy at 9 a.m. Officials didn't comment. Dr. Who left.", "en");
  CHECK(s.sentences == Strings{"Mr. Tokayev's forces reached the U.S. Embassy at 9 a.m.", "Officials didn't comment.", "Dr. Who left."});
  CHECK(s.tokens[0] == "Mr.");
  CHECK(s.tokens[1] == "Tokayev");
  CHECK(s.tokens[2] == "'s");
  CHECK(std::find(s.tokens.begin(), s.tokens.end(), "U.S.") != s.tokens.end());
  CHECK(std::find(s.tokens.begin(), s.tokens.end(), "n't") != s.tokens.end());
}

TEST_CASE("English sentences go on past an abbreviation into a bracketed aside") {
  const auto s = segment("The blast came at 10:35 a.m. (0735 GMT) Friday. Acme Inc. (NYSE: ACM) fell. It was 9 p.m. Police came.", "en");
  CHECK(s.sentences == Strings{"The blast came at 10:35 a.m. (0735 GMT) Friday.", "Acme Inc. (NYSE: ACM) fell.", "It was 9 p.m.", "Police came."});
}

TEST_CASE("headings and paragraphs separated by line breaks are sentences") {
  const auto s = segment("Profili coinvolti\n\nLa vicenda riguarda gruppi eterogenei.\nMosca continua a bombardare\nIntanto l’ira non si placa.", "it");
  CHECK(s.sentences == Strings{"Profili coinvolti", "La vicenda riguarda gruppi eterogenei.", "Mosca continua a bombardare",
                               "Intanto l’ira non si placa."});
}

TEST_CASE("hard-wrapped lines continue their sentence") {
  const std::string text =
      "Wall Street's big guns are now coming off the sidelines, and\n"
      "the financial assistance from the World Bank is not helping\n"
      "the market. In Singapore, stocks hit a five year low, said Mr.\n"
      "Smith of the exchange.\n";
  const auto s = segment(text, "en");
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].ends_with("helping\nthe market."));
  CHECK(s.sentences[1].starts_with("In Singapore"));
  CHECK(s.sentences[1].ends_with("Mr.\nSmith of the exchange."));
}

TEST_CASE("language-neutral segmentation still splits sentences and words") {
  const auto s = segment("Москва заявила. Войска прибыли в Алматы 6 января.", nullptr);
  CHECK(s.sentences.size() == 2);
  CHECK(s.tokens.size() == 10);
}

TEST_CASE("empty and space-only texts give nothing") {
  CHECK(segment("", "it").tokens.empty());
  const auto blank = segment(" \n\n \t", "it");
  CHECK(blank.tokens.empty());
  CHECK(blank.sentences.empty());
}

namespace {
// The byte loop ApostropheFinder replaces.
bool has_apostrophe_bytewise(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\'' || word.substr(i, 3) == "\u2019" || word.substr(i, 2) == "\u02BC") return true;
  }
  return false;
}
}  // namespace

TEST_CASE("the apostrophe finder agrees with a byte loop over every range") {
  const std::vector<std::string> texts = {
      "", "'", "l'uomo dell\u2019Onu", "\u201Cquote\u201D \u2013 dash\u2019", "ma\u02BCa \u02BD \xCA",
      "\xE2\x80", "a\xE2\x80\x99", "\u2019\u2019'", "no apostrophe here \u00E0\u00E8"};
  for (const std::string& text : texts) {
    ApostropheFinder finder(text);
    for (std::size_t begin = 0; begin <= text.size(); ++begin) {
      for (std::size_t end = begin; end <= text.size(); ++end) {
        INFO(text << " [" << begin << ", " << end << ")");
        CHECK(finder.within(begin, end) == has_apostrophe_bytewise(std::string_view(text).substr(begin, end - begin)));
      }
    }
  }
}

TEST_CASE("a byte cursor finds what string_view::find finds, from every start in order") {
  for (const std::string text : {"", "-", "a-b--c", "no hyphen", "-edge-", "x-\u2019-y"}) {
    ByteCursor cursor(text, '-');
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
      const std::size_t expected = std::min(text.find('-', from), text.size());
      INFO(text << " from " << from);
      CHECK(cursor.at_or_after(from) == expected);
      CHECK(cursor.at_or_after(from) == expected);  // asking again changes nothing
    }
  }
}
