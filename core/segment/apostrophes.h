#pragma once
// The apostrophes of a text (U+0027, U+2019, U+02BC) for a pass over its tokens in order. Most
// words have none; memchr finds the few in the whole text far faster than a byte loop per word.
#include <cstddef>
#include <string_view>

#include "text/byte_cursor.h"

namespace cronaca {

class ApostropheFinder {
 public:
  explicit ApostropheFinder(std::string_view text)
      : text_(text), quote_(text, '\''), right_quote_(text, '\xE2'), modifier_(text, '\xCA') {}

  // Whether text[begin, end) holds a whole apostrophe. Calls must come with `begin` never
  // decreasing.
  bool within(std::size_t begin, std::size_t end) {
    return found(quote_, "'", begin, end) || found(right_quote_, "\u2019", begin, end) || found(modifier_, "\u02BC", begin, end);
  }

 private:
  // Occurrences of a form's first byte that start another character are passed over for good.
  bool found(ByteCursor& cursor, std::string_view form, std::size_t begin, std::size_t end) const {
    for (std::size_t at = cursor.at_or_after(begin); at < end; at = cursor.at_or_after(at + 1)) {
      if (text_.substr(at, form.size()) == form) return at + form.size() <= end;
    }
    return false;
  }

  std::string_view text_;
  ByteCursor quote_, right_quote_, modifier_;
};

}  // namespace cronaca
