#pragma once
// Hash containers keyed by std::string that accept std::string_view lookups without allocating,
// and hashes that are the same on every platform and build (std::hash is not), for identifiers
// and for model features that are computed once and looked up everywhere.
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cronaca {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// FNV-1a, 64 bit: byte at a time, so a hash can be extended as bytes arrive.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull, kFnvPrime = 0x100000001b3ull;
inline constexpr std::uint64_t fnv1a_byte(std::uint64_t hash, unsigned char byte) { return (hash ^ byte) * kFnvPrime; }
inline constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset) {
  for (char c : bytes) hash = fnv1a_byte(hash, static_cast<unsigned char>(c));
  return hash;
}

// A strong 64-bit finaliser (splitmix64), to combine hashes without the weak bits of FNV.
inline constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
inline constexpr std::uint64_t combine_hash(std::uint64_t a, std::uint64_t b) { return mix64(a * 0x9e3779b97f4a7c15ull ^ b); }

// A hash of a string's bytes for tables held in memory only, never for anything stored (models,
// word lists), which keep to fnv1a: eight bytes a step where fnv1a takes one, each step through
// mix64. The loads read little-endian values (x86 and WebAssembly are); a big-endian machine would
// get other hashes, as good.
inline std::uint64_t memory_hash(std::string_view bytes) {
  const auto* at = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t left = bytes.size();
  const auto load32 = [](const unsigned char* from) {
    std::uint32_t value;
    std::memcpy(&value, from, sizeof value);
    return static_cast<std::uint64_t>(value);
  };
  std::uint64_t hash = left * 0x9e3779b97f4a7c15ull;
  for (; left > 8; at += 8, left -= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, at, sizeof chunk);
    hash = mix64(hash ^ chunk);
  }
  // The last 1 to 8 bytes, read as two overlapping halves or, under 4, as first, middle and last
  // byte: either way every byte counts, and the length (in the seed) tells the readings apart.
  std::uint64_t last = 0;
  if (left >= 4) {
    last = load32(at) | load32(at + left - 4) << 32;
  } else if (left > 0) {
    last = static_cast<std::uint64_t>(at[0]) | static_cast<std::uint64_t>(at[left / 2]) << 8 | static_cast<std::uint64_t>(at[left - 1]) << 16;
  }
  return mix64(hash ^ last);
}

}  // namespace cronaca
