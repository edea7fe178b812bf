#pragma once
// Words the lexicons take from CLDR through ICU, as tools/words/dump_words.cpp wrote them into the
// resource pack at build time (words/LANG.txt; its format is there): numbers as ICU's spell-out
// rules (CLDR RBNF) write them in a language, "ventiquattro", "twenty-four", shared by the temporal
// lexicon ("tre giorni") and figures ("sette morti"); and month and weekday names. Read from the
// pack, not from ICU, so that the browser's build links none of ICU's number and date formatting.
#include <array>
#include <string>
#include <vector>

#include "resources/resources.h"

namespace cronaca {

struct SpelledNumber {
  std::vector<std::string> tokens;  // case-folded, split as the segmenter splits ("twenty" "-" "four")
  int value = 0;
};

// The numbers spelled out, in this order: 0 to 100, round hundreds, round thousands to 10,000.
inline constexpr std::array<int, 119> kSpelledNumbers = [] {
  std::array<int, 119> numbers{};
  std::size_t i = 0;
  for (int n = 0; n <= 100; ++n) numbers[i++] = n;
  for (int n = 200; n <= 900; n += 100) numbers[i++] = n;
  for (int n = 1000; n <= 10000; n += 1000) numbers[i++] = n;
  return numbers;
}();

// Every number of kSpelledNumbers up to `limit`, in each rule set ("%spellout-cardinal-masculine",
// "%spellout-numbering"); a hyphenated form comes with its unhyphenated twin ("twenty four").
// Throws std::runtime_error when the pack lacks the rule set.
std::vector<SpelledNumber> spelled_numbers(const Resources& resources, const std::string& lang,
                                           const std::vector<std::string>& rule_sets, int limit);

// One list of calendar names, by ICU's index: "format-months", "format-short-months",
// "format-weekdays" (Sunday = 1; index 0 is empty), and the same with "standalone-". Throws
// std::runtime_error when the pack lacks it.
std::vector<std::string> calendar_names(const Resources& resources, const std::string& lang, std::string_view names);

}  // namespace cronaca
