#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ner/word_info.h"
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
