#pragma once
// Which keys a model may have, one bit per key's low bits: a lookup of a key the model lacks (a
// third of the tagger's) probes its hash table twice or more, where this rejects most of them
// with one load. Never rejects a key it was given; with eight or more bits per key, passes about
// one in ten of the others. Built in memory after the model is read (not part of its file).
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace cronaca {

class KeyFilter {
 public:
  KeyFilter() = default;
  explicit KeyFilter(std::size_t count) {
    const std::size_t bits = std::bit_ceil(std::max<std::size_t>(64, 8 * count));
    words_.assign(bits / 64, 0);
    mask_ = static_cast<std::uint32_t>(bits - 1);
  }

  void add(std::uint32_t key) {
    const std::uint32_t bit = key & mask_;
    words_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }

  // False only when the key was never added.
  bool may_hold(std::uint32_t key) const {
    const std::uint32_t bit = key & mask_;
    return (words_[bit >> 6] >> (bit & 63)) & 1;
  }

 private:
  // The table's home slot comes from a key's high bits (FlatTable), so the low bits are as good
  // as a second hash.
  std::vector<std::uint64_t> words_ = std::vector<std::uint64_t>(1, 0);
  std::uint32_t mask_ = 63;
};

}  // namespace cronaca
