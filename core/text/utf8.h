#pragma once
// UTF-8 text helpers shared by every stage. Documents are kept as valid UTF-8; offsets inside the
// core are byte offsets, converted to UTF-16 code units (what JavaScript indexes) only on output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class UnicodeString;
U_NAMESPACE_END

namespace cronaca {

// The length of the well-formed UTF-8 sequence at s[pos] (1 for ASCII), or 0 when there is none:
// a continuation or never-valid byte, an overlong form, a surrogate, a code point above U+10FFFF,
// or a sequence cut short by the end of `s`. The one validity check of the code base: decoding,
// repair and the JSON writer all go through it. Inline, as the JSON writer calls it per character.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  // The second byte's range is where the lead byte alone does not rule out overlong forms (E0, F0),
  // surrogates (ED) and code points above U+10FFFF (F4).
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (length > s.size() - pos) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(pos + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Decodes one code point at `pos` and advances `pos`. Invalid sequences yield U+FFFD and advance
// one byte, so a caller scanning untrusted bytes always makes progress.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// The end of the run of ASCII bytes from `pos` on: the first byte at 0x80 or above, or s.size().
// Eight bytes at a time, as most text is such runs.
std::size_t ascii_end(std::string_view s, std::size_t pos);
// The same for printable ASCII (0x20 to 0x7E): the first other byte, or s.size().
std::size_t printable_ascii_end(std::string_view s, std::size_t pos);

// An ICU (UTF-16) string as UTF-8.
std::string to_utf8(const icu::UnicodeString& s);

struct Utf8Repair {
  std::string text;
  std::size_t invalid_sequences = 0;
};
// Returns `bytes` as valid UTF-8, each invalid sequence replaced by U+FFFD.
Utf8Repair repair_utf8(std::string_view bytes);

// Number of invalid sequences in `bytes` (0 means valid UTF-8); stops counting at `limit`.
std::size_t count_invalid_utf8(std::string_view bytes, std::size_t limit = SIZE_MAX);

// Converts byte offsets of one valid UTF-8 text into UTF-16 code-unit offsets in O(1) each,
// from a checkpoint every 64 bytes (memory: 5/64 of the text).
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text);
  std::uint32_t operator()(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
  std::vector<std::uint8_t> ascii_blocks_;  // whether the block from each checkpoint is all ASCII
};

// Unicode simple case folding plus removal of nothing else: the key most lookups use.
std::string fold_case(std::string_view s);

// ASCII whitespace or Unicode white space.
bool is_space(char32_t cp);

// True when the string contains only is_space characters.
bool is_blank(std::string_view s);

std::string_view trim(std::string_view s);

}  // namespace cronaca
