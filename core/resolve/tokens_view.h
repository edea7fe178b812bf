#pragma once
// Small views on a document's tokens that entity resolution's parts share.
#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>

#include "analysis/document.h"
#include "text/utf8.h"

namespace cronaca::resolve_detail {

inline std::string_view slice(std::string_view text, std::uint32_t begin, std::uint32_t end) { return text.substr(begin, end - begin); }

inline bool is_punctuation(const Token& t) { return t.kind == TokenKind::punctuation; }

inline bool starts_upper(std::string_view s) {
  std::size_t pos = 0;
  return !s.empty() && u_isupper(decode_utf8(s, pos));
}

}  // namespace cronaca::resolve_detail
