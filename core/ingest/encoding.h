#pragma once
// Turns raw file bytes into UTF-8 text, or explains why they are not text.
#include <cstddef>
#include <string>
#include <string_view>

namespace cronaca {

struct DecodedText {
  std::string text;        // valid UTF-8 without BOM; empty when `error` is set
  std::string encoding;    // the source encoding, e.g. "UTF-8", "UTF-16LE", "windows-1252"
  std::size_t replaced = 0;  // characters that could not be decoded and became U+FFFD
  std::string error;       // non-empty when the bytes are not usable text
};

// `declared` is an encoding named by the document itself (an HTML <meta charset>), or "".
DecodedText decode_text(std::string_view bytes, std::string_view declared = {});

// A human name for a known binary format ("a PDF document", "a PNG image"), or "" when the
// bytes do not start with a known signature.
std::string_view binary_format(std::string_view bytes);

}  // namespace cronaca
