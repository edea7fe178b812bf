#pragma once
// The occurrences of one byte in a text, for a pass over the text in order: memchr runs once per
// occurrence over the whole text, rather than once per token, where most tokens hold none.
#include <cstddef>
#include <cstring>
#include <string_view>

namespace cronaca {

class ByteCursor {
 public:
  ByteCursor(std::string_view text, char byte) : text_(text), byte_(byte), at_(find(0)) {}

  // The first position at or after `from` holding the byte, or the text's size. Calls must come
  // with `from` never decreasing.
  std::size_t at_or_after(std::size_t from) {
    if (at_ < from) at_ = find(from);
    return at_;
  }

 private:
  std::size_t find(std::size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* hit = std::memchr(text_.data() + from, byte_, text_.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
  }

  std::string_view text_;
  char byte_;
  std::size_t at_;  // the first occurrence at or after the last `from`
};

}  // namespace cronaca
