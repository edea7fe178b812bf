#pragma once
// An adaptive binary range coder (the kind LZMA uses) for the model files, whose bulk (hashed
// feature keys and quantised weights) gzip compresses poorly: each bit is coded with a
// probability that learns from the bits coded before it in the same context, so a file costs
// close to the entropy of its values given their contexts. Integer arithmetic only: the same
// bytes decode to the same values natively and in WebAssembly.
//
// The decoder never reads past its input: beyond the end it reads zeros and reports overrun(),
// which a reader checks (a well-formed stream never overruns) so that a damaged file fails.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace cronaca {

// The probability that the next bit is 0, out of 2^16. It learns fast, then slowly: after n bits
// it moves 1/(n + 2) of the way to each bit seen (the average of the bits so far, as it were), until
// the step is 1/128. Contexts that see few bits (most of a model's) cost less than with one fixed
// rate, and the common ones settle on their frequencies.
class BitModel {
 public:
  static constexpr int kBits = 16;
  static constexpr int kSlowest = 128;

  std::uint32_t p() const { return state_ & 0xFFFFu; }

  // p stays within [kMargin, 2^16 - kMargin]: a 1 only lowers it and a 0 only raises it, so each
  // needs only the bound on its own side (the decoder's inner loop).
  void update(unsigned bit) {
    const std::uint32_t stage = kStages[state_ >> 16];
    const std::uint32_t step = stage & 0xFFFFu;
    std::uint32_t next = p();
    if (bit) {
      next -= (next * step) >> 16;
      next = next < kMargin ? kMargin : next;
    } else {
      next += (((1u << kBits) - next) * step) >> 16;
      next = next > (1u << kBits) - kMargin ? (1u << kBits) - kMargin : next;
    }
    state_ = next | (stage & 0xFFFF0000u);
  }

 private:
  static constexpr std::uint32_t kMargin = 32;  // no bit is ever nearly certain
  // After n bits: the step 2^16 / (n + 2) in the low half, n + 1 (at most kSlowest - 2) in the high.
  static constexpr std::array<std::uint32_t, kSlowest - 1> kStages = [] {
    std::array<std::uint32_t, kSlowest - 1> stages{};
    for (std::size_t n = 0; n < stages.size(); ++n) {
      const std::size_t seen = n < kSlowest - 2 ? n + 1 : n;
      stages[n] = static_cast<std::uint32_t>(65536 / (n + 2)) | static_cast<std::uint32_t>(seen << 16);
    }
    return stages;
  }();

  // p in the low 16 bits, the number of bits seen (up to kSlowest - 2) above: one load and one
  // store per update.
  std::uint32_t state_ = 1u << (kBits - 1);
};

class RangeEncoder {
 public:
  explicit RangeEncoder(std::string& out) : out_(out) {}

  void bit(BitModel& model, unsigned bit) {
    const std::uint32_t bound = (range_ >> BitModel::kBits) * model.p();
    if (bit) {
      low_ += bound;
      range_ -= bound;
    } else {
      range_ = bound;
    }
    model.update(bit);
    normalise();
  }
  // `bits` low bits of `value`, high first, each as likely 0 as 1.
  void direct(std::uint32_t value, int bits) {
    while (bits-- > 0) {
      range_ >>= 1;
      if ((value >> bits) & 1) low_ += range_;
      normalise();
    }
  }
  // Writes what is still pending; the encoder is unusable afterwards.
  void finish() {
    for (int i = 0; i < 5; ++i) shift_low();
  }

 private:
  void normalise() {
    while (range_ < (1u << 24)) {
      range_ <<= 8;
      shift_low();
    }
  }
  void shift_low() {
    if (static_cast<std::uint32_t>(low_) < 0xFF000000u || (low_ >> 32) != 0) {
      const auto carry = static_cast<std::uint8_t>(low_ >> 32);
      std::uint8_t byte = cache_;
      do {
        out_.push_back(static_cast<char>(static_cast<std::uint8_t>(byte + carry)));
        byte = 0xFF;
      } while (--pending_ != 0);
      cache_ = static_cast<std::uint8_t>(low_ >> 24);
    }
    ++pending_;
    low_ = (low_ & 0x00FFFFFFu) << 8;
  }

  std::string& out_;
  std::uint64_t low_ = 0;
  std::uint32_t range_ = 0xFFFFFFFFu;
  std::uint8_t cache_ = 0;
  std::uint64_t pending_ = 1;
};

class RangeDecoder {
 public:
  explicit RangeDecoder(std::string_view in) : in_(in) {
    for (int i = 0; i < 5; ++i) code_ = (code_ << 8) | next_byte();
  }

