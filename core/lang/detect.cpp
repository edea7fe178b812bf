#include "lang/detect.h"

#include <unicode/uchar.h>

#include <array>
#include <bit>
#include <cmath>
#include <vector>

#include "text/utf8.h"

namespace cronaca {

namespace {
// Enough text to be sure of a language; scanning whole 50 MB dumps would add nothing.
constexpr std::size_t kSampleBytes = 64 * 1024;

// Per byte: an ASCII letter's lower case, 0 for any other ASCII byte, kMultibyte for the bytes of
// longer characters, which ICU classifies. One load tells the common cases apart.
constexpr unsigned char kMultibyte = 1;
using ByteFolds = std::array<unsigned char, 256>;
constexpr ByteFolds byte_folds() {
  ByteFolds folds{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    const unsigned lower = byte | 0x20;
    if (byte >= 0x80) folds[byte] = kMultibyte;
    else if (lower >= 'a' && lower <= 'z') folds[byte] = static_cast<unsigned char>(lower);
  }
  return folds;
}
constexpr ByteFolds kByteFolds = byte_folds();

// Calls visit(folded) with the case-folded form of each run of letters. Short ASCII words, most
// words, are folded as they are read, into a buffer rather than a new string.
template <class Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  char buffer[16];
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    unsigned char fold = kByteFolds[bytes[pos]];
    bool ascii = fold != kMultibyte;
    if (ascii) {
      ++pos;
      if (fold == 0) continue;
      buffer[0] = static_cast<char>(fold);
    } else if (!u_isalpha(decode_utf8(text, pos))) {
      continue;
    }
    while (pos < text.size()) {
      fold = kByteFolds[bytes[pos]];
      if (fold > kMultibyte) {
        if (pos - start < sizeof buffer) buffer[pos - start] = static_cast<char>(fold);
        ++pos;
        continue;
      }
      if (fold == 0) break;
      std::size_t next = pos;
      if (!u_isalpha(decode_utf8(text, next))) break;
      pos = next;
      ascii = false;
    }
    const std::string_view word = text.substr(start, pos - start);
    if (ascii && word.size() <= sizeof buffer) visit(std::string_view(buffer, word.size()));
    else visit(std::string_view(fold_case(word)));
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
  std::size_t words = 0;
  const std::uint64_t listed = profiles.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << profiles.size()) - 1;
  for_each_word(text, [&](std::string_view folded) {
    ++words;
    const std::uint64_t languages_of = languages.stopword_of(folded) & listed;
    if (languages_of == 0) return;
    const double share = 1.0 / static_cast<double>(std::popcount(languages_of));
    for (std::uint64_t rest = languages_of; rest != 0; rest &= rest - 1) hits[static_cast<std::size_t>(std::countr_zero(rest))] += share;
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

std::vector<std::string> detection_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::string_view folded) { words.emplace_back(folded); });
  return words;
}

}  // namespace cronaca
