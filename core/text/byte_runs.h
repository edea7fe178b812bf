#pragma once
// Runs of bytes found eight at a time: the text scanners (UTF-8 repair and checks, the JSON
// writer's plain runs) spend most of their time in long stretches of ordinary ASCII.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace cronaca::byte_runs {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// Eight bytes from `p` as one word, the first in the lowest byte on a little-endian machine.
inline std::uint64_t load(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Marks (with its high bit) each byte of `x` below `limit` (at most 0x80). A borrow may also mark a
// byte after the first such one, never one before it.
constexpr std::uint64_t below(std::uint64_t x, unsigned char limit) { return (x - kOnes * limit) & ~x & kHighs; }
// Marks each byte of `x` equal to `b`, with the same caveat.
constexpr std::uint64_t equal(std::uint64_t x, unsigned char b) {
  const std::uint64_t y = x ^ (kOnes * b);
  return (y - kOnes) & ~y & kHighs;
}
// Marks each byte of `x` at 0x80 and above.
constexpr std::uint64_t high(std::uint64_t x) { return x & kHighs; }

// The end of the run from `pos` of bytes `stops` does not stop at. `marks(x)` marks, as the
// functions above do, every byte of the 8-byte word `x` that stops the run, possibly some bytes
// after the first one too, never one before it: on a little-endian machine (x86, wasm) the lowest
// mark is then the first stopping byte. Elsewhere the word is finished byte by byte.
template <class Marks, class Stops>
std::size_t run_end(std::string_view s, std::size_t pos, Marks marks, Stops stops) {
  for (; pos + 8 <= s.size(); pos += 8) {
    if (const std::uint64_t marked = marks(load(s.data() + pos))) {
      if constexpr (std::endian::native == std::endian::little) return pos + static_cast<std::size_t>(std::countr_zero(marked)) / 8;
      break;
    }
  }
  while (pos < s.size() && !stops(static_cast<unsigned char>(s[pos]))) ++pos;
  return pos;
}

}  // namespace cronaca::byte_runs
