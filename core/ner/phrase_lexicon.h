#pragma once
// Names of one or more tokens (places, organisations, cue phrases), each with a set of classes,
// matched against a tokenised sentence. Tokens are compared case-folded (folded_hash), phrases by
// a 32-bit hash of their token hashes: at the sizes used (under 10^5 names) a false match is rarer
// than one in a million lookups, and the tables stay small enough for the browser.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "resources/range_coder.h"
#include "text/flat_table.h"

namespace cronaca {

class ByteReader;
class ByteWriter;

// Where a token falls in the longest phrase that covers it.
enum class PhrasePosition : std::uint8_t { none, begin, inside, end, single };

struct PhraseMatch {
  PhrasePosition position = PhrasePosition::none;
  std::uint8_t classes = 0;  // bit set of the phrase's classes
};

class PhraseLexicon {
 public:
  static constexpr std::size_t kMaxTokens = 12;

  // Adds a phrase given as its tokens' folded hashes; its classes join any it already has.
  // Phrases longer than kMaxTokens are ignored.
  void add(std::span<const std::uint64_t> folded_tokens, std::uint8_t classes);
  // Splits a name on spaces (names are stored tokenised, tokens joined by one space).
  void add_tokenised(std::string_view name, std::uint8_t classes);
  // Room for about this many phrases (and as many distinct tokens) without growing the tables.
  void reserve(std::size_t phrases) {
    phrases_.reserve(phrases);
    first_tokens_.reserve(phrases);
    tokens_.reserve(phrases);
  }

  // What the lexicon says of one token on its own.
  struct TokenFacts {
    std::uint8_t longest = 0;  // longest_from()
    std::uint8_t classes = 0;  // token_classes()
    bool single = false;       // the token alone is a phrase, of classes single_classes
    std::uint8_t single_classes = 0;
  };
  TokenFacts facts(std::uint64_t folded) const;

  // Leftmost-longest matching, left to right: `out` gets one entry per token.
  void match(std::span<const std::uint64_t> folded_tokens, std::span<PhraseMatch> out) const;
  // The same, given facts() of each token (a caller that describes each word once keeps them):
  // a phrase stops growing at a token that is in none.
  void match(std::span<const std::uint64_t> folded_tokens, std::span<const TokenFacts> facts, std::span<PhraseMatch> out) const;
  // The length of the longest phrase that starts with this token, 0 when none does.
  std::uint8_t longest_from(std::uint64_t folded) const {
    const std::uint8_t* longest = first_tokens_.find(token_key(folded));
    return longest ? *longest : 0;
  }
  // The classes of exactly this token sequence, 0 when it is not a phrase.
  std::uint8_t classes_of(std::span<const std::uint64_t> folded_tokens) const;
  // The classes of every phrase that contains this token anywhere: "Banca" in "Banca d' Italia".
  std::uint8_t token_classes(std::uint64_t folded) const {
    const std::uint8_t* classes = tokens_.find(token_key(folded));
    return classes ? *classes : 0;
  }

  std::size_t size() const { return phrases_.size(); }

  void write(ByteWriter& out) const;
  bool read(ByteReader& in);

 private:
  friend class LegacyModelReader;  // tools/ner/convert_model.cpp reads the earlier file format

  static std::uint32_t phrase_key(std::span<const std::uint64_t> folded_tokens);
  static std::uint32_t phrase_key(std::uint64_t hash) { return FlatTable<std::uint32_t, std::uint8_t>::nonzero(static_cast<std::uint32_t>(hash)); }
  static std::uint32_t token_key(std::uint64_t folded) { return FlatTable<std::uint32_t, std::uint8_t>::nonzero(static_cast<std::uint32_t>(folded >> 32)); }

  // The adaptive models of write() and read().
  struct Models {
    GapCoder phrase_gaps, token_gaps;
    BitTree<8> phrase_classes{}, token_classes{};
    std::array<BitTree<4>, 8> longest{};  // by the token's classes
  };

  FlatTable<std::uint32_t, std::uint8_t> phrases_;       // phrase key -> classes
  FlatTable<std::uint32_t, std::uint8_t> first_tokens_;  // first token -> longest phrase it starts
  FlatTable<std::uint32_t, std::uint8_t> tokens_;        // any token -> classes of the phrases it is in
};

}  // namespace cronaca
