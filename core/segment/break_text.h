#pragma once
// Text as the word and sentence breakers read it: UTF-8 characters looked up in a table of break
// classes, and the stretches handed to ICU's break iterators.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cronaca {

// One character: its class and its length in bytes.
struct BreakUnit {
  std::uint8_t kind;
  std::uint8_t length;
};

// Classes of the characters below kTableEnd (at least U+0800, at most U+10000). A character beyond
// the table, an invalid, overlong or surrogate sequence is one byte of class kUnhandled, the end
// of the text kEndOfText of length 0.
template <std::size_t kTableEnd, std::uint8_t kUnhandled, std::uint8_t kEndOfText>
class BreakScanner {
  static_assert(kTableEnd >= 0x800 && kTableEnd <= 0x10000);

 public:
  using Table = std::array<std::uint8_t, kTableEnd>;

  BreakScanner(std::string_view text, const Table& table)
      : bytes_(reinterpret_cast<const unsigned char*>(text.data())), size_(text.size()), table_(table.data()) {}

  // The end of the run from `pos` of ASCII bytes that `marked` flags (it must flag no byte from
  // 0x80 up): at() a character at a time, without building a unit for each.
  std::size_t ascii_run_end(std::size_t pos, const std::array<bool, 256>& marked) const {
    while (pos < size_ && marked[bytes_[pos]]) ++pos;
    return pos;
  }

  BreakUnit at(std::size_t pos) const {
    if (pos >= size_) return {kEndOfText, 0};
    const unsigned b0 = bytes_[pos];
    if (b0 < 0x80) return {table_[b0], 1};
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      if (pos + 1 < size_ && continuation(pos + 1)) return {table_[((b0 & 0x1Fu) << 6) | (bytes_[pos + 1] & 0x3Fu)], 2};
    } else if (b0 >= 0xE0 && b0 <= 0xEF && pos + 2 < size_ && continuation(pos + 1) && continuation(pos + 2)) {
      const char32_t c = ((b0 & 0x0Fu) << 12) | ((bytes_[pos + 1] & 0x3Fu) << 6) | (bytes_[pos + 2] & 0x3Fu);
      if (c >= 0x800 && c < kTableEnd && (c < 0xD800 || c > 0xDFFF)) return {table_[c], 3};
    }
    return {kUnhandled, 1};
  }

 private:
  bool continuation(std::size_t pos) const { return (bytes_[pos] & 0xC0) == 0x80; }

  const unsigned char* bytes_;
  std::size_t size_;
  const std::uint8_t* table_;
};

inline void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

// Points `iterator` at `text`, which must outlive its use; `what` names the job in the error.
inline void set_icu_text(icu::BreakIterator& iterator, std::string_view text, const char* what) {
  struct Closer {
    void operator()(UText* t) const { utext_close(t); }
  };
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, Closer> utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  check_icu(status, "ICU cannot read the text");
  iterator.setText(utext.get(), status);  // the iterator keeps a clone of the UText, not this one
  check_icu(status, what);
}

}  // namespace cronaca
