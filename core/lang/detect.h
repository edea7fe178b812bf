#pragma once
// Language identification from function-word frequencies: each language's stopword list votes.
#include <string>
#include <string_view>
#include <vector>

#include "lang/language.h"

namespace cronaca {

struct LanguageGuess {
  std::string code = "und";  // "und" when no analysed language is recognised
  double confidence = 0;     // 0..1, rounded to 3 decimals so output stays deterministic
  std::string detected;      // best-scoring language even when it is not analysed ("es"), or ""
};

LanguageGuess detect_language(std::string_view text, const Languages& languages);

// The case-folded runs of letters detect_language counts, in order; for tests.
std::vector<std::string> detection_words(std::string_view text);

}  // namespace cronaca
