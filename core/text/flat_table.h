#pragma once
// An open-addressing hash table from non-zero integer keys (already well mixed) to small values,
// for the tagger's inner loop: one probe sequence in a flat array, no allocation on lookup. A key
// and its value share a slot, so a hit costs one cache miss, not two. A key's home slot is given
// by its high bits, so keys inserted in sorted order (as the model files store them) fill the
// array front to back instead of touching it at random.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace cronaca {

template <class Key, class Value>
class FlatTable {
 public:
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity * 7 < count * 10) capacity *= 2;  // load factor at most 0.7
    if (capacity <= slots_.size()) return;
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    shift_ = kKeyBits - std::countr_zero(capacity);
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.key != 0) insert(slot.key, slot.value);
    }
  }

  // Key 0 marks an empty slot: callers map it to another key (see nonzero()).
  Value& insert(Key key, Value value) {
    if ((size_ + 1) * 10 > slots_.size() * 7) reserve(size_ + 1 + size_ / 2);
    std::size_t at = home(key);
    while (slots_[at].key != 0 && slots_[at].key != key) at = (at + 1) & mask_;
    Slot& slot = slots_[at];
    if (slot.key == 0) {
      slot = {key, value};
      ++size_;
    }
    return slot.value;
  }

  // Asks the processor to start loading where `key` would be, so that a find() a little later
  // does not wait for memory: lookups in a large table are cache misses, and independent ones
  // can overlap. A no-op where there is no prefetch instruction (WebAssembly).
  void prefetch(Key key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(key)]);
  }

  const Value* find(Key key) const {
    if (slots_.empty()) return nullptr;
    std::size_t at = home(key);
    while (true) {
      const Slot& slot = slots_[at];
      if (slot.key == key) return &slot.value;
      if (slot.key == 0) return nullptr;
      at = (at + 1) & mask_;
    }
  }

  std::size_t size() const { return size_; }

  // Empties the table, keeping its capacity.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }

  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const Slot& slot : slots_) {
      if (slot.key != 0) visit(slot.key, slot.value);
    }
  }

  static constexpr Key nonzero(Key key) { return key == 0 ? Key{1} : key; }

 private:
  static constexpr int kKeyBits = 8 * sizeof(Key);
  std::size_t home(Key key) const { return static_cast<std::size_t>(key >> shift_); }

  struct Slot {
    Key key{0};
    Value value{};
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = kKeyBits;
  std::size_t size_ = 0;
};

}  // namespace cronaca
