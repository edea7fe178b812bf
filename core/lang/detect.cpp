#include "lang/detect.h"

#include <unicode/uchar.h>

#include <bit>
#include <cmath>
#include <vector>

#include "text/utf8.h"

namespace cronaca {

namespace {
// Enough text to be sure of a language; scanning whole 50 MB dumps would add nothing.
constexpr std::size_t kSampleBytes = 64 * 1024;

bool ascii_letter(unsigned char byte) { return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z'; }

// Whether the code point at `pos` is a letter, moving past it. ASCII is tested inline: it is most
// of the text, and u_isalpha is a call into ICU.
bool letter_at(std::string_view text, std::size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    ++pos;
    return ascii_letter(byte);
  }
  return u_isalpha(decode_utf8(text, pos));
}

// Calls visit(folded) with the case-folded form of each run of letters. Short ASCII words, most
// words, are folded as they are read, into a buffer rather than a new string.
template <class Visit>
void for_each_word(std::string_view text, Visit&& visit) {
  char buffer[16];
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (!letter_at(text, pos)) continue;
    bool ascii = static_cast<unsigned char>(text[start]) < 0x80;
    if (ascii) buffer[0] = static_cast<char>(text[start] | 0x20);
    std::size_t end = pos;
    while (end < text.size()) {
      const auto byte = static_cast<unsigned char>(text[end]);
      if (byte < 0x80) {
        if (!ascii_letter(byte)) break;
        if (end - start < sizeof buffer) buffer[end - start] = static_cast<char>(byte | 0x20);
        ++end;
        continue;
      }
      std::size_t next = end;
      if (!u_isalpha(decode_utf8(text, next))) break;
      end = next;
      ascii = false;
    }
    const std::string_view word = text.substr(start, end - start);
    if (ascii && word.size() <= sizeof buffer) visit(std::string_view(buffer, word.size()));
    else visit(std::string_view(fold_case(word)));
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

}  // namespace cronaca
