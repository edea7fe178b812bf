#pragma once
// Numbers as words, as ICU's spell-out rules (CLDR RBNF) write them in a language: "ventiquattro",
// "twenty-four". Shared by the temporal lexicon ("tre giorni") and figures ("sette morti").
#include <string>
#include <vector>

namespace cronaca {

struct SpelledNumber {
  std::vector<std::string> tokens;  // case-folded, split as the segmenter splits ("twenty" "-" "four")
  int value = 0;
};

// Every number from 0 to 100, then round hundreds and thousands, up to `limit`, in each rule set
// ("%spellout-cardinal-masculine", "%spellout-numbering"); a hyphenated form comes with its
// unhyphenated twin ("twenty four"). Throws std::runtime_error when ICU lacks the rules.
std::vector<SpelledNumber> spelled_numbers(const std::string& lang, const std::vector<std::string>& rule_sets, int limit);

}  // namespace cronaca
