#pragma once
// The tagger's labels: O and B-/I- for each entity type, as small integers, and the BIO rule
// that Viterbi decoding enforces (I-X only continues B-X or I-X).
#include <cstdint>
#include <string_view>

#include "analysis/document.h"

namespace cronaca {

inline constexpr int kEntityTypes = 3;
inline constexpr int kLabels = 1 + 2 * kEntityTypes;  // O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG
inline constexpr std::uint8_t kOutside = 0;

inline constexpr std::uint8_t begin_label(EntityType type) { return static_cast<std::uint8_t>(1 + 2 * static_cast<int>(type)); }
inline constexpr bool is_begin(std::uint8_t label) { return label % 2 == 1; }
inline constexpr bool is_inside(std::uint8_t label) { return label != kOutside && label % 2 == 0; }
inline constexpr EntityType type_of(std::uint8_t label) { return static_cast<EntityType>((label - 1) / 2); }

// Whether `next` may follow `previous`; previous == kLabels stands for the sentence start.
inline constexpr bool may_follow(int previous, int next) {
  if (!is_inside(static_cast<std::uint8_t>(next))) return true;
  return previous != kLabels && previous != kOutside && type_of(static_cast<std::uint8_t>(previous)) == type_of(static_cast<std::uint8_t>(next));
}

// "O", "B-PER", ...; parse_label returns false for anything else.
std::string_view label_name(std::uint8_t label);
bool parse_label(std::string_view name, std::uint8_t& label);

}  // namespace cronaca
