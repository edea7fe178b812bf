#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

#include "text/utf8.h"

namespace cronaca {

namespace {

using namespace std::string_view_literals;  // magic numbers contain NUL bytes

struct Signature {
  std::string_view magic;
  std::string_view name;
};

constexpr std::array kSignatures = {
    Signature{"%PDF-"sv, "a PDF document"},
    Signature{"\x89PNG\r\n\x1A\n"sv, "a PNG image"},
    Signature{"\xFF\xD8\xFF"sv, "a JPEG image"},
    Signature{"GIF87a"sv, "a GIF image"},
    Signature{"GIF89a"sv, "a GIF image"},
    Signature{"PK\x03\x04"sv, "a ZIP archive (or an Office document)"},
    Signature{"PK\x05\x06"sv, "an empty ZIP archive"},
    Signature{"\x1F\x8B"sv, "a gzip archive"},
    Signature{"BZh91AY&SY"sv, "a bzip2 archive"},
    Signature{"\xFD" "7zXZ"sv, "an xz archive"},
    Signature{"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
    Signature{"Rar!\x1A\x07"sv, "a RAR archive"},
    Signature{"\x7F" "ELF"sv, "an executable (ELF)"},
    Signature{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an old Office document (OLE)"},
    Signature{"\x00\x00\x01\x00"sv, "an icon image"},
    Signature{"OggS"sv, "an Ogg media file"},
    Signature{"ID3\x03"sv, "an MP3 audio file"},
    Signature{"ID3\x04"sv, "an MP3 audio file"},
    Signature{"fLaC"sv, "a FLAC audio file"},
    Signature{"\x1A\x45\xDF\xA3"sv, "a Matroska/WebM video"},
    Signature{"wOFF"sv, "a web font"},
    Signature{"wOF2"sv, "a web font"},
    Signature{"\x00\x61\x73\x6D"sv, "a WebAssembly module"},
    Signature{"SQLite format 3"sv, "an SQLite database"},
};

struct Bom {
  std::string_view bytes;
  std::string_view encoding;
};
// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr std::array kBoms = {
    Bom{"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
    Bom{"\x00\x00\xFE\xFF"sv, "UTF-32BE"},
    Bom{"\xEF\xBB\xBF", "UTF-8"},
    Bom{"\xFF\xFE", "UTF-16LE"},
    Bom{"\xFE\xFF", "UTF-16BE"},
};

// Encodings whose converters ship in the wasm ICU data (assets/icu/subset.txt); the native build
// refuses the same others so both builds give the same answer.
constexpr std::array<std::string_view, 20> kSupported = {
    "UTF-8",        "UTF-16LE",     "UTF-16BE",     "UTF-32LE",     "UTF-32BE",
    "ISO-8859-1",   "ISO-8859-2",   "ISO-8859-5",   "ISO-8859-7",   "ISO-8859-9",
    "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "KOI8-R",       "ISO-8859-15",  "ISO-8859-4",   "ISO-8859-13",  "windows-1257",
};

std::string canonical_name(std::string_view declared) {
  std::string lower;
  for (char c : declared) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (lower == "utf8" || lower == "utf-8") return "UTF-8";
  // WHATWG treats these labels as windows-1252, and so do the pages that declare them.
  if (lower == "iso-8859-1" || lower == "latin1" || lower == "latin-1" || lower == "us-ascii" ||
      lower == "ascii" || lower == "windows-1252" || lower == "cp1252")
    return "windows-1252";
  for (std::string_view name : kSupported) {
    std::string candidate(name);
    for (char& c : candidate) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (candidate == lower) return std::string(name);
  }
  if (lower == "cp1251") return "windows-1251";
  if (lower == "cp1250") return "windows-1250";
  if (lower == "koi8r") return "KOI8-R";
  return {};
}

// Converts with ICU; characters that do not map become U+FFFD and are counted.
DecodedText convert(std::string_view bytes, std::string_view encoding) {
  DecodedText out;
  out.encoding = std::string(encoding);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(std::string(encoding).c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) {
    out.error = "the text encoding " + std::string(encoding) + " is not supported";
    return out;
  }
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status)) {
    out.error = "could not decode the text as " + std::string(encoding);
    return out;
  }
  if (!unicode.isEmpty() && unicode.charAt(0) == 0xFEFF) unicode.remove(0, 1);
  for (int32_t i = 0; i < unicode.length(); ++i) out.replaced += unicode.charAt(i) == 0xFFFD;
  unicode.toUTF8String(out.text);
  return out;
}

// BOM-less UTF-16 shows as NUL in every other byte of mostly-ASCII text.
std::string_view sniff_utf16(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 4) return {};
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_nul += bytes[i] == '\0';
    odd_nul += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs) return "UTF-16LE";
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs) return "UTF-16BE";
  return {};
}

