#pragma once
// Little-endian binary encoding for resource files (the pack, models): fixed-width integers,
// LEB128 varints and length-prefixed byte strings. The reader never reads past its input and
// reports truncation through its return values.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cronaca {

class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}

  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void i16(std::int16_t v) {
    const auto u = static_cast<std::uint16_t>(v);
    out_.push_back(static_cast<char>(u & 0xFF));
    out_.push_back(static_cast<char>(u >> 8));
  }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void bytes(std::string_view b) {
    u32(static_cast<std::uint32_t>(b.size()));
    out_ += b;
  }

 private:
  std::string& out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  bool u8(std::uint8_t& v) {
    if (pos_ >= in_.size()) return false;
    v = static_cast<std::uint8_t>(in_[pos_++]);
    return true;
  }
  bool u32(std::uint32_t& v) {
    if (in_.size() - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return true;
  }
  bool i16(std::int16_t& v) {
    if (in_.size() - pos_ < 2) return false;
    const auto u = static_cast<std::uint16_t>(static_cast<unsigned char>(in_[pos_]) | (static_cast<unsigned char>(in_[pos_ + 1]) << 8));
    v = static_cast<std::int16_t>(u);
    pos_ += 2;
    return true;
  }
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t byte;
      if (!u8(byte)) return false;
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool bytes(std::string_view& b) {
    std::uint32_t size;
    if (!u32(size) || in_.size() - pos_ < size) return false;
    b = in_.substr(pos_, size);
    pos_ += size;
    return true;
  }
  bool literal(std::string_view expected) {
    if (in_.substr(pos_, expected.size()) != expected) return false;
    pos_ += expected.size();
    return true;
  }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace cronaca
