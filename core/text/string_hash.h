#pragma once
// Hash containers keyed by std::string that accept std::string_view lookups without allocating,
// and hashes that are the same on every platform and build (std::hash is not), for identifiers
// and for model features that are computed once and looked up everywhere.
#include <cstdint>
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

}  // namespace cronaca
