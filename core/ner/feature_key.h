#pragma once
// A feature's key: the hash of its template and values (features.h). Many templates combine only
// a few small values (a token's casing, a phrase match, a label), so their keys are also kept in
// tables made at compile time: hashing them token by token was most of the extractor's work.
#include <array>
#include <cstdint>

#include "ner/phrase_lexicon.h"
#include "text/flat_table.h"
#include "text/string_hash.h"

namespace cronaca {

constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t value) {
  return FlatTable<std::uint32_t, std::uint32_t>::nonzero(static_cast<std::uint32_t>(combine_hash(tmpl, value)));
}
constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) { return feature_key(tmpl, combine_hash(a, b)); }
constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return feature_key(tmpl, combine_hash(combine_hash(a, b), c));
}

// A phrase match as a feature value: its position and classes.
constexpr std::uint64_t match_value(const PhraseMatch& m) {
  return static_cast<std::uint64_t>(m.position) | (static_cast<std::uint64_t>(m.classes) << 8);
}

// The keys of template Tmpl over values 0 <= a < A (and b < B, c < C when given); values outside
// are hashed as feature_key would.
template <std::uint64_t Tmpl, std::size_t A>
std::uint32_t small_key(std::uint64_t a) {
  static constexpr std::array<std::uint32_t, A> kKeys = [] {
    std::array<std::uint32_t, A> keys{};
    for (std::size_t i = 0; i < A; ++i) keys[i] = feature_key(Tmpl, i);
    return keys;
  }();
  return a < A ? kKeys[a] : feature_key(Tmpl, a);
}

template <std::uint64_t Tmpl, std::size_t A, std::size_t B>
std::uint32_t small_key(std::uint64_t a, std::uint64_t b) {
  static constexpr std::array<std::uint32_t, A * B> kKeys = [] {
    std::array<std::uint32_t, A * B> keys{};
    for (std::size_t i = 0; i < A; ++i) {
      for (std::size_t j = 0; j < B; ++j) keys[i * B + j] = feature_key(Tmpl, i, j);
    }
    return keys;
  }();
  return a < A && b < B ? kKeys[a * B + b] : feature_key(Tmpl, a, b);
}

template <std::uint64_t Tmpl, std::size_t A, std::size_t B, std::size_t C>
std::uint32_t small_key(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  static constexpr std::array<std::uint32_t, A * B * C> kKeys = [] {
    std::array<std::uint32_t, A * B * C> keys{};
    for (std::size_t i = 0; i < A; ++i) {
      for (std::size_t j = 0; j < B; ++j) {
        for (std::size_t k = 0; k < C; ++k) keys[(i * B + j) * C + k] = feature_key(Tmpl, i, j, k);
      }
    }
    return keys;
  }();
  return a < A && b < B && c < C ? kKeys[(a * B + b) * C + c] : feature_key(Tmpl, a, b, c);
}

// Phrase matches as small values: position + 5 x classes, for classes < 16 (every lexicon's).
inline constexpr std::size_t kMatchClasses = 16;
inline constexpr std::size_t kMatchValues = 5 * kMatchClasses;
constexpr std::uint64_t match_of_index(std::size_t index) { return (index % 5) | ((index / 5) << 8); }

// feature_key(Tmpl, match_value(m), b) for b < B.
template <std::uint64_t Tmpl, std::size_t B>
std::uint32_t match_key(const PhraseMatch& m, std::uint64_t b) {
  static constexpr std::array<std::uint32_t, kMatchValues * B> kKeys = [] {
    std::array<std::uint32_t, kMatchValues * B> keys{};
    for (std::size_t i = 0; i < kMatchValues; ++i) {
      for (std::size_t j = 0; j < B; ++j) keys[i * B + j] = feature_key(Tmpl, match_of_index(i), j);
    }
    return keys;
  }();
  const std::size_t index = static_cast<std::size_t>(m.position) + 5 * m.classes;
  return m.classes < kMatchClasses && b < B ? kKeys[index * B + b] : feature_key(Tmpl, match_value(m), b);
}

// feature_key(Tmpl, match_value(a), match_value(b)).
template <std::uint64_t Tmpl>
std::uint32_t match_pair_key(const PhraseMatch& a, const PhraseMatch& b) {
  static constexpr std::array<std::uint32_t, kMatchValues * kMatchValues> kKeys = [] {
    std::array<std::uint32_t, kMatchValues * kMatchValues> keys{};
    for (std::size_t i = 0; i < kMatchValues; ++i) {
      for (std::size_t j = 0; j < kMatchValues; ++j) keys[i * kMatchValues + j] = feature_key(Tmpl, match_of_index(i), match_of_index(j));
    }
    return keys;
  }();
  if (a.classes >= kMatchClasses || b.classes >= kMatchClasses) return feature_key(Tmpl, match_value(a), match_value(b));
  return kKeys[(static_cast<std::size_t>(a.position) + 5 * a.classes) * kMatchValues + static_cast<std::size_t>(b.position) + 5 * b.classes];
}

}  // namespace cronaca
