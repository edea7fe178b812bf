#pragma once
// Viterbi decoding of a first-order label sequence, shared by the tagger (integer weights) and
// the trainer (integer perceptron weights and float averages). Invalid BIO transitions are never
// taken, whatever the scores.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "ner/labels.h"

namespace cronaca {

// emissions: n x kLabels scores; transitions: (kLabels + 1) x kLabels, row kLabels is the
// sentence start. Writes the best valid path into `path` (size n). `scratch` is reused.
template <class Score>
void viterbi(std::span<const Score> emissions, std::span<const Score> transitions, std::span<std::uint8_t> path,
             std::vector<Score>& best, std::vector<std::uint8_t>& back) {
  const std::size_t n = path.size();
  if (n == 0) return;
  constexpr Score kImpossible = std::numeric_limits<Score>::lowest() / 4;
  // Every entry is written below, so the buffers need no clearing.
  best.resize(n * kLabels);
  back.resize(n * kLabels);
  for (int y = 0; y < kLabels; ++y) {
    best[y] = may_follow(kLabels, y) ? transitions[kLabels * kLabels + y] + emissions[y] : kImpossible;
    back[y] = 0;
  }
  for (std::size_t t = 1; t < n; ++t) {
    const Score* previous = &best[(t - 1) * kLabels];
    // Unrolled, may_follow is a constant: the BIO rule costs nothing per token.
#pragma GCC unroll 8
    for (int y = 0; y < kLabels; ++y) {
      Score top = kImpossible;
      std::uint8_t arg = 0;
#pragma GCC unroll 8
      for (int p = 0; p < kLabels; ++p) {
        if (!may_follow(p, y)) continue;
        const Score s = previous[p] + transitions[p * kLabels + y];
        if (s > top) {
          top = s;
          arg = static_cast<std::uint8_t>(p);
        }
      }
      best[t * kLabels + y] = top + emissions[t * kLabels + y];
      back[t * kLabels + y] = arg;
    }
  }
  std::uint8_t last = 0;
  for (int y = 1; y < kLabels; ++y) {
    if (best[(n - 1) * kLabels + y] > best[(n - 1) * kLabels + last]) last = static_cast<std::uint8_t>(y);
  }
  for (std::size_t t = n; t-- > 0;) {
    path[t] = last;
    last = back[t * kLabels + last];
  }
}

}  // namespace cronaca
