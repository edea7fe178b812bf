#include <catch2/catch.hpp>

#include <unicode/uchar.h>

#include <cmath>
#include <random>

#include "lang/detect.h"
#include "text/utf8.h"
#include "test_resources.h"

using namespace cronaca;

namespace {
const Languages& languages() { return test::shipped_languages(); }
}  // namespace

TEST_CASE("language profiles load from the shipped resources") {
  const LanguageProfile* it = languages().find("it");
  REQUIRE(it != nullptr);
  CHECK(it->analysed);
  CHECK(it->is_stopword("della"));
  CHECK(it->elisions.count("dell'"));
  CHECK(it->abbreviations.count("sig."));
  REQUIRE(languages().find("es") != nullptr);
  CHECK_FALSE(languages().find("es")->analysed);
}

TEST_CASE("Italian and English are told apart confidently") {
  const auto it = detect_language(
      "Una sparatoria si è verificata in Piazza della Repubblica ad Almaty, la capitale finanziaria del "
      "Kazakistan, epicentro delle proteste contro il caro gas. Lo ha riferito il corrispondente dell’agenzia "
      "di stampa russa, senza aggiungere dettagli.", languages());
  CHECK(it.code == "it");
  CHECK(it.confidence > 0.95);
  const auto short_it = detect_language("Una sparatoria si è verificata ad Almaty.", languages());
  CHECK(short_it.code == "it");
  CHECK(short_it.confidence < it.confidence);
  const auto en = detect_language(
      "The financial assistance from the World Bank and the International Monetary Fund is not helping, "
      "and the value of the stock market has fallen by twelve percent in the last day.", languages());
  CHECK(en.code == "en");
  CHECK(en.confidence > 0.9);
}

TEST_CASE("other languages and wordless text are und") {
  const auto es = detect_language(
      "El presidente del gobierno dijo que la situación en el país es muy grave y que las tropas llegaron "
      "durante la noche para restablecer el orden.", languages());
  CHECK(es.code == "und");
  CHECK(es.detected == "es");
  const auto none = detect_language("12345 67 -- 89", languages());
  CHECK(none.code == "und");
  CHECK(none.confidence == 0);
  const auto names = detect_language("Almaty Astana Tokayev", languages());
  CHECK(names.code == "und");
}

TEST_CASE("language detection folds words as fold_case does, short ASCII words in place") {
  // The votes counted one word at a time with fold_case, as detection did before it folded short
  // ASCII words into a buffer: words of every case, accented, longer than the buffer, mixed.
  const auto reference = [](std::string_view text) {
    const auto& profiles = languages().all();
    std::vector<double> hits(profiles.size(), 0);
    std::size_t words = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t start = pos;
      if (!u_isalpha(decode_utf8(text, pos))) continue;
      std::size_t end = pos;
      while (end < text.size()) {
        std::size_t next = end;
        if (!u_isalpha(decode_utf8(text, next))) break;
        end = next;
      }
      ++words;
      const std::uint64_t of = languages().stopword_of(fold_case(text.substr(start, end - start)));
      std::vector<std::size_t> voters;
      for (std::size_t i = 0; i < profiles.size() && i < 64; ++i) {
        if (of & (std::uint64_t{1} << i)) voters.push_back(i);
      }
      for (std::size_t i : voters) hits[i] += 1.0 / static_cast<double>(voters.size());
      pos = end;
    }
    return std::make_pair(words, hits);
  };
  static const char* const pieces[] = {"della ", "DELLA ", "Della ", "the ", "THE ", "and ", "perché ", "PERCHÉ ", "où ", "qué ", "él ",
                                       "precipitevolissimevolmente ", "ABCDEFGHIJKLMNOPQ ", "abcdefghijklmnop ", "ÀB ", "l'", "dell'",
                                       "x1y ", "Über ", "in ", "a ", "la ", "el ", "de ", "—", "«", "123 ", "ǅ ", "İstanbul ", "ﬁne "};
  std::mt19937 random(23);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const std::size_t count = 1 + random() % 40;
    for (std::size_t i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
    const auto [words, hits] = reference(text);
    // The guess from those votes, as detect_language makes it.
    LanguageGuess expected;
    std::size_t best = 0, second = SIZE_MAX;
    for (std::size_t i = 1; i < hits.size(); ++i) {
      if (hits[i] > hits[best]) {
        second = best;
        best = i;
      } else if (second == SIZE_MAX || hits[i] > hits[second]) {
        second = i;
      }
    }
    const double top = hits[best], runner_up = second == SIZE_MAX ? 0.0 : hits[second];
    if (words > 0 && top > 0 && top / static_cast<double>(words) >= 0.05 && top != runner_up) {
      const double separation = 1.0 - (runner_up / top) * (runner_up / top);
      expected.confidence = std::round(separation * (1.0 - std::exp(-top / 2.0)) * 1000.0) / 1000.0;
      expected.detected = languages().all()[best]->code;
      if (languages().all()[best]->analysed) expected.code = expected.detected;
    }
    const LanguageGuess guess = detect_language(text, languages());
    INFO(text);
    CHECK(guess.code == expected.code);
    CHECK(guess.detected == expected.detected);
    CHECK(guess.confidence == expected.confidence);
  }
}

namespace {
// Letters a code point at a time, each run folded afresh: what detection_words reads faster.
std::vector<std::string> detection_words_slowly(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (u_isalpha(static_cast<UChar32>(cp))) {
      word.append(text.substr(start, pos - start));
      continue;
    }
    if (!word.empty()) words.push_back(fold_case(word));
    word.clear();
  }
  if (!word.empty()) words.push_back(fold_case(word));
  return words;
}
}  // namespace

TEST_CASE("detection words are the folded runs of letters") {
  const std::vector<std::string> texts = {
      "", "a", "The Quick, brown FOX.", "l'uomo dell\u2019Onu è PIÙ forte", "ÀÈ àè Straße ΣΟΦΊΑ",
      "x1y2 @z [w] `v` {u}", "AVeryLongWordThatPassesTheBuffer and 0123456789abcdefXYZ",
      "abcdefghijklmnop abcdefghijklmnopq", "\xFF\xFE" "bad\xC3" "bytes\xE2\x80", "\u4E2D\u6587 text"};
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(detection_words(text) == detection_words_slowly(text));
  }
}

TEST_CASE("apostrophe keys: ASCII lower-cased in one pass, the rest folded with apostrophes normalised") {
  // What apostrophe_key returned before, ASCII tested over the whole word first.
  const auto slowly = [](std::string_view s) {
    std::string out;
    for (std::size_t pos = 0; pos < s.size();) {
      const char32_t cp = decode_utf8(s, pos);
      append_utf8(out, cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018' ? U'\'' : cp);
    }
    return fold_case(out);
  };
  for (const std::string word : {"", "a", "DELL'", "Dell\u2019Onu", "L\u02BCuomo", "\u2018quoted\u2019", "ABC-def_09",
                                 "CITT\u00C0", "\u00C0bc", "abc\u00E8", "MiXeD cAsE WITH A LONG TAIL BEYOND SSO"}) {
    INFO(word);
    CHECK(apostrophe_key(word) == slowly(word));
  }
}
