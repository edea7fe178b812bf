#include "ner/phrase_lexicon.h"

#include <algorithm>
#include <vector>

#include "ner/word_info.h"
#include "resources/binary_io.h"
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

void PhraseLexicon::match(std::span<const std::uint64_t> folded_tokens, std::span<PhraseMatch> out) const {
  std::vector<std::uint8_t> longest(folded_tokens.size()), classes(folded_tokens.size());
  for (std::size_t i = 0; i < folded_tokens.size(); ++i) {
    longest[i] = longest_from(folded_tokens[i]);
    classes[i] = token_classes(folded_tokens[i]);
  }
  match(folded_tokens, longest, classes, out);
}

void PhraseLexicon::match(std::span<const std::uint64_t> folded_tokens, std::span<const std::uint8_t> longest,
                          std::span<const std::uint8_t> token_classes, std::span<PhraseMatch> out) const {
  std::fill(out.begin(), out.end(), PhraseMatch{});
  const std::size_t n = folded_tokens.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t matched = 0;
    std::uint8_t classes = 0;
    if (longest[i]) {
      // Extend one token at a time, the phrase hash growing with it; keep the longest hit.
      std::uint64_t hash = 0x5eed;
      const std::size_t limit = std::min<std::size_t>(longest[i], n - i);
      for (std::size_t length = 1; length <= limit && token_classes[i + length - 1]; ++length) {
        hash = combine_hash(hash, folded_tokens[i + length - 1]);
        if (const std::uint8_t* found = phrases_.find(phrase_key(hash))) {
          matched = length;
          classes = *found;
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

// Sorted keys, delta-encoded as varints: a third of the raw size for a list of names.
void PhraseLexicon::write(ByteWriter& out) const {
  const auto write_table = [&out](const FlatTable<std::uint32_t, std::uint8_t>& table) {
    std::vector<std::pair<std::uint32_t, std::uint8_t>> entries;
    entries.reserve(table.size());
    table.for_each([&](std::uint32_t key, std::uint8_t value) { entries.emplace_back(key, value); });
    std::sort(entries.begin(), entries.end());
    out.varint(entries.size());
    std::uint32_t previous = 0;
    for (const auto& [key, value] : entries) {
      out.varint(key - previous);
      out.u8(value);
      previous = key;
    }
  };
  write_table(phrases_);
  write_table(first_tokens_);
  write_table(tokens_);
}

bool PhraseLexicon::read(ByteReader& in) {
  const auto read_table = [&in](FlatTable<std::uint32_t, std::uint8_t>& table) {
    std::uint64_t count;
    if (!in.varint(count) || count > (1u << 26)) return false;
    table.reserve(static_cast<std::size_t>(count));
    std::uint64_t key = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      std::uint64_t delta;
      std::uint8_t value;
      if (!in.varint(delta) || !in.u8(value)) return false;
      key += delta;
      table.insert(static_cast<std::uint32_t>(key), value);
    }
    return true;
  };
  return read_table(phrases_) && read_table(first_tokens_) && read_table(tokens_);
}

}  // namespace cronaca
