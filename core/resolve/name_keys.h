#pragma once
// Keys under which the spellings of one name meet: case-folded, transliterated to ASCII by ICU
// (the transliterators of resolve/transliterators.txt: Путин, Chávez), and reduced by the
// spelling variants of news transliteration (resolve/variants.txt): "Kassym-Jomart Tokayev", "Kasim Yomart Tokayev" and
// "Qasym Zhomart Tokaev" all become {"kasim", "jomart", "tokaev"}.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"
#include "text/string_hash.h"

namespace cronaca {

class NameKeys {
 public:
  // `resources` must outlive the keys. Throws std::runtime_error (on first use of a name that is
  // not ASCII) when the pack's transliteration rules are missing or do not compile.
  explicit NameKeys(const Resources& resources);
  ~NameKeys();
  NameKeys(const NameKeys&) = delete;
  NameKeys& operator=(const NameKeys&) = delete;

  // The key tokens of a name: words split at spaces, hyphens and apostrophes, punctuation
  // dropped. Results are cached.
  const std::vector<std::string>& tokens(std::string_view name) const;

  // One token's key, for a word already split out.
  std::string token_key(std::string_view ascii_lower_token) const;

 private:
  struct Rule {
    std::string from, to;
    bool at_start, at_end;
    std::uint64_t bytes = 0;  // byte_mask(from)
  };
  // The bytes of `s`, one bit for each value modulo 64: when a pattern has a bit the text lacks,
  // the text cannot hold it.
  static std::uint64_t byte_mask(std::string_view s) {
    std::uint64_t mask = 0;
    for (char c : s) mask |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
    return mask;
  }
  std::string to_ascii(std::string_view name) const;

  const Resources& resources_;
  std::vector<Rule> rules_;
  struct Transliterator;
  std::unique_ptr<Transliterator> transliterator_;
  mutable StringMap<std::vector<std::string>> cache_;
};

}  // namespace cronaca
