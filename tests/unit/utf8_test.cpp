#include <catch2/catch.hpp>
#include <array>
#include <random>
#include <vector>

#include "output/json_out.h"
#include "text/utf8.h"

using namespace cronaca;

TEST_CASE("decode_utf8 reads every sequence length and rejects malformed ones") {
  const std::string s = "a\xC3\xA8\xE2\x80\x99\xF0\x9F\x98\x80";  // a è ’ 😀
  std::size_t pos = 0;
  CHECK(decode_utf8(s, pos) == U'a');
  CHECK(decode_utf8(s, pos) == U'è');
  CHECK(decode_utf8(s, pos) == U'’');
  CHECK(decode_utf8(s, pos) == U'😀');
  CHECK(pos == s.size());

  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x80", "\x80"}) {
    std::size_t p = 0;
    CHECK(decode_utf8(bad, p) == 0xFFFD);
    CHECK(p == 1);
  }
}

namespace {

// The well-formed byte sequences of the Unicode standard (chapter 3, table 3-7), row by row: the
// range of the first byte, then of each byte after it.
struct WellFormedRow {
  unsigned char first_low, first_high;
  std::vector<std::pair<unsigned char, unsigned char>> next;
};
const WellFormedRow kWellFormed[] = {
    {0x00, 0x7F, {}},
    {0xC2, 0xDF, {{0x80, 0xBF}}},
    {0xE0, 0xE0, {{0xA0, 0xBF}, {0x80, 0xBF}}},
    {0xE1, 0xEC, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xED, 0xED, {{0x80, 0x9F}, {0x80, 0xBF}}},
    {0xEE, 0xEF, {{0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF0, 0xF0, {{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF1, 0xF3, {{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}},
    {0xF4, 0xF4, {{0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}}},
};

std::size_t reference_sequence_length(std::string_view s) {
  const auto in = [](unsigned char b, unsigned char low, unsigned char high) { return b >= low && b <= high; };
  for (const WellFormedRow& row : kWellFormed) {
    if (!in(static_cast<unsigned char>(s[0]), row.first_low, row.first_high)) continue;
    if (s.size() < 1 + row.next.size()) return 0;
    for (std::size_t k = 0; k < row.next.size(); ++k) {
      if (!in(static_cast<unsigned char>(s[k + 1]), row.next[k].first, row.next[k].second)) return 0;
    }
    return 1 + row.next.size();
  }
  return 0;
}

// The code point of a well-formed sequence, from its bits.
char32_t reference_code_point(std::string_view s, std::size_t length) {
  if (length == 1) return static_cast<unsigned char>(s[0]);
  char32_t cp = static_cast<unsigned char>(s[0]) & ((1u << (7 - length)) - 1);
  for (std::size_t k = 1; k < length; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

}  // namespace

TEST_CASE("utf8_sequence_length and decode_utf8 agree with the standard's table on every kind of sequence") {
  // Each byte after the first from every range the table tells apart: ASCII, the edges of the
  // continuation ranges (overlongs, surrogates, above U+10FFFF), lead bytes and never-valid bytes.
  const unsigned char after[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF};
  std::size_t checked = 0, well_formed = 0;
  for (unsigned first = 0; first < 256; ++first) {
    for (unsigned char b1 : after) {
      for (unsigned char b2 : after) {
        for (unsigned char b3 : after) {
          const char bytes[] = {static_cast<char>(first), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)};
          // Every truncation, and with a byte after it that must not count.
          for (std::size_t size = 1; size <= 4; ++size) {
            const std::string_view s(bytes, size);
            const std::size_t expected = reference_sequence_length(s);
            REQUIRE(utf8_sequence_length(s, 0) == expected);
            const std::string shifted = "x" + std::string(s);
            REQUIRE(utf8_sequence_length(shifted, 1) == expected);
            std::size_t pos = 0;
            const char32_t cp = decode_utf8(s, pos);
            if (expected == 0) {
              REQUIRE(cp == 0xFFFD);
              REQUIRE(pos == 1);
            } else {
              REQUIRE(cp == reference_code_point(s, expected));
              REQUIRE(pos == expected);
              ++well_formed;
            }
            ++checked;
          }
        }
      }
    }
  }
  CHECK(well_formed > 0);
  CHECK(checked == 256 * 14 * 14 * 14 * 4);
}

TEST_CASE("the JSON writer keeps exactly the well-formed sequences and replaces every other byte") {
  const unsigned char after[] = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (unsigned first = 0x80; first < 256; ++first) {
    for (unsigned char b1 : after) {
      for (unsigned char b2 : after) {
        for (unsigned char b3 : after) {
          const std::string s = {static_cast<char>(first), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)};
          std::string expected = "\"";
          for (std::size_t pos = 0; pos < s.size();) {
            const std::size_t length = reference_sequence_length(std::string_view(s).substr(pos));
            expected += length == 0 ? std::string("\xEF\xBF\xBD") : s.substr(pos, length);
            pos += length == 0 ? 1 : length;
          }
          expected += '"';
          std::string out;
          JsonOut(out).value(s);
          REQUIRE(out == expected);
        }
      }
    }
  }
}

TEST_CASE("repair_utf8 replaces each invalid sequence and keeps the rest") {
  const auto repaired = repair_utf8("caf\xE9 ok \xC3\xA8 \xFF");
  CHECK(repaired.text == "caf\xEF\xBF\xBD ok \xC3\xA8 \xEF\xBF\xBD");
  CHECK(repaired.invalid_sequences == 2);
  CHECK(count_invalid_utf8("valid \xC3\xA8") == 0);
  CHECK(count_invalid_utf8("\xFF\xFF\xFF", 2) == 2);
}

TEST_CASE("Utf16Index converts byte offsets to JavaScript string indices") {
  // "è" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
  std::string text = "è😀x";
  for (int i = 0; i < 40; ++i) text += "città ";  // crosses several 64-byte checkpoints
  const Utf16Index index(text);
  CHECK(index(0) == 0);
  CHECK(index(2) == 1);
  CHECK(index(6) == 3);
  CHECK(index(7) == 4);
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    CHECK(index(pos) == units);
    const char32_t cp = decode_utf8(text, pos);
    units += cp >= 0x10000 ? 2 : 1;
  }
  CHECK(index(text.size()) == units);
  CHECK(index(text.size() + 10) == units);
}

TEST_CASE("fold_case and trim handle non-ASCII text") {
  CHECK(fold_case("Tokayev") == "tokayev");
  CHECK(fold_case("PERCHÉ Straße") == "perché strasse");
  CHECK(trim("\xC2\xA0 testo \n") == "testo");
  CHECK(trim("   ").empty());
  CHECK(is_blank(" \t\n\xE2\x80\x83"));
  CHECK_FALSE(is_blank(" a "));
}

TEST_CASE("the JSON writer escapes what JSON requires and replaces broken UTF-8") {
  std::string out;
  JsonOut json(out);
  json.begin_object()
      .field("text", std::string_view("a\"b\\c\n\t\x01 é 😀 \xff\xc3("))
      .field("n", std::int64_t{-3})
      .field("x", 43.25)
      .field("ok", true);
  json.key("none").null();
  json.key("list").strings({"a", "b"});
  json.end_object();
  CHECK(out == "{\"text\":\"a\\\"b\\\\c\\n\\t\\u0001 é 😀 \xEF\xBF\xBD\xEF\xBF\xBD(\",\"n\":-3,\"x\":43.25,\"ok\":true,\"none\":null,\"list\":[\"a\",\"b\"]}");
}

TEST_CASE("the JSON writer puts commas between the items of nested containers only") {
  std::string out;
  JsonOut json(out);
  json.begin_object().key("a").begin_array().begin_array().end_array().begin_array().value(std::uint64_t{1}).value(std::uint64_t{2}).end_array();
  json.begin_object().end_object().null().end_array();
  json.key("b").begin_object().key("c").begin_array().end_array().field("d", "e").end_object();
  json.field("f", false).end_object();
  CHECK(out == R"({"a":[[],[1,2],{},null],"b":{"c":[],"d":"e"},"f":false})");
}

TEST_CASE("the JSON writer finds a byte to escape wherever it falls in the eight it scans at once") {
  // Every special byte at every offset of a long plain string (keys are literals the compiler checks).
  const std::string specials[] = {"\"", "\\", "\n", "\x1f", "\x7f", " ", "\xc3\xa8", "\xff", "~"};
  const std::string escaped[] = {"\\\"", "\\\\", "\\n", "\\u001f", "\x7f", " ", "\xc3\xa8", "\xEF\xBF\xBD", "~"};
  for (std::size_t s = 0; s < std::size(specials); ++s) {
    for (std::size_t at = 0; at <= 20; ++at) {
      const std::string text = std::string(at, 'a') + specials[s] + std::string(20 - at, 'b');
      const std::string expected = "\"" + std::string(at, 'a') + escaped[s] + std::string(20 - at, 'b') + "\"";
      std::string out;
      JsonOut(out).value(text);
      CHECK(out == expected);
    }
  }
}

namespace {

// Bytes of every kind the fast paths tell apart: ASCII (controls included), lead bytes of each
// length, continuation bytes, bytes never valid, and well-formed characters of 2 to 4 bytes.
std::string random_bytes(std::mt19937& random, std::size_t length) {
  static const std::string pieces[] = {"a", "Z", " ", "\n", "\x01", "\x7f", "\xc3\xa8", "\xe2\x80\x99", "\xf0\x9f\x98\x80",
                                       "\x80", "\xbf", "\xc3", "\xe2\x80", "\xf0\x9f", "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
  std::string out;
  while (out.size() < length) out += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
  return out;
}

// Runs of plain ASCII between the others, so that the eight-byte steps meet them at every offset.
std::string random_text(std::mt19937& random, std::size_t length, bool valid) {
  std::string out;
  while (out.size() < length) {
    out += std::string(std::uniform_int_distribution<std::size_t>(0, 20)(random), 'x');
    out += valid ? std::string(std::array<const char*, 3>{"\xc3\xa8", "\xe2\x80\x99", "\xf0\x9f\x98\x80"}[random() % 3])
                 : random_bytes(random, 1 + random() % 4);
  }
  return out;
}

}  // namespace

TEST_CASE("ascii_end finds the first byte above ASCII wherever it falls") {
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    const std::string s = random_text(random, random() % 70, false);
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      std::size_t slow = pos;
      while (slow < s.size() && static_cast<unsigned char>(s[slow]) < 0x80) ++slow;
      REQUIRE(ascii_end(s, pos) == slow);
    }
  }
}

TEST_CASE("repair_utf8 and count_invalid_utf8 agree with decoding one character at a time") {
  std::mt19937 random(11);
  for (int round = 0; round < 500; ++round) {
    const std::string s = random_text(random, random() % 90, round % 3 != 0);
    std::string repaired;
    std::size_t invalid = 0;
    for (std::size_t pos = 0; pos < s.size();) {
      const std::size_t start = pos;
      const char32_t cp = decode_utf8(s, pos);
      if (cp == 0xFFFD && pos == start + 1 && static_cast<unsigned char>(s[start]) >= 0x80) {
        ++invalid;
        repaired += "\xEF\xBF\xBD";
      } else {
        repaired.append(s, start, pos - start);
      }
    }
    const Utf8Repair fast = repair_utf8(s);
    REQUIRE(fast.text == repaired);
    REQUIRE(fast.invalid_sequences == invalid);
    REQUIRE(count_invalid_utf8(s) == invalid);
    REQUIRE(count_invalid_utf8(s, 2) == std::min<std::size_t>(invalid, 2));
  }
}

TEST_CASE("Utf16Index counts the UTF-16 units before every byte offset") {
  std::mt19937 random(13);
  for (int round = 0; round < 200; ++round) {
    // Half the texts with long runs of ASCII, so that whole blocks of 64 bytes are ASCII, some
    // ending right before a character of more bytes or at the end of the text.
    std::string s = random_text(random, random() % 300, true);
    if (round % 2) {
      s.clear();
      while (s.size() < 400) s += std::string(random() % 150, 'a') + std::array<const char*, 3>{"\xc3\xa8", "\xe2\x80\x99", "\xf0\x9f\x98\x80"}[random() % 3];
      s.resize(s.size() - random() % 4 * (round % 4 == 1));  // may cut the last character
      if (round % 8 == 3) s = std::string(64 * (1 + random() % 3), 'b');
    }
    const Utf16Index index(s);
    std::uint32_t units = 0;
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      REQUIRE(index(pos) == units);
      if (pos < s.size()) {
        const auto b = static_cast<unsigned char>(s[pos]);
        units += ((b & 0xC0) != 0x80) + (b >= 0xF0);
      }
    }
  }
}
