#pragma once
// What the tagger knows about one word on its own, computed once per token: hashes of its forms,
// affixes and shape, and its capitalisation. Context features combine these, so every string is
// scanned once and nothing is allocated per token.
#include <cstdint>
#include <string_view>

namespace cronaca {

enum class Casing : std::uint8_t {
  lower,        // "presidente"
  capitalised,  // "Roma", "McDonald"
  upper,        // "NATO", "USA"
  mixed,        // "iPhone", "eBay"
  number,       // "2022", "3,5"
  symbol,       // punctuation and anything without letters or digits
};

struct WordInfo {
  static constexpr int kAffixes = 4;  // prefixes and suffixes of 1 to 4 code points

  std::uint64_t form = 0;    // the word as written
  std::uint64_t folded = 0;  // case-folded
  std::uint64_t prefix[kAffixes] = {};  // case-folded; 0 when the word is shorter
  std::uint64_t suffix[kAffixes] = {};
  std::uint64_t shape = 0;        // "Xxxxx" for "Roma", first 8 and last 4 characters
  std::uint64_t short_shape = 0;  // runs collapsed: "Xx", "X.X.", "d"
  Casing casing = Casing::symbol;
  std::uint8_t length = 0;  // code points, at most 255
  bool has_digit = false;
  bool has_hyphen = false;
  bool has_period = false;
  bool has_apostrophe = false;
};

WordInfo describe_word(std::string_view word);

// The hash of a word's case-folded form, as WordInfo::folded: the key of every word list.
std::uint64_t folded_hash(std::string_view word);

}  // namespace cronaca
