#include "lang/detect.h"

#include <unicode/uchar.h>

#include <cmath>
#include <vector>

#include "text/utf8.h"

namespace cronaca {

namespace {
// Enough text to be sure of a language; scanning whole 50 MB dumps would add nothing.
constexpr std::size_t kSampleBytes = 64 * 1024;

template <class Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  std::string word;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(text, pos);
    if (!u_isalpha(cp)) continue;
    std::size_t end = pos;
    while (end < text.size()) {
      std::size_t next = end;
      if (!u_isalpha(decode_utf8(text, next))) break;
      end = next;
    }
    visit(text.substr(start, end - start));
    pos = end;
  }
}
}  // namespace

LanguageGuess detect_language(std::string_view text, const Languages& languages) {
  if (text.size() > kSampleBytes) {
    std::size_t cut = kSampleBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const auto& profiles = languages.all();
  // A function word shared by several languages ("in", "a", "la") splits its vote among them.
  std::vector<double> hits(profiles.size(), 0);
  std::vector<std::size_t> voters;
  std::size_t words = 0;
  for_each_word(text, [&](std::string_view word) {
    ++words;
    const std::uint64_t languages_of = languages.stopword_of(fold_case(word));
    if (languages_of == 0) return;
    voters.clear();
    for (std::size_t i = 0; i < profiles.size() && i < 64; ++i) {
      if (languages_of & (std::uint64_t{1} << i)) voters.push_back(i);
    }
    for (std::size_t i : voters) hits[i] += 1.0 / static_cast<double>(voters.size());
  });

  LanguageGuess guess;
  if (words == 0 || profiles.empty()) return guess;
  // Best and runner-up; ties go to the language listed first (sorted by code), so the result
  // never depends on anything but the input.
  std::size_t best = 0, second = SIZE_MAX;
  for (std::size_t i = 1; i < profiles.size(); ++i) {
    if (hits[i] > hits[best]) {
      second = best;
      best = i;
    } else if (second == SIZE_MAX || hits[i] > hits[second]) {
      second = i;
    }
  }
  const double top = hits[best];
  const double runner_up = second == SIZE_MAX ? 0.0 : hits[second];
  // Too few function words, or a share far below any real prose, means we cannot tell.
  if (top == 0 || top / static_cast<double>(words) < 0.05 || top == runner_up) return guess;
  const double separation = 1.0 - (runner_up / top) * (runner_up / top);
  const double evidence = 1.0 - std::exp(-top / 2.0);
  const double confidence = std::round(separation * evidence * 1000.0) / 1000.0;
  guess.detected = profiles[best]->code;
  guess.confidence = confidence;
  if (profiles[best]->analysed) guess.code = profiles[best]->code;
  return guess;
}

}  // namespace cronaca
