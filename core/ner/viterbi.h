#pragma once
// Viterbi decoding of a first-order label sequence, shared by the tagger (integer weights) and
// the trainer (integer perceptron weights and float averages). Invalid BIO transitions are never
// taken, whatever the scores.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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

// The tagger's decoding, as viterbi<std::int32_t> decodes, with each step's labels as 8 lanes
// that the compiler vectorises: a step is the maximum over the previous labels of a row of
// sums, and only the labels on the best path look for the previous label that gave them.
inline constexpr std::size_t kLanes = 8;
using Lanes = std::array<std::int32_t, kLanes>;

// Transitions in lanes: row p holds the scores of p -> y, kLabels the sentence start; a
// transition the BIO rule forbids scores kForbidden, which no path under kMaxLaneTokens tokens can
// make up for (|score| <= 2^16 a token), so no forbidden one is ever the maximum.
struct LaneTransitions {
  static constexpr std::int32_t kForbidden = std::numeric_limits<std::int32_t>::lowest() / 4;
  static constexpr std::size_t kMaxLaneTokens = 2000;
  std::array<Lanes, kLabels + 1> rows{};
  std::span<const std::int32_t> plain;  // (kLabels + 1) x kLabels, as viterbi takes them

  explicit LaneTransitions(std::span<const std::int32_t> transitions) : plain(transitions) {
    for (int p = 0; p <= kLabels; ++p) {
      for (int y = 0; y < static_cast<int>(kLanes); ++y) {
        rows[p][y] = y < kLabels && may_follow(p, y) ? transitions[p * kLabels + y] : kForbidden;
      }
    }
  }
};

typedef std::int32_t Quad __attribute__((vector_size(16)));
inline Quad load_quad(const std::int32_t* from) {
  Quad q;
  std::memcpy(&q, from, sizeof q);
  return q;
}

// emissions: n x kLanes scores (lanes kLabels.. unused). `best` is reused.
inline void viterbi_lanes(std::span<const std::int32_t> emissions, const LaneTransitions& transitions, std::span<std::uint8_t> path,
                          std::vector<std::int32_t>& best, std::vector<std::uint8_t>& back) {
  const std::size_t n = path.size();
  if (n == 0) return;
  if (n > LaneTransitions::kMaxLaneTokens) {
    // Beyond the bound above, forbidden transitions are no longer sure to lose.
    best.resize(n * kLabels);
    std::vector<std::int32_t> plain(n * kLabels);
    for (std::size_t t = 0; t < n; ++t) {
      for (int y = 0; y < kLabels; ++y) plain[t * kLabels + y] = emissions[t * kLanes + y];
    }
    viterbi<std::int32_t>(plain, transitions.plain, path, best, back);
    return;
  }
  constexpr std::int32_t kImpossible = std::numeric_limits<std::int32_t>::lowest() / 4;
  best.resize(n * kLanes);
  for (int y = 0; y < static_cast<int>(kLanes); ++y) {
    best[y] = y < kLabels && may_follow(kLabels, y) ? transitions.rows[kLabels][y] + emissions[y] : kImpossible;
  }
  for (std::size_t t = 1; t < n; ++t) {
    const std::int32_t* previous = &best[(t - 1) * kLanes];
    // Compilers leave the plain loops scalar (no 32-bit max before SSE4.1), so the lanes are
    // written as vectors of four: GCC and Clang lower them to SSE2, WebAssembly SIMD or scalars.
    Quad top[2] = {load_quad(transitions.rows[0].data()), load_quad(transitions.rows[0].data() + 4)};
    top[0] += previous[0];
    top[1] += previous[0];
#pragma GCC unroll 8
    for (int p = 1; p < kLabels; ++p) {
      for (int half = 0; half < 2; ++half) {
        const Quad s = load_quad(transitions.rows[p].data() + 4 * half) + previous[p];
        const Quad higher = s > top[half];
        top[half] = (s & higher) | (top[half] & ~higher);
      }
    }
    for (int half = 0; half < 2; ++half) {
      const Quad sum = top[half] + load_quad(&emissions[t * kLanes + 4 * half]);
      std::memcpy(&best[t * kLanes + 4 * half], &sum, sizeof sum);
    }
  }
  std::uint8_t last = 0;
  for (int y = 1; y < kLabels; ++y) {
    if (best[(n - 1) * kLanes + y] > best[(n - 1) * kLanes + last]) last = static_cast<std::uint8_t>(y);
  }
  // The first allowed previous label with the best sum, as viterbi's strict comparison picks.
  for (std::size_t t = n; t-- > 0;) {
    path[t] = last;
    if (t == 0) break;
    const std::int32_t* previous = &best[(t - 1) * kLanes];
    std::int32_t top = kImpossible;
    std::uint8_t arg = 0;
    // A forbidden transition's sum may pass kImpossible but never an allowed one's, so it is not
    // tested for: the first label with the highest sum is still the first allowed one.
    for (int p = 0; p < kLabels; ++p) {
      const std::int32_t s = previous[p] + transitions.rows[p][last];
      arg = s > top ? static_cast<std::uint8_t>(p) : arg;
      top = s > top ? s : top;
    }
    last = arg;
  }
}

}  // namespace cronaca
