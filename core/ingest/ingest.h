#pragma once
// From the bytes of one input file to clean text with its title and date: decoding, format
// detection (plain text with the ` date YYYY-MM[-DD]` header, HTML, Markdown) and extraction.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document.h"

namespace cronaca {

struct IngestedText {
  std::string text;
  std::string title;
  std::string format;    // "text", "html" or "markdown"
  std::string encoding;
  std::string lang_hint;  // a language the document declares (<html lang>), or ""
  DocumentDate date;      // from the header or metadata only
  std::vector<std::string> warnings;
};

struct IngestOutcome {
  IngestedText document;
  std::string error;  // non-empty: the input is unusable and `document` is meaningless
};

IngestOutcome ingest(std::string_view name, std::string_view bytes);

// A short title from the start of a text: its first non-empty line, shortened at a word
// boundary when long.
std::string title_from_text(std::string_view text);

}  // namespace cronaca
