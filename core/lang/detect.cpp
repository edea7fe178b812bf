#include "lang/detect.h"

#include <unicode/uchar.h>

#include <cmath>
#include <vector>

#include "text/utf8.h"

namespace cronaca {

namespace {
// Enough text to be sure of a language; scanning whole 50 MB dumps would add nothing.
constexpr std::size_t kSampleBytes = 64 * 1024;

// Whether the code point at `pos` is a letter, moving past it. ASCII is tested here: it is most
// of the text, and u_isalpha is a call into ICU.
bool letter_at(std::string_view text, std::size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    ++pos;
    return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
  }
  return u_isalpha(decode_utf8(text, pos));
}

template <class Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (!letter_at(text, pos)) continue;
    std::size_t end = pos;
    while (end < text.size()) {
      std::size_t next = end;
      if (!letter_at(text, next)) break;
      end = next;
    }
    visit(text.substr(start, end - start));
    pos = end;
  }
}

// The languages listing `word` as a stopword, without allocating for the short ASCII words
// most words are.
std::uint64_t stopword_languages(const Languages& languages, std::string_view word) {
  char folded[16];
  if (word.size() > sizeof folded) return languages.stopword_of(fold_case(word));
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte >= 0x80) return languages.stopword_of(fold_case(word));
    folded[i] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
  }
  return languages.stopword_of(std::string_view(folded, word.size()));
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
    const std::uint64_t languages_of = stopword_languages(languages, word);
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
