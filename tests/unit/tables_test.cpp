#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ner/word_info.h"
#include "text/string_hash.h"
#include "text/flat_table.h"
#include "text/word_map.h"

using namespace cronaca;

namespace {

std::vector<std::uint32_t> random_keys(std::size_t count) {
  std::vector<std::uint32_t> keys;
  std::uint32_t seed = 7;
  while (keys.size() < count) {
    seed = seed * 1664525u + 1013904223u;
    keys.push_back(FlatTable<std::uint32_t, int>::nonzero(seed));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

TEST_CASE("a flat table finds every key, inserted in any order, across growth") {
  const std::vector<std::uint32_t> keys = random_keys(20000);
  // Sorted (as the model files give them), reversed, and keys that differ only in their low bits,
  // which share a home slot and must probe past each other.
  const std::vector<std::uint32_t> reversed(keys.rbegin(), keys.rend());
  std::vector<std::uint32_t> crowded;
  for (std::uint32_t i = 1; i <= 300; ++i) crowded.push_back(0xABCD0000u | i);
  for (const std::vector<std::uint32_t>* order : {&keys, &reversed, &std::as_const(crowded)}) {
    FlatTable<std::uint32_t, int> table;
    for (std::size_t i = 0; i < order->size(); ++i) table.insert((*order)[i], static_cast<int>(i));
    CHECK(table.size() == order->size());
    bool all = true;
    for (std::size_t i = 0; i < order->size(); ++i) {
      const int* found = table.find((*order)[i]);
      all = all && found && *found == static_cast<int>(i);
    }
    CHECK(all);
    CHECK(table.find(0xABCE0001u) == nullptr);
    // Inserting a key again keeps its first value.
    CHECK(table.insert((*order)[0], -1) == 0);
  }
  FlatTable<std::uint32_t, int> reserved;
  reserved.reserve(keys.size());
  for (std::uint32_t key : keys) reserved.insert(key, 1);
  std::size_t visited = 0;
  reserved.for_each([&](std::uint32_t, int value) { visited += static_cast<std::size_t>(value); });
  CHECK(visited == keys.size());
  reserved.clear();
  CHECK(reserved.size() == 0);
  CHECK(reserved.find(keys[0]) == nullptr);
}

TEST_CASE("memory hashes are fixed, count every byte and spread words apart") {
  // Fixed values: a hash must not depend on the build or the platform (both are little-endian).
  const std::pair<const char*, std::uint64_t> known[] = {
      {"", 0xe220a8397b1dcdafull},          {"a", 0x65d44b5d2479f265ull},          {"ab", 0xc84a947780c64266ull},
      {"abc", 0xe08f8b84e9aabbffull},       {"Roma", 0xb9fbd4a71ffe22eaull},       {"città", 0x4683943fb8128911ull},
      {"presidente", 0x10da76b1016eaa34ull}, {"internazionalizzazione", 0xe9b7aef9f5cd1835ull},
  };
  for (const auto& [word, hash] : known) CHECK(memory_hash(word) == hash);
  // Changing any one byte, or the length, changes the hash.
  std::string text = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t length = 0; length < text.size(); ++length) {
    const std::string word = text.substr(0, length);
    const std::uint64_t hash = memory_hash(word);
    CHECK(hash != memory_hash(text.substr(0, length + 1)));
    CHECK(hash != memory_hash(word + '\0'));
    for (std::size_t at = 0; at < length; ++at) {
      std::string changed = word;
      changed[at] = static_cast<char>(changed[at] ^ 0x01);
      CHECK(hash != memory_hash(changed));
    }
  }
  // No two of 200,000 short words share a hash.
  StringSet words;
  std::vector<std::uint64_t> hashes;
  for (std::uint32_t i = 0; words.size() < 200000; ++i) {
    std::string word;
    for (std::uint32_t v = i * 2654435761u; word.size() < 2 + i % 11; v = v * 1103515245u + 12345u) word += static_cast<char>('a' + (v >> 16) % 26);
    if (words.insert(word).second) hashes.push_back(memory_hash(word));
  }
  std::sort(hashes.begin(), hashes.end());
  CHECK(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
}

TEST_CASE("a word map gives each word one index and value") {
  WordMap<int> map;
  CHECK(map.find("Roma") == nullptr);
  map["Roma"] = 3;
  CHECK(map.index("Milano") == 1);
  CHECK(map.index("Roma") == 0);
  REQUIRE(map.find("Roma") != nullptr);
  CHECK(*map.find("Roma") == 3);
  CHECK(map.find("roma") == nullptr);  // bytes, not folded
  CHECK(map.size() == 2);
}

TEST_CASE("folded hashes fold ASCII and beyond alike") {
  CHECK(folded_hash("ROMA") == folded_hash("roma"));
  CHECK(folded_hash("CITTÀ") == folded_hash("città"));
  CHECK(folded_hash("Città") == describe_word("Città").folded);
  CHECK(folded_hash("Roma") != folded_hash("Rome"));
  CHECK(folded_hash("a-b") == describe_word("A-B").folded);
}
