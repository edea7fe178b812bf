#pragma once
// A feature's key: the hash of its template and values (features.h). Many templates combine only
// a few small values (a token's casing, a phrase match, a label), so their keys are also kept in
// tables: hashing them token by token was most of the extractor's work. The tables are filled
// when the program starts, not at compile time, where they were 125 KB of random numbers in the
// WebAssembly download; filling them takes microseconds.
#include <array>
#include <cstdint>
#include <vector>

#include "ner/phrase_lexicon.h"
#include "text/flat_table.h"
#include "text/string_hash.h"

namespace cronaca {

constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t value) {
  return FlatTable<std::uint32_t, std::uint32_t>::nonzero(static_cast<std::uint32_t>(combine_hash(tmpl, value)));
}
constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) { return feature_key(tmpl, combine_hash(a, b)); }
constexpr std::uint32_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return feature_key(tmpl, combine_hash(combine_hash(a, b), c));
}

// A phrase match as a feature value: its position and classes.
constexpr std::uint64_t match_value(const PhraseMatch& m) {
  return static_cast<std::uint64_t>(m.position) | (static_cast<std::uint64_t>(m.classes) << 8);
}

// Phrase matches as small values: position + 5 x classes, for classes < 16 (every lexicon's).
inline constexpr std::size_t kMatchClasses = 16;
inline constexpr std::size_t kMatchValues = 5 * kMatchClasses;
constexpr std::uint64_t match_of_index(std::size_t index) { return (index % 5) | ((index / 5) << 8); }
constexpr std::size_t match_index(const PhraseMatch& m) { return static_cast<std::size_t>(m.position) + 5 * m.classes; }

// A key of a small template and its slot: where it stands among every small template's keys
// (small_keys()), so that a tagger can give each slot its weights once instead of looking the key
// up for every token. Values beyond a template's table have no slot; their key is hashed as
// feature_key would.
struct SmallKey {
  std::uint32_t key;
  std::uint32_t slot;
  bool has_slot;
};

// Every small template's keys end to end, in the order the tables were made (at start-up): a
// slot indexes it. Kept in memory only: slots are not stable from one build to the next.
inline std::vector<std::uint32_t>& small_keys() {
  static std::vector<std::uint32_t> keys;
  return keys;
}

template <std::size_t N>
struct SmallKeyTable {
  std::array<std::uint32_t, N> keys;
  std::uint32_t first_slot;

  SmallKey operator[](std::size_t index) const { return {keys[index], first_slot + static_cast<std::uint32_t>(index), true}; }
};

// Not constexpr, so that the tables are made at run time (see above). They are
// variables at namespace scope, not statics inside the functions below: reading those checks a
// guard every time, which cost the WebAssembly entity stage a tenth of its time.
template <std::size_t N, class Fill>
SmallKeyTable<N> key_table(Fill fill) {
  SmallKeyTable<N> table{};
  fill(table.keys);
  std::vector<std::uint32_t>& all = small_keys();
  table.first_slot = static_cast<std::uint32_t>(all.size());
  all.insert(all.end(), table.keys.begin(), table.keys.end());
  return table;
}

namespace key_tables {

template <std::uint64_t Tmpl, std::size_t A>
inline const auto one = key_table<A>([](auto& keys) {
  for (std::size_t i = 0; i < A; ++i) keys[i] = feature_key(Tmpl, i);
});

template <std::uint64_t Tmpl, std::size_t A, std::size_t B>
inline const auto two = key_table<A * B>([](auto& keys) {
  for (std::size_t i = 0; i < A; ++i) {
    for (std::size_t j = 0; j < B; ++j) keys[i * B + j] = feature_key(Tmpl, i, j);
  }
});

template <std::uint64_t Tmpl, std::size_t A, std::size_t B, std::size_t C>
inline const auto three = key_table<A * B * C>([](auto& keys) {
  for (std::size_t i = 0; i < A; ++i) {
    for (std::size_t j = 0; j < B; ++j) {
      for (std::size_t k = 0; k < C; ++k) keys[(i * B + j) * C + k] = feature_key(Tmpl, i, j, k);
    }
  }
});

template <std::uint64_t Tmpl, std::size_t B>
inline const auto match = key_table<kMatchValues * B>([](auto& keys) {
  for (std::size_t i = 0; i < kMatchValues; ++i) {
    for (std::size_t j = 0; j < B; ++j) keys[i * B + j] = feature_key(Tmpl, match_of_index(i), j);
  }
});

template <std::uint64_t Tmpl>
inline const auto match_pair = key_table<kMatchValues * kMatchValues>([](auto& keys) {
  for (std::size_t i = 0; i < kMatchValues; ++i) {
    for (std::size_t j = 0; j < kMatchValues; ++j) keys[i * kMatchValues + j] = feature_key(Tmpl, match_of_index(i), match_of_index(j));
  }
});

}  // namespace key_tables

