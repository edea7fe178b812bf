#include "text/utf8.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/byte_runs.h"

namespace cronaca {

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  const std::size_t length = utf8_sequence_length(s, pos);
  if (length == 0) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7Fu >> length);  // the lead byte's payload: 5, 4 or 3 bits
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t ascii_end(std::string_view s, std::size_t pos) {
  return byte_runs::run_end(s, pos, byte_runs::high, [](unsigned char c) { return c >= 0x80; });
}

std::size_t printable_ascii_end(std::string_view s, std::size_t pos) {
  return byte_runs::run_end(
      s, pos, [](std::uint64_t x) { return byte_runs::below(x, 0x20) | byte_runs::high(x) | byte_runs::equal(x, 0x7F); },
      [](unsigned char c) { return c < 0x20 || c >= 0x7F; });
}

Utf8Repair repair_utf8(std::string_view bytes) {
  Utf8Repair out;
  out.text.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t run = ascii_end(bytes, pos);
    out.text.append(bytes.data() + pos, run - pos);
    pos = run;
    if (pos >= bytes.size()) break;
    const std::size_t len = utf8_sequence_length(bytes, pos);
    if (len == 0) {
      out.text.append("\xEF\xBF\xBD");
      ++out.invalid_sequences;
      ++pos;
    } else {
      out.text.append(bytes.data() + pos, len);
      pos += len;
    }
  }
  return out;
}

std::size_t count_invalid_utf8(std::string_view bytes, std::size_t limit) {
  std::size_t invalid = 0;
  std::size_t pos = 0;
  while (pos < bytes.size() && invalid < limit) {
    pos = ascii_end(bytes, pos);
    if (pos == bytes.size()) break;
    const std::size_t len = utf8_sequence_length(bytes, pos);
    if (len == 0) {
      ++invalid;
      ++pos;
    } else {
      pos += len;
    }
  }
  return invalid;
}

namespace {
// UTF-16 code units taken by the UTF-8 bytes in [begin, end): one per lead byte, two for 4-byte
// sequences.
std::uint32_t utf16_units(const char* begin, const char* end) {
  std::uint32_t units = 0;
  const char* p = begin;
  for (; p + 8 <= end; p += 8) {  // the same sums, eight bytes at a time
    using byte_runs::kHighs, byte_runs::kOnes;
    const std::uint64_t x = byte_runs::load(p);
    const std::uint64_t continuation = (x & ~(x << 1) & kHighs) >> 7;                  // 10xxxxxx: 1
    const std::uint64_t four_byte_lead = (x & (x << 1) & (x << 2) & (x << 3) & kHighs) >> 7;  // 1111xxxx: 1
    // Each byte's units (0, 1 or 2) summed by the multiplication into the top byte.
    units += static_cast<std::uint32_t>(((kOnes - continuation + four_byte_lead) * kOnes) >> 56);
  }
  for (; p < end; ++p) {
    const auto b = static_cast<unsigned char>(*p);
    units += (b & 0xC0) != 0x80;
    units += b >= 0xF0;
  }
  return units;
}

bool all_ascii(const char* begin, const char* end) {
  std::uint64_t bits = 0;
  const char* p = begin;
  for (; p + 8 <= end; p += 8) bits |= byte_runs::load(p);
  for (; p < end; ++p) bits |= static_cast<unsigned char>(*p);
  return (bits & byte_runs::kHighs) == 0;
}
}  // namespace

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  ascii_blocks_.reserve(text.size() / kStride + 1);
  std::uint32_t units = 0;
  for (std::size_t at = 0; at <= text.size(); at += kStride) {
    checkpoints_.push_back(units);
    const std::size_t end = std::min(text.size(), at + kStride);
    units += utf16_units(text.data() + at, text.data() + end);
    ascii_blocks_.push_back(all_ascii(text.data() + at, text.data() + end));
  }
}

std::uint32_t Utf16Index::operator()(std::size_t byte_offset) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  const std::size_t block = byte_offset / kStride;
  // In a block of ASCII, a unit per byte: most blocks of European text.
  if (ascii_blocks_[block]) return checkpoints_[block] + static_cast<std::uint32_t>(byte_offset - block * kStride);
  return checkpoints_[block] +
         utf16_units(text_.data() + block * kStride, text_.data() + byte_offset);
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string fold_case(std::string_view s) {
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.assign(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                         nullptr, status);
  if (U_FAILURE(status)) out.assign(s);
  return out;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || u_isUWhiteSpace(cp); }

bool is_blank(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (!is_space(decode_utf8(s, pos))) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!is_space(decode_utf8(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t probe = start;
    if (!is_space(decode_utf8(s, probe))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

}  // namespace cronaca