std::size_t count_nul(std::string_view bytes) { return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0')); }

struct LegacyGuess {
  std::string encoding;     // the best supported candidate, or ""
  std::string unsupported;  // set when the detector is confident of an encoding we do not ship
};

// ICU's detector, limited to the encodings we ship.
LegacyGuess detect_legacy(std::string_view bytes, std::string_view declared) {
  LegacyGuess guess;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return guess;
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 1 << 20);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(sample), &status);
  if (!declared.empty()) {
    ucsdet_setDeclaredEncoding(detector.get(), declared.data(), static_cast<int32_t>(declared.size()), &status);
  }
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return guess;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode match_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &match_status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &match_status);
    if (U_FAILURE(match_status) || name == nullptr) continue;
    std::string candidate = canonical_name(name);
    if (candidate.empty() || candidate.rfind("UTF-", 0) == 0) {
      if (i == 0 && confidence >= 50 && candidate.empty()) guess.unsupported = name;
      continue;
    }
    if (guess.unsupported.empty()) guess.encoding = std::move(candidate);
    return guess;
  }
  return guess;
}

bool mostly_valid_utf8(std::string_view bytes, std::size_t invalid) {
  std::size_t non_ascii = 0;
  for (char c : bytes) non_ascii += static_cast<unsigned char>(c) >= 0xC0;
  // A few stray bytes in otherwise UTF-8 text (a truncated download, a pasted Latin-1 line) are
  // repaired rather than reinterpreting the whole file in a legacy encoding.
  return non_ascii > 0 && invalid * 20 <= non_ascii;
}

// Text has few control characters; binaries without a known signature have many.
std::string control_character_error(std::string_view text) {
  constexpr std::size_t kLimit = 1u << 20;  // code points read
  std::size_t controls = 0, total = 0;
  for (std::size_t pos = 0; pos < text.size() && total < kLimit;) {
    const std::size_t run = std::min(printable_ascii_end(text, pos), pos + (kLimit - total));
    total += run - pos;
    pos = run;
    if (pos == text.size() || total == kLimit) break;
    ++total;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      decode_utf8(text, pos);  // no control character: they are all ASCII
      continue;
    }
    ++pos;
    controls += (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f') || byte == 0x7F;
  }
  if (total > 0 && controls * 100 > total * 2) {
    return "this does not look like text (" + std::to_string(controls) + " control characters in the first " +
           std::to_string(total) + "): only plain text, HTML and Markdown are supported";
  }
  return {};
}

}  // namespace

std::string_view binary_format(std::string_view bytes) {
  for (const auto& signature : kSignatures) {
    if (bytes.starts_with(signature.magic)) return signature.name;
  }
  if (bytes.size() >= 12 && bytes.starts_with("RIFF")) return "a RIFF media file (WAV, AVI or WebP)";
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "an MP4/QuickTime media file";
  return {};
}

namespace {
// Refuses text with too many control characters; an error always leaves the text empty.
DecodedText checked(DecodedText out) {
  if (out.error.empty()) out.error = control_character_error(out.text);
  if (!out.error.empty()) out.text.clear();
  return out;
}
}  // namespace

DecodedText decode_text(std::string_view bytes, std::string_view declared) {
  DecodedText out;
  if (const std::string_view format = binary_format(bytes); !format.empty()) {
    out.error = "this is " + std::string(format) + ", not text: only plain text, HTML and Markdown are supported";
    return out;
  }
  for (const auto& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      if (bom.encoding == "UTF-8") {
        auto repaired = repair_utf8(bytes.substr(bom.bytes.size()));
        out.text = std::move(repaired.text);
        out.replaced = repaired.invalid_sequences;
        out.encoding = "UTF-8";
      } else {
        out = convert(bytes, bom.encoding);
      }
      // (These two early returns kept the decoded text beside an error, against the contract.)
      return checked(std::move(out));
    }
  }
  if (const std::string_view utf16 = sniff_utf16(bytes); !utf16.empty()) return checked(convert(bytes, utf16));
  if (count_nul(bytes) * 100 > bytes.size()) {
    out.error = "this is a binary file (it contains NUL bytes), not text: only plain text, HTML and Markdown are supported";
    return out;
  }

  const std::size_t invalid = count_invalid_utf8(bytes);
  const std::string declared_name = canonical_name(declared);
  const bool declared_legacy = !declared_name.empty() && declared_name != "UTF-8" && declared_name.rfind("UTF-", 0) != 0;
  if (invalid == 0 || (!declared_legacy && mostly_valid_utf8(bytes, invalid))) {
    auto repaired = repair_utf8(bytes);
    out.text = std::move(repaired.text);
    out.replaced = repaired.invalid_sequences;
    out.encoding = "UTF-8";
  } else {
    // Mostly control characters is no text in any 8-bit encoding: say so rather than guess one
    // (random bytes were "in the EUC-KR encoding, which is not supported: save it as UTF-8").
    if (std::string error = control_character_error(bytes); !error.empty()) {
      out.error = std::move(error);
      return out;
    }
    LegacyGuess guess{declared_name, {}};
    if (!declared_legacy) guess = detect_legacy(bytes, declared);
    if (!guess.unsupported.empty()) {
      out.error = "the text seems to be in the " + guess.unsupported +
                  " encoding, which is not supported: save it as UTF-8 and try again";
      return out;
    }
    // Western European text is by far the most common legacy case, and windows-1252 decodes
    // every byte.
    out = convert(bytes, guess.encoding.empty() ? "windows-1252" : guess.encoding);
  }
  return checked(std::move(out));
}

}  // namespace cronaca
