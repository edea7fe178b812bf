#include "ner/phrase_lexicon.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <vector>

#include "ner/word_info.h"
#include "resources/binary_io.h"
#include "resources/range_coder.h"
#include "text/string_hash.h"

namespace cronaca {

std::uint32_t PhraseLexicon::phrase_key(std::span<const std::uint64_t> folded_tokens) {
  std::uint64_t hash = 0x5eed;
  for (std::uint64_t token : folded_tokens) hash = combine_hash(hash, token);
  return phrase_key(hash);
}

void PhraseLexicon::add(std::span<const std::uint64_t> folded_tokens, std::uint8_t classes) {
  if (folded_tokens.empty() || folded_tokens.size() > kMaxTokens) return;
  phrases_.insert(phrase_key(folded_tokens), 0) |= classes;
  std::uint8_t& longest = first_tokens_.insert(token_key(folded_tokens.front()), 0);
  longest = std::max(longest, static_cast<std::uint8_t>(folded_tokens.size()));
  for (std::uint64_t token : folded_tokens) tokens_.insert(token_key(token), 0) |= classes;
}

void PhraseLexicon::add_tokenised(std::string_view name, std::uint8_t classes) {
  std::uint64_t tokens[kMaxTokens];
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < name.size()) {
    std::size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    if (end > pos) {
      if (count == kMaxTokens) return;
      tokens[count++] = folded_hash(name.substr(pos, end - pos));
    }
    pos = end + 1;
  }
  add(std::span(tokens, count), classes);
}

std::uint8_t PhraseLexicon::classes_of(std::span<const std::uint64_t> folded_tokens) const {
  const std::uint8_t* classes = phrases_.find(phrase_key(folded_tokens));
  return classes ? *classes : 0;
}

PhraseLexicon::TokenFacts PhraseLexicon::facts(std::uint64_t folded) const {
  TokenFacts facts{longest_from(folded), token_classes(folded)};
  if (facts.longest) {
    if (const std::uint8_t* classes = phrases_.find(phrase_key(std::span(&folded, 1)))) {
      facts.single = true;
      facts.single_classes = *classes;
    }
  }
  return facts;
}

void PhraseLexicon::match(std::span<const std::uint64_t> folded_tokens, std::span<PhraseMatch> out) const {
  std::vector<TokenFacts> facts(folded_tokens.size());
  for (std::size_t i = 0; i < folded_tokens.size(); ++i) facts[i] = this->facts(folded_tokens[i]);
  match(folded_tokens, facts, out);
}

