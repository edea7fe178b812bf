#pragma once
// Extracts the readable article from an HTML page: title, publication date and the text of the
// main content, without scripts, styles, navigation or other page furniture. Tolerates any
// malformed or deeply nested markup in one pass with bounded memory.
#include <string>
#include <string_view>

namespace cronaca {

struct HtmlArticle {
  std::string text;   // paragraphs separated by a blank line
  std::string title;
  std::string date;   // as written in the page metadata (ISO 8601 usually), or ""
  std::string lang;   // <html lang>, or ""
};

// `html` must be valid UTF-8.
HtmlArticle extract_html(std::string_view html);

// The charset an HTML file declares in its first bytes (<meta charset> or http-equiv), or "".
std::string declared_html_charset(std::string_view bytes);

// True when the text starts like an HTML document (doctype or <html>, after white space).
bool looks_like_html(std::string_view text);

// Decodes character references (&amp; &egrave; &#8217; &#x2019;) in text or attribute values.
std::string decode_html_entities(std::string_view s);

}  // namespace cronaca
