#pragma once
// The apostrophes of a text (U+0027, U+2019, U+02BC) for a pass over its tokens in order. Most
// words have none; memchr finds the few in the whole text far faster than a byte loop per word.
#include <cstddef>
#include <cstring>
#include <string_view>

namespace cronaca {

class ApostropheFinder {
 public:
  explicit ApostropheFinder(std::string_view text) : text_(text) {}

  // Whether text[begin, end) holds a whole apostrophe. Calls must come with `begin` never
  // decreasing.
  bool within(std::size_t begin, std::size_t end) {
    return found(quote_, '\'', "'", begin, end) || found(right_quote_, '\xE2', "\u2019", begin, end) ||
           found(modifier_, '\xCA', "\u02BC", begin, end);
  }

 private:
  // Where a form's first byte next occurs, past the occurrences already ruled out.
  struct Cursor {
    std::size_t at = 0;
    bool valid = false;
  };

  std::size_t find_byte(char byte, std::size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* hit = std::memchr(text_.data() + from, byte, text_.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
  }

  bool found(Cursor& cursor, char first_byte, std::string_view form, std::size_t begin, std::size_t end) {
    if (!cursor.valid || cursor.at < begin) {
      cursor.at = find_byte(first_byte, begin);
      cursor.valid = true;
    }
    // Occurrences of the first byte that start another character are passed over for good.
    while (cursor.at < end) {
      if (text_.substr(cursor.at, form.size()) == form) return cursor.at + form.size() <= end;
      cursor.at = find_byte(first_byte, cursor.at + 1);
    }
    return false;
  }

  std::string_view text_;
  Cursor quote_, right_quote_, modifier_;
};

}  // namespace cronaca
