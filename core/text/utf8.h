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
// from a checkpoint every 64 bytes (memory: 1/16 of the text).
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view text);
  std::uint32_t operator()(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
};

// Unicode simple case folding plus removal of nothing else: the key most lookups use.
std::string fold_case(std::string_view s);

// ASCII whitespace or Unicode white space.
bool is_space(char32_t cp);

// True when the string contains only is_space characters.
bool is_blank(std::string_view s);

std::string_view trim(std::string_view s);

}  // namespace cronaca