  unsigned bit(BitModel& model) {
    const std::uint32_t bound = (range_ >> BitModel::kBits) * model.p();
    unsigned bit;
    if (code_ < bound) {
      range_ = bound;
      bit = 0;
    } else {
      code_ -= bound;
      range_ -= bound;
      bit = 1;
    }
    model.update(bit);
    normalise();
    return bit;
  }
  std::uint32_t direct(int bits) {
    std::uint32_t value = 0;
    while (bits-- > 0) {
      range_ >>= 1;
      const unsigned bit = code_ >= range_ ? 1 : 0;
      if (bit) code_ -= range_;
      value = (value << 1) | bit;
      normalise();
    }
    return value;
  }
  // True once the decoder has needed bytes beyond its input.
  bool overrun() const { return pos_ > in_.size(); }

 private:
  void normalise() {
    while (range_ < (1u << 24)) {
      range_ <<= 8;
      code_ = (code_ << 8) | next_byte();
    }
  }
  std::uint32_t next_byte() {
    const std::size_t at = pos_++;
    return at < in_.size() ? static_cast<std::uint8_t>(in_[at]) : 0;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::uint32_t code_ = 0;
  std::uint32_t range_ = 0xFFFFFFFFu;
};

// Bits that are as good as random (the low bits of hashed keys) gain nothing from the range
// coder and cost it a step each: they go packed, least significant first, in a stream of their own.
class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  void put(std::uint32_t value, int bits) {
    buffer_ |= static_cast<std::uint64_t>(value & ((1ull << bits) - 1)) << count_;
    count_ += bits;
    while (count_ >= 8) {
      out_.push_back(static_cast<char>(buffer_ & 0xFF));
      buffer_ >>= 8;
      count_ -= 8;
    }
  }
  void finish() {
    if (count_ > 0) out_.push_back(static_cast<char>(buffer_ & 0xFF));
    buffer_ = 0;
    count_ = 0;
  }

 private:
  std::string& out_;
  std::uint64_t buffer_ = 0;
  int count_ = 0;
};

class BitReader {
 public:
  explicit BitReader(std::string_view in) : in_(in) {}
  // Up to 32 bits; beyond the end of the input, zeros and overrun().
  std::uint32_t get(int bits) {
    while (count_ < bits) {
      const std::size_t at = pos_++;
      buffer_ |= static_cast<std::uint64_t>(at < in_.size() ? static_cast<std::uint8_t>(in_[at]) : 0) << count_;
      count_ += 8;
    }
    const auto value = static_cast<std::uint32_t>(buffer_ & ((1ull << bits) - 1));
    buffer_ >>= bits;
    count_ -= bits;
    return value;
  }
  bool overrun() const { return pos_ > in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::uint64_t buffer_ = 0;
  int count_ = 0;
};

// A value of `Bits` bits (or fewer, `bits`, when the caller knows no value needs more) coded bit
// by bit, high first, each bit in the context of the bits above it: an adaptive distribution over
// the values.
template <int Bits>
class BitTree {
 public:
  void encode(RangeEncoder& out, std::uint32_t value, int bits = Bits) {
    std::uint32_t node = 1;
    for (int i = bits - 1; i >= 0; --i) {
      const unsigned bit = (value >> i) & 1;
      out.bit(models_[node], bit);
      node = (node << 1) | bit;
    }
  }
  std::uint32_t decode(RangeDecoder& in, int bits) {
    std::uint32_t node = 1;
    for (int i = 0; i < bits; ++i) node = (node << 1) | in.bit(models_[node]);
    return node - (1u << bits);
  }
  // All `Bits` bits, the loop unrolled: the models' bulk is decoded here.
  std::uint32_t decode(RangeDecoder& in) {
    std::uint32_t node = 1;
    [&]<int... I>(std::integer_sequence<int, I...>) {
      ((node = (node << 1) | in.bit(models_[node]), static_cast<void>(I)), ...);
    }(std::make_integer_sequence<int, Bits>{});
    return node - (1u << Bits);
  }

 private:
  std::array<BitModel, (1u << Bits)> models_{};
};

// A bit length of 1 .. 33 in adaptive unary, one model per step: the first part of a gap's high
// bits (GapCoder), mostly short.
class WidthCoder {
 public:
  static constexpr int kMax = 33;

  void encode(RangeEncoder& out, int width) {
    for (int i = 1; i < width; ++i) out.bit(models_[i - 1], 1);
    if (width < kMax) out.bit(models_[width - 1], 0);
  }
  int decode(RangeDecoder& in) {
    int width = 1;
    while (width < kMax && in.bit(models_[width - 1])) ++width;
    return width;
  }

