#pragma once
// Values by word for the per-token lookups of the taggers: a word is found by a 64-bit hash of
// its bytes in one flat table, so a lookup hashes once, probes once and compares no string. With
// the 10^5 words these maps hold, two of them share a hash with a chance under one in a billion,
// and a word that is not in the map finds another's value with a chance of about 10^-14.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/flat_table.h"
#include "text/string_hash.h"

namespace cronaca {

template <class Value>
class WordMap {
 public:
  const Value* find(std::string_view word) const {
    const std::uint32_t* index = index_.find(key_of(word));
    return index ? &values_[*index] : nullptr;
  }
  // The word's value, default-constructed when new; valid until the next insertion.
  Value& operator[](std::string_view word) { return values_[index(word)]; }
  // The word's index (0, 1, ... in order of insertion), adding a default value when it is new;
  // an index stays valid when references do not.
  std::uint32_t index(std::string_view word) {
    const std::uint32_t at = index_.insert(key_of(word), static_cast<std::uint32_t>(values_.size()));
    if (at == values_.size()) values_.emplace_back();
    return at;
  }
  Value& at(std::uint32_t index) { return values_[index]; }
  const Value& at(std::uint32_t index) const { return values_[index]; }
  std::size_t size() const { return values_.size(); }
  void clear() {
    index_.clear();
    values_.clear();
  }

 private:
  static std::uint64_t key_of(std::string_view word) { return FlatTable<std::uint64_t, std::uint32_t>::nonzero(memory_hash(word)); }

  FlatTable<std::uint64_t, std::uint32_t> index_;  // into values_
  std::vector<Value> values_;
};

}  // namespace cronaca
