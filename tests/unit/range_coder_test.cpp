#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "resources/range_coder.h"

using namespace cronaca;

namespace {

// The probability update as first written (two clamps, a separate count), which the packed one
// must follow bit for bit: the model files were coded with it.
struct ReferenceModel {
  std::uint32_t p = 1u << 15;
  std::uint32_t seen = 0;
  void update(unsigned bit) {
    const std::uint32_t step = 65536 / (seen + 2);
    if (bit) {
      p = p - ((p * step) >> 16);
    } else {
      p = p + (((65536 - p) * step) >> 16);
    }
    if (p < 32) p = 32;
    if (p > 65536 - 32) p = 65536 - 32;
    if (seen < 126) ++seen;
  }
};

std::uint32_t next_random(std::uint32_t& seed) { return seed = seed * 1664525u + 1013904223u; }

}  // namespace

TEST_CASE("a bit model learns as the reference update does, to the margins and past the slowest step") {
  std::uint32_t seed = 7;
  // Runs of one bit push p to a margin; mixed runs with a skew exercise the middle.
  for (int run = 0; run < 40; ++run) {
    BitModel model;
    ReferenceModel reference;
    for (int i = 0; i < 400; ++i) {
      const unsigned bit = run % 4 == 0 ? 1u : run % 4 == 1 ? 0u : (next_random(seed) >> 24) < static_cast<unsigned>(run * 6) ? 1u : 0u;
      model.update(bit);
      reference.update(bit);
      REQUIRE(model.p() == reference.p);
    }
  }
}

TEST_CASE("a bit tree decodes the same values whole and bit count by bit count") {
  std::uint32_t seed = 3;
  std::vector<std::uint32_t> values;
  for (int i = 0; i < 3000; ++i) values.push_back(i % 5 == 0 ? 255 : i % 7 == 0 ? 0 : (next_random(seed) >> 24) % (i % 3 == 0 ? 4 : 256));
  std::string coded;
  {
    RangeEncoder out(coded);
    BitTree<8> tree, narrow;
    for (std::uint32_t value : values) {
      tree.encode(out, value);
      narrow.encode(out, value & 7, 3);
    }
    out.finish();
  }
  RangeDecoder whole(coded), by_count(coded);
  BitTree<8> whole_tree, whole_narrow, count_tree, count_narrow;
  for (std::uint32_t value : values) {
    CHECK(whole_tree.decode(whole) == value);
    CHECK(whole_narrow.decode(whole, 3) == (value & 7));
    CHECK(count_tree.decode(by_count, 8) == value);
    CHECK(count_narrow.decode(by_count, 3) == (value & 7));
  }
  CHECK_FALSE(whole.overrun());
  CHECK_FALSE(by_count.overrun());
}

TEST_CASE("numbers of every width round-trip, their low bits in a stream of their own") {
  std::vector<std::uint32_t> numbers = {0, 1, 2, 62, 63, 64, 65, 127, 128, 255, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu};
  std::uint32_t seed = 11;
  for (int i = 0; i < 2000; ++i) numbers.push_back(next_random(seed) >> (next_random(seed) % 32));
  std::string coded, low_bits;
  {
    RangeEncoder out(coded);
    BitWriter low(low_bits);
    NumberCoder coder;
    for (std::uint32_t number : numbers) coder.encode(out, low, number);
    out.finish();
    low.finish();
  }
  RangeDecoder in(coded);
  BitReader low(low_bits);
  NumberCoder coder;
  for (std::uint32_t number : numbers) {
    std::uint32_t decoded = 0;
    REQUIRE(coder.decode(in, low, decoded));
    CHECK(decoded == number);
  }
  CHECK_FALSE(in.overrun());
  CHECK_FALSE(low.overrun());
}