// The keys of one template over three values, remembered for the triples met last (direct-mapped):
// for a template of few distinct triples, such as the shapes of three words in a row, nearly every
// key is found here instead of hashed in three rounds of mix64.
class TripleKeyMemo {
 public:
  explicit TripleKeyMemo(std::uint64_t tmpl) : tmpl_(tmpl) {
    entries_.assign(std::size_t{1} << kBits, Entry{0, 0, 0, feature_key(tmpl, 0, 0, 0)});  // holding the triple 0, 0, 0
  }

  std::uint32_t operator()(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    Entry& entry = entries_[(a ^ (b * 0x9e3779b97f4a7c15ull) ^ (c * 0xbf58476d1ce4e5b9ull)) >> (64 - kBits)];
    if (entry.a != a || entry.b != b || entry.c != c) entry = {a, b, c, feature_key(tmpl_, a, b, c)};
    return entry.key;
  }

 private:
  static constexpr int kBits = 10;
  struct Entry {
    std::uint64_t a, b, c;
    std::uint32_t key;
  };
  std::uint64_t tmpl_;
  std::vector<Entry> entries_;
};

// Keys of values beyond a template's table: rare, so kept out of line, out of the callers' way.
[[gnu::noinline]] inline SmallKey key_beyond_table(std::uint64_t tmpl, std::uint64_t a) { return {feature_key(tmpl, a), 0, false}; }
[[gnu::noinline]] inline SmallKey key_beyond_table(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) {
  return {feature_key(tmpl, a, b), 0, false};
}
[[gnu::noinline]] inline SmallKey key_beyond_table(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return {feature_key(tmpl, a, b, c), 0, false};
}

// The keys of template Tmpl over values 0 <= a < A (and b < B, c < C when given); values outside
// are hashed as feature_key would.
template <std::uint64_t Tmpl, std::size_t A>
SmallKey small_key(std::uint64_t a) {
  return a < A ? key_tables::one<Tmpl, A>[a] : key_beyond_table(Tmpl, a);
}

template <std::uint64_t Tmpl, std::size_t A, std::size_t B>
SmallKey small_key(std::uint64_t a, std::uint64_t b) {
  return a < A && b < B ? key_tables::two<Tmpl, A, B>[a * B + b] : key_beyond_table(Tmpl, a, b);
}

template <std::uint64_t Tmpl, std::size_t A, std::size_t B, std::size_t C>
SmallKey small_key(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return a < A && b < B && c < C ? key_tables::three<Tmpl, A, B, C>[(a * B + b) * C + c] : key_beyond_table(Tmpl, a, b, c);
}

// feature_key(Tmpl, match_value(m), b) for b < B.
template <std::uint64_t Tmpl, std::size_t B>
SmallKey match_key(const PhraseMatch& m, std::uint64_t b) {
  return m.classes < kMatchClasses && b < B ? key_tables::match<Tmpl, B>[match_index(m) * B + b]
                                            : key_beyond_table(Tmpl, match_value(m), b);
}

// feature_key(Tmpl, match_value(a), match_value(b)).
template <std::uint64_t Tmpl>
SmallKey match_pair_key(const PhraseMatch& a, const PhraseMatch& b) {
  if (a.classes >= kMatchClasses || b.classes >= kMatchClasses) return key_beyond_table(Tmpl, match_value(a), match_value(b));
  return key_tables::match_pair<Tmpl>[match_index(a) * kMatchValues + match_index(b)];
}

}  // namespace cronaca
