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
// that vectorise: O and the B- labels, which may follow any label, in the first four lanes, a
// maximum over the rows of every previous label; the I- labels, which may follow only their B-
// and themselves, in the last four, a maximum of two. Only the labels on the best path look for
// the previous label that gave them.
inline constexpr std::size_t kLanes = 8;
// The label in each lane: O, B-PER, B-LOC, B-ORG, I-PER, I-LOC, I-ORG, and the unused eighth.
inline constexpr std::array<std::uint8_t, kLanes> kLabelOfLane = {0, 1, 3, 5, 2, 4, 6, 7};
inline constexpr std::size_t lane_of(std::uint8_t label) {
  return label == kOutside ? 0 : is_begin(label) ? 1 + (label - 1) / 2 : 4 + (label - 2) / 2;
}

typedef std::int32_t Quad __attribute__((vector_size(16)));
inline Quad load_quad(const std::int32_t* from) {
  Quad q;
  std::memcpy(&q, from, sizeof q);
  return q;
}

struct LaneTransitions {
  // Beyond this many tokens, the decoding is viterbi's own (see viterbi_lanes).
  static constexpr std::size_t kMaxLaneTokens = 2000;
  std::array<Quad, kLabels + 1> open{};  // from label p (kLabels: the sentence start) to the first four lanes
  Quad inside_from_begin{}, inside_from_inside{};  // to the last four lanes; 0 to the unused one
  std::span<const std::int32_t> plain;  // (kLabels + 1) x kLabels, as viterbi takes them

  explicit LaneTransitions(std::span<const std::int32_t> transitions) : plain(transitions) {
    for (int p = 0; p <= kLabels; ++p) {
      for (int lane = 0; lane < 4; ++lane) open[p][lane] = transitions[p * kLabels + kLabelOfLane[lane]];
    }
    for (int lane = 0; lane < 3; ++lane) {
      const int inside = kLabelOfLane[4 + lane];
      inside_from_begin[lane] = transitions[(inside - 1) * kLabels + inside];
      inside_from_inside[lane] = transitions[inside * kLabels + inside];
    }
  }
};

// emissions: n x kLanes scores, in lane order (kLabelOfLane), the eighth lane's small or zero.
// `best` is reused.
inline void viterbi_lanes(std::span<const std::int32_t> emissions, const LaneTransitions& transitions, std::span<std::uint8_t> path,
                          std::vector<std::int32_t>& best, std::vector<std::uint8_t>& back) {
  const std::size_t n = path.size();
  if (n == 0) return;
  if (n > LaneTransitions::kMaxLaneTokens) {
    // viterbi starts each maximum at kImpossible: over this many tokens a path's sum might fall
    // below it (|score| <= 2^16 a token), and then the maxima here would differ.
    std::vector<std::int32_t> plain(n * kLabels);
    for (std::size_t t = 0; t < n; ++t) {
      for (std::size_t lane = 0; lane < static_cast<std::size_t>(kLabels); ++lane) plain[t * kLabels + kLabelOfLane[lane]] = emissions[t * kLanes + lane];
    }
    viterbi<std::int32_t>(plain, transitions.plain, path, best, back);
    return;
  }
  constexpr std::int32_t kImpossible = std::numeric_limits<std::int32_t>::lowest() / 4;
  best.resize(n * kLanes);
  for (std::size_t lane = 0; lane < kLanes; ++lane) {
    best[lane] = lane < 4 ? transitions.open[kLabels][lane] + emissions[lane] : kImpossible;
  }
  // Every label has a previous one with a finite sum (O or its B-), so a step's maxima are those
  // of viterbi, which starts them at kImpossible.
  for (std::size_t t = 1; t < n; ++t) {
    const std::int32_t* previous = &best[(t - 1) * kLanes];
    // Written as vectors of four, which GCC and Clang lower to SSE2, WebAssembly SIMD or scalars:
    // compilers leave the plain loops scalar (no 32-bit maximum before SSE4.1).
    Quad open = transitions.open[0] + previous[lane_of(0)];
#pragma GCC unroll 8
    for (int p = 1; p < kLabels; ++p) {
      const Quad s = transitions.open[p] + previous[lane_of(static_cast<std::uint8_t>(p))];
      const Quad higher = s > open;
      open = (s & higher) | (open & ~higher);
    }
    const Quad from_begin = load_quad(previous + 1) + transitions.inside_from_begin;
    const Quad from_inside = load_quad(previous + 4) + transitions.inside_from_inside;
    const Quad higher = from_begin > from_inside;
    const Quad inside = (from_begin & higher) | (from_inside & ~higher);
    const Quad sums[2] = {open + load_quad(&emissions[t * kLanes]), inside + load_quad(&emissions[t * kLanes + 4])};
    std::memcpy(&best[t * kLanes], sums, sizeof sums);
  }
  const auto best_of = [&](std::size_t t, int label) { return best[t * kLanes + lane_of(static_cast<std::uint8_t>(label))]; };
  std::uint8_t last = 0;
  for (int y = 1; y < kLabels; ++y) {
    if (best_of(n - 1, y) > best_of(n - 1, last)) last = static_cast<std::uint8_t>(y);
  }
  // The first allowed previous label with the best sum, as viterbi's strict comparison picks.
  for (std::size_t t = n; t-- > 0;) {
    path[t] = last;
    if (t == 0) break;
    std::int32_t top = kImpossible;
    std::uint8_t arg = 0;
    if (is_inside(last)) {
      const auto begin = static_cast<std::uint8_t>(last - 1);
      const std::int32_t from_begin = best_of(t - 1, begin) + transitions.plain[begin * kLabels + last];
      const std::int32_t from_inside = best_of(t - 1, last) + transitions.plain[last * kLabels + last];
      arg = from_inside > from_begin ? last : begin;
    } else {
      for (int p = 0; p < kLabels; ++p) {
        const std::int32_t s = best_of(t - 1, p) + transitions.plain[p * kLabels + last];
        arg = s > top ? static_cast<std::uint8_t>(p) : arg;
        top = s > top ? s : top;
      }
    }
    last = arg;
  }
}

}  // namespace cronaca
