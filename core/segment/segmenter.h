#pragma once
// Splits a document into tokens and sentences at ICU's word and sentence boundaries, plus
// what ICU does not know about news text: abbreviations ("Sig.", "U.S."), Italian elisions
// ("l'", "dell'"), English clitics ("'s"), hyphenated compounds ("centro-sud"), and hard-wrapped
// lines that are not sentence ends.
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "lang/language.h"
#include "segment/sentence_breaker.h"
#include "segment/word_breaker.h"

namespace cronaca {

class Segmenter {
 public:
  // `profile` may be null: language-neutral rules only.
  explicit Segmenter(const LanguageProfile* profile);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Not thread-safe: one Segmenter per thread. Sentences are at most 1000 tokens long: longer runs
  // without sentence punctuation are cut, after a comma when there is one near the limit.
  void segment(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences);

 private:
  void split_words(std::string_view text, std::vector<Token>& tokens);
  // Bytes of a leading elided article or preposition ("dell'"), or 0.
  std::size_t elision_length(std::string_view word) const;
  // Byte offset where a trailing clitic ("'s", "n't") starts, or 0.
  std::size_t clitic_start(std::string_view word) const;
  std::vector<std::uint32_t> sentence_breaks(std::string_view text, const std::vector<Token>& tokens);
  // Titles and initials ("Sig.", "Mr.", "J.") that a sentence never ends with.
  bool never_ends_sentence(std::string_view token) const;

  const LanguageProfile* profile_;
  WordBreaker words_;
  SentenceBreaker sentences_;
};

}  // namespace cronaca
