#pragma once
// Sentence boundaries exactly as ICU's sentence break iterator finds them (UAX #29 sentence rules
// as ICU 72 compiles them), without its cost: a short loop over a table of ICU's own
// Sentence_Break values for the Basic Multilingual Plane. A text holding anything else (a
// character beyond U+FFFF, such as an emoji, or invalid UTF-8) goes to ICU whole.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
class Locale;
U_NAMESPACE_END

namespace cronaca {

class SentenceBreaker {
 public:
  explicit SentenceBreaker(const icu::Locale& locale);
  ~SentenceBreaker();
  SentenceBreaker(const SentenceBreaker&) = delete;
  SentenceBreaker& operator=(const SentenceBreaker&) = delete;

  // Replaces `breaks` with ICU's sentence boundaries after the start of `text`, in order; the
  // last is the end of the text. Not thread-safe.
  void split(std::string_view text, std::vector<std::uint32_t>& breaks);

 private:
  void split_with_icu(std::string_view text, std::vector<std::uint32_t>& breaks);

  std::unique_ptr<icu::BreakIterator> icu_sentences_;
};

}  // namespace cronaca