void PhraseLexicon::match(std::span<const std::uint64_t> folded_tokens, std::span<const TokenFacts> facts, std::span<PhraseMatch> out) const {
  std::fill(out.begin(), out.end(), PhraseMatch{});
  const std::size_t n = folded_tokens.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t matched = 0;
    std::uint8_t classes = 0;
    const std::size_t limit = std::min<std::size_t>(facts[i].longest, n - i);
    if (limit && facts[i].classes) {
      // The token alone is known from its facts; longer phrases are looked up one token at a
      // time, the phrase hash growing with them, keeping the longest hit.
      if (facts[i].single) {
        matched = 1;
        classes = facts[i].single_classes;
      }
      if (limit > 1 && facts[i + 1].classes) {
        std::uint64_t hash = combine_hash(0x5eed, folded_tokens[i]);
        for (std::size_t length = 2; length <= limit && facts[i + length - 1].classes; ++length) {
          hash = combine_hash(hash, folded_tokens[i + length - 1]);
          if (const std::uint8_t* found = phrases_.find(phrase_key(hash))) {
            matched = length;
            classes = *found;
          }
        }
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    if (matched == 1) {
      out[i] = {PhrasePosition::single, classes};
    } else {
      out[i] = {PhrasePosition::begin, classes};
      for (std::size_t k = 1; k + 1 < matched; ++k) out[i + k] = {PhrasePosition::inside, classes};
      out[i + matched - 1] = {PhrasePosition::end, classes};
    }
    i += matched;
  }
}

// Varints: the number of phrases, of tokens and of first tokens; u8s: the key shifts of phrases
// and tokens (GapCoder) and the bits the classes take; then two byte strings (u32 length and
// bytes): range-coded (resources/range_coder.h), the phrases' key gaps in key order, each with its
// classes, then the tokens' key gaps in key order, each with its classes and the longest phrase it
// starts (0 for none); and the gaps' low bits, packed. Every first token is also a token, so the
// first-token table costs no keys of its own. About 0.4 MB for the 107,000 names the models carry,
// where sorted varint deltas took 0.84 MB (0.67 MB gzipped).
void PhraseLexicon::write(ByteWriter& out) const {
  std::vector<std::pair<std::uint32_t, std::uint8_t>> phrases;
  phrases.reserve(phrases_.size());
  phrases_.for_each([&](std::uint32_t key, std::uint8_t classes) { phrases.emplace_back(key, classes); });
  std::sort(phrases.begin(), phrases.end());
  struct Token {
    std::uint32_t key;
    std::uint8_t classes, longest;
    bool operator<(const Token& other) const { return key < other.key; }
  };
  std::vector<Token> tokens;
  tokens.reserve(tokens_.size());
  tokens_.for_each([&](std::uint32_t key, std::uint8_t classes) {
    const std::uint8_t* longest = first_tokens_.find(key);
    tokens.push_back({key, classes, longest ? *longest : std::uint8_t{0}});
  });
  std::sort(tokens.begin(), tokens.end());
  // add() puts every first token among the tokens, with a length of at least one.
  std::size_t firsts = 0;
  for (const Token& token : tokens) firsts += token.longest != 0;
  if (firsts != first_tokens_.size()) throw std::logic_error("PhraseLexicon: a first token that is no token");

  const int phrase_shift = GapCoder::shift_for(phrases.size()), token_shift = GapCoder::shift_for(tokens.size());
  out.varint(phrases.size());
  out.varint(tokens.size());
  out.varint(firsts);
  out.u8(static_cast<std::uint8_t>(phrase_shift));
  out.u8(static_cast<std::uint8_t>(token_shift));
  // The classes take this many bits (3 for the names' NameClass bits).
  std::uint8_t all_classes = 0;
  for (const auto& phrase : phrases) all_classes |= phrase.second;
  for (const Token& token : tokens) all_classes |= token.classes;
  const int class_bits = std::bit_width(all_classes);
  out.u8(static_cast<std::uint8_t>(class_bits));
  std::string coded, low_bits;
  RangeEncoder encoder(coded);
  BitWriter low(low_bits);
  Models models{GapCoder(phrase_shift), GapCoder(token_shift)};
  std::uint32_t previous = 0;
  for (const auto& [key, classes] : phrases) {
    models.phrase_gaps.encode(encoder, low, key - previous);
    models.phrase_classes.encode(encoder, classes, class_bits);
    previous = key;
  }
  previous = 0;
  for (const Token& token : tokens) {
    models.token_gaps.encode(encoder, low, token.key - previous);
    models.token_classes.encode(encoder, token.classes, class_bits);
    models.longest[token.classes & 7].encode(encoder, token.longest);
    previous = token.key;
  }
  encoder.finish();
  low.finish();
  out.bytes(coded);
  out.bytes(low_bits);
}

bool PhraseLexicon::read(ByteReader& in) {
  std::uint64_t phrase_count, token_count, first_count;
  std::uint8_t phrase_shift, token_shift, class_bits;
  std::string_view coded, low_bits;
  if (!in.varint(phrase_count) || !in.varint(token_count) || !in.varint(first_count) || phrase_count > (1u << 26) ||
      token_count > (1u << 26) || first_count > token_count) {
    return false;
  }
  if (!in.u8(phrase_shift) || !in.u8(token_shift) || !in.u8(class_bits) || phrase_shift > 31 || token_shift > 31 ||
      class_bits > 8 || !in.bytes(coded) || !in.bytes(low_bits)) {
    return false;
  }
  RangeDecoder decoder(coded);
  BitReader low(low_bits);
  Models models{GapCoder(phrase_shift), GapCoder(token_shift)};
  phrases_.reserve(static_cast<std::size_t>(phrase_count));
  tokens_.reserve(static_cast<std::size_t>(token_count));
  first_tokens_.reserve(static_cast<std::size_t>(first_count));
  std::uint64_t key = 0;
  for (std::uint64_t i = 0; i < phrase_count; ++i) {
    if (!models.phrase_gaps.next_key(decoder, low, key)) return false;
    phrases_.insert(static_cast<std::uint32_t>(key), static_cast<std::uint8_t>(models.phrase_classes.decode(decoder, class_bits)));
  }
  key = 0;
  for (std::uint64_t i = 0; i < token_count; ++i) {
    if (!models.token_gaps.next_key(decoder, low, key)) return false;
    const auto classes = static_cast<std::uint8_t>(models.token_classes.decode(decoder, class_bits));
    const auto longest = static_cast<std::uint8_t>(models.longest[classes & 7].decode(decoder));
    if (longest > kMaxTokens) return false;
    tokens_.insert(static_cast<std::uint32_t>(key), classes);
    if (longest != 0) first_tokens_.insert(static_cast<std::uint32_t>(key), longest);
  }
  return !decoder.overrun() && !low.overrun();
}

}  // namespace cronaca
