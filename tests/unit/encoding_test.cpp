#include <catch2/catch.hpp>

#include <random>

#include "ingest/encoding.h"
#include "text/utf8.h"

using namespace cronaca;

namespace {
std::string utf16(std::u16string_view s, bool little_endian, bool bom) {
  std::string out;
  if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : s) {
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}
}  // namespace

TEST_CASE("UTF-8 passes through, with or without a BOM") {
  const auto plain = decode_text("Perché la città è vuota?");
  CHECK(plain.error.empty());
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.text == "Perché la città è vuota?");
  const auto bom = decode_text("\xEF\xBB\xBFPerché");
  CHECK(bom.text == "Perché");
}

TEST_CASE("UTF-16 is recognised by its BOM or by its NUL pattern") {
  const std::u16string text = u"Caos in Kazakistan: è il 6 gennaio.";
  for (bool le : {true, false}) {
    for (bool bom : {true, false}) {
      const auto decoded = decode_text(utf16(text, le, bom));
      INFO("little endian " << le << ", bom " << bom);
      CHECK(decoded.error.empty());
      CHECK(decoded.encoding == (le ? "UTF-16LE" : "UTF-16BE"));
      CHECK(decoded.text == "Caos in Kazakistan: è il 6 gennaio.");
    }
  }
}

TEST_CASE("legacy 8-bit encodings are detected and converted") {
  // Italian in windows-1252, with curly quotes from its C1 range.
  const auto italian = decode_text("Perch\xE9 la citt\xE0 \xE8 vuota? \x93S\xEC\x94, disse il sindaco. Cos\xEC \xE8 stato deciso.");
  CHECK(italian.error.empty());
  CHECK(italian.encoding == "windows-1252");
  CHECK(italian.text == "Perché la città è vuota? “Sì”, disse il sindaco. Così è stato deciso.");

  const auto russian = decode_text(
      "\xCF\xF0\xE5\xE7\xE8\xE4\xE5\xED\xF2 \xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED\xE0 \xCA\xE0\xF1\xFB\xEC-\xC6\xEE\xEC\xE0\xF0\xF2 "
      "\xD2\xEE\xEA\xE0\xE5\xE2 \xE7\xE0\xFF\xE2\xE8\xEB, \xF7\xF2\xEE \xE2 \xF1\xF2\xF0\xE0\xED\xE5 \xE1\xFB\xEB\xE0 "
      "\xEF\xF0\xE5\xE4\xEF\xF0\xE8\xED\xFF\xF2\xE0 \xEF\xEE\xEF\xFB\xF2\xEA\xE0 \xE3\xEE\xF1\xF3\xE4\xE0\xF0\xF1\xF2\xE2\xE5\xED\xED\xEE\xE3\xEE "
      "\xEF\xE5\xF0\xE5\xE2\xEE\xF0\xEE\xF2\xE0. \xC2\xEE\xE9\xF1\xEA\xE0 \xEF\xF0\xE8\xE1\xFB\xEB\xE8 \xE2 \xC0\xEB\xEC\xE0\xF2\xFB.");
  CHECK(russian.error.empty());
  CHECK(russian.encoding == "windows-1251");
  CHECK(russian.text.starts_with("Президент Казахстана Касым-Жомарт Токаев"));
}

TEST_CASE("a declared charset wins over detection") {
  const auto decoded = decode_text("Citt\xE0", "iso-8859-1");
  CHECK(decoded.encoding == "windows-1252");
  CHECK(decoded.text == "Città");
}

TEST_CASE("a few stray bytes in UTF-8 text are repaired, not reinterpreted") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Città è più ";
  text += "\xE0 fine";
  const auto decoded = decode_text(text);
  CHECK(decoded.encoding == "UTF-8");
  CHECK(decoded.replaced == 1);
  CHECK(decoded.text.ends_with("\xEF\xBF\xBD fine"));
}

TEST_CASE("binary files are refused with the reason") {
  CHECK(decode_text("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").error.find("PDF") != std::string::npos);
  CHECK(decode_text(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)).error.find("PNG") != std::string::npos);
  CHECK(decode_text(std::string("PK\x03\x04\x14\0\0\0", 8)).error.find("ZIP") != std::string::npos);
  std::string with_nuls(200, 'a');
  for (std::size_t i = 0; i < with_nuls.size(); i += 7) with_nuls[i] = '\0';
  CHECK(decode_text(with_nuls).error.find("NUL") != std::string::npos);
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += static_cast<char>(1 + i % 8);
  CHECK(decode_text(controls).error.find("control characters") != std::string::npos);
}

TEST_CASE("binary_format names common formats and nothing else") {
  CHECK(binary_format("\xFF\xD8\xFF\xE0") == "a JPEG image");
  CHECK(binary_format("GIF89a...") == "a GIF image");
  CHECK(binary_format("plain text").empty());
}

TEST_CASE("control characters are counted per code point, ASCII runs and all, up to the first 2^20") {
  // Valid UTF-8 is checked as it is, so the message's counts are those of the text given.
  static const char* const pieces[] = {"plain words ", "\x01", "\x1f", "\x7f", "\t", "\n", "\r", "\f", "è", "’", "😀", "~ "};
  std::mt19937 random(17);
  const auto counts_of = [](const std::string& text) {
    std::size_t controls = 0, total = 0;
    for (std::size_t pos = 0; pos < text.size() && total < (1u << 20);) {
      const char32_t cp = decode_utf8(text, pos);
      ++total;
      controls += (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f') || cp == 0x7F;
    }
    return "(" + std::to_string(controls) + " control characters in the first " + std::to_string(total) + ")";
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t length = round == 0 ? (1u << 20) + 5000 : random() % 400;
    while (text.size() < length) text += pieces[random() % std::size(pieces)];
    const DecodedText decoded = decode_text(text);
    const std::string counts = counts_of(text);
    if (decoded.error.empty()) continue;
    INFO(decoded.error);
    CHECK(decoded.error.find(counts) != std::string::npos);
  }
}

TEST_CASE("printable_ascii_end finds the first byte outside 0x20-0x7E wherever it falls") {
  std::mt19937 random(19);
  static const char* const pieces[] = {"abc", " ", "~", "\x7f", "\x1f", "\n", "\x80", "\xc3\xa8", "\xff", "\x20\x20\x20\x20\x20\x20\x20"};
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const std::size_t length = random() % 60;
    while (s.size() < length) s += pieces[random() % std::size(pieces)];
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      std::size_t slow = pos;
      while (slow < s.size() && static_cast<unsigned char>(s[slow]) >= 0x20 && static_cast<unsigned char>(s[slow]) < 0x7F) ++slow;
      REQUIRE(printable_ascii_end(s, pos) == slow);
    }
  }
}
