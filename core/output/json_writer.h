#pragma once
// Serialises an analysis as `cronaca/1` JSON (docs/schema.md). Offsets become UTF-16 code-unit
// indices into each document's text. The output is deterministic: same input, same bytes.
#include <string>

#include "analysis/document.h"

namespace cronaca {

inline constexpr const char* kSchema = "cronaca/1";

std::string to_json(const AnalysisResult& result);

}  // namespace cronaca
