#pragma once
// An open-addressing hash table from non-zero integer keys (already well mixed) to small values,
// for the tagger's inner loop: one probe sequence in a flat array, no allocation on lookup.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cronaca {

template <class Key, class Value>
class FlatTable {
 public:
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity * 7 < count * 10) capacity *= 2;  // load factor at most 0.7
    if (capacity <= keys_.size()) return;
    std::vector<Key> old_keys(capacity, Key{0});
    std::vector<Value> old_values(capacity);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = capacity - 1;
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != 0) insert(old_keys[i], old_values[i]);
    }
  }

  // Key 0 marks an empty slot: callers map it to another key (see nonzero()).
  Value& insert(Key key, Value value) {
    if ((size_ + 1) * 10 > keys_.size() * 7) reserve(size_ + 1 + size_ / 2);
    std::size_t slot = static_cast<std::size_t>(key) & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      values_[slot] = value;
      ++size_;
    }
    return values_[slot];
  }

  const Value* find(Key key) const {
    if (keys_.empty()) return nullptr;
    std::size_t slot = static_cast<std::size_t>(key) & mask_;
    while (true) {
      const Key found = keys_[slot];
      if (found == key) return &values_[slot];
      if (found == 0) return nullptr;
      slot = (slot + 1) & mask_;
    }
  }

  std::size_t size() const { return size_; }

  // Empties the table, keeping its capacity.
  void clear() {
    std::fill(keys_.begin(), keys_.end(), Key{0});
    size_ = 0;
  }

  template <class Visit>
  void for_each(Visit&& visit) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != 0) visit(keys_[i], values_[i]);
    }
  }

  static constexpr Key nonzero(Key key) { return key == 0 ? Key{1} : key; }

 private:
  std::vector<Key> keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace cronaca