 private:
  std::array<BitModel, kMax> models_{};
};

// Unsigned numbers of any size (coordinate steps, populations): the bit length as a 6-bit tree
// (a handful of decisions, where unary took one per bit of the number), then the bits below the
// top one, the first kModelled of them in the context of the length and the bits above, the rest,
// as good as random, packed in a BitWriter's stream.
class NumberCoder {
 public:
  void encode(RangeEncoder& out, BitWriter& low, std::uint32_t number) {
    const std::uint64_t value = static_cast<std::uint64_t>(number) + 1;
    const int width = std::bit_width(value);  // 1 .. 33
    width_.encode(out, static_cast<std::uint32_t>(width - 1));
    const int modelled = std::min(width - 1, kModelled);
    std::uint32_t node = 1;
    for (int i = width - 2; i >= width - 1 - modelled; --i) {
      const unsigned bit = (value >> i) & 1;
      out.bit(tree_[static_cast<std::size_t>(width) << kModelled | node], bit);
      node = (node << 1) | bit;
    }
    const int rest = width - 1 - modelled;
    if (rest > 0) low.put(static_cast<std::uint32_t>(value & ((1ull << rest) - 1)), rest);
  }
  // Returns false when the stream holds no number below 2^32 (a damaged file).
  bool decode(RangeDecoder& in, BitReader& low, std::uint32_t& number) {
    const int width = static_cast<int>(width_.decode(in)) + 1;
    if (width > 33) return false;
    const int modelled = std::min(width - 1, kModelled);
    std::uint32_t node = 1;
    for (int i = 0; i < modelled; ++i) node = (node << 1) | in.bit(tree_[static_cast<std::size_t>(width) << kModelled | node]);
    const int rest = width - 1 - modelled;
    std::uint64_t value = node;
    if (rest > 0) value = (value << rest) | low.get(rest);
    if (value - 1 > 0xFFFFFFFFu) return false;
    number = static_cast<std::uint32_t>(value - 1);
    return true;
  }

 private:
  static constexpr int kModelled = 3;  // more made the gazetteer larger gzipped, and slower
  BitTree<6> width_;
  std::array<BitModel, 34 << kModelled> tree_{};
};

// The gaps between sorted, distinct 32-bit keys (hashes): a gap's low `shift` bits are as good
// as random and go to a BitWriter; the rest, small, goes as its bit length in adaptive unary and the
// bits below its top bit in adaptive contexts. With shift near log2(2^32 / keys), a key costs
// about half a bit more than the entropy of a random set of that size.
class GapCoder {
 public:
  explicit GapCoder(int shift) : shift_(shift) {}

  // The shift for `count` keys spread over 32 bits.
  static int shift_for(std::size_t count) {
    const int width = std::bit_width(static_cast<std::uint64_t>(count) + 1);
    return width >= 32 ? 0 : 32 - width;
  }

  void encode(RangeEncoder& out, BitWriter& low, std::uint32_t gap) {
    const std::uint64_t high = (static_cast<std::uint64_t>(gap) >> shift_) + 1;
    const int width = std::bit_width(high);  // 1 .. 33
    width_.encode(out, width);
    std::uint32_t node = 1;
    for (int i = width - 2; i >= 0; --i) {
      const unsigned bit = (high >> i) & 1;
      if (node < kTreeNodes) {
        out.bit(tree_[node], bit);
      } else {
        out.direct(bit, 1);
      }
      node = (node << 1) | bit;
    }
    low.put(gap, shift_);
  }
  // Returns false when the stream cannot hold a gap (a damaged file).
  bool decode(RangeDecoder& in, BitReader& low, std::uint32_t& gap) {
    const int width = width_.decode(in);
    std::uint64_t high = 1;
    for (int i = width - 2; i >= 0; --i) {
      const unsigned bit = high < kTreeNodes ? in.bit(tree_[high]) : in.direct(1);
      high = (high << 1) | bit;
    }
    const std::uint64_t value = ((high - 1) << shift_) | low.get(shift_);
    if (value > 0xFFFFFFFFu) return false;
    gap = static_cast<std::uint32_t>(value);
    return true;
  }
  // The next of sorted, distinct, non-zero keys, `key` holding the one before (0 before the
  // first). Returns false when the streams are cut short or the keys are not in order.
  bool next_key(RangeDecoder& in, BitReader& low, std::uint64_t& key) {
    std::uint32_t gap;
    if (!decode(in, low, gap) || in.overrun() || low.overrun() || gap == 0) return false;
    key += gap;
    return key <= 0xFFFFFFFFu;
  }

 private:
  static constexpr std::uint32_t kTreeNodes = 64;  // the top bits of small highs are modelled
  int shift_;
  WidthCoder width_;
  std::array<BitModel, kTreeNodes> tree_{};
};

}  // namespace cronaca
