#pragma once
// Serialises one analysed document as TimeML (the format TempEval scorers read), with the
// document date as DCT.
#include <string>

#include "analysis/document.h"

namespace cronaca {

std::string to_timeml(const Document& doc);

// Escapes &, < and > (and quotes, for attribute values).
std::string xml_escape(std::string_view s);

}  // namespace cronaca
