#include "time/number_words.h"

#include <unicode/rbnf.h>

#include <stdexcept>

#include "text/utf8.h"
#include "time/lexicon.h"

namespace cronaca {

std::vector<SpelledNumber> spelled_numbers(const std::string& lang, const std::vector<std::string>& rule_sets, int limit) {
  std::vector<SpelledNumber> out;
  if (rule_sets.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), status);
  if (U_FAILURE(status)) {
    throw std::runtime_error("ICU has no spell-out rules for \"" + lang + "\": " + u_errorName(status));
  }
  std::vector<int> numbers;
  for (int n = 0; n <= 100; ++n) numbers.push_back(n);
  for (int n = 200; n <= 900; n += 100) numbers.push_back(n);
  for (int n = 1000; n <= 10000; n += 1000) numbers.push_back(n);
  for (const std::string& set : rule_sets) {
    status = U_ZERO_ERROR;
    spellout.setDefaultRuleSet(icu::UnicodeString::fromUTF8(set), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU spell-out rule set \"" + set + "\" is unknown for " + lang);
    for (int n : numbers) {
      if (n > limit) break;
      icu::UnicodeString words;
      spellout.format(static_cast<int32_t>(n), words);
      // Italian rules mark hyphenation points in compounds ("venti\u00ADquattro"); text has none.
      words.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00AD)), icu::UnicodeString());
      std::string utf8;
      words.toUTF8String(utf8);
      SpelledNumber number{phrase_tokens(fold_case(utf8)), n};
      // "twenty-four" is also written "twenty four".
      SpelledNumber unhyphenated = number;
      std::erase(unhyphenated.tokens, std::string("-"));
      if (unhyphenated.tokens.size() != number.tokens.size()) out.push_back(std::move(unhyphenated));
      out.push_back(std::move(number));
    }
  }
  return out;
}

}  // namespace cronaca
