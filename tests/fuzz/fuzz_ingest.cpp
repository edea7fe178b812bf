// Ingestion of arbitrary bytes: encoding detection and decoding, the binary-format sniffer, the
// date header, front matter and the HTML extractor. Whatever the bytes, ingestion either explains
// why they are unusable or hands over non-blank, valid UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/ingest.h"

using namespace cronaca;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The name is picked by the size so that seed files reach ingestion byte for byte.
  static constexpr std::string_view kNames[] = {"a.txt", "b.html", "c.md", "d", "e.HTM"};
  const IngestOutcome out = ingest(kNames[size % 5], bytes);
  if (out.error.empty()) {
    const IngestedText& doc = out.document;
    FUZZ_CHECK(!is_blank(doc.text));
    FUZZ_CHECK(fuzz::valid_utf8(doc.text));
    FUZZ_CHECK(fuzz::valid_utf8(doc.title));
    FUZZ_CHECK(fuzz::valid_utf8(doc.lang_hint));
    FUZZ_CHECK(!doc.encoding.empty());
    for (const std::string& warning : doc.warnings) FUZZ_CHECK(fuzz::valid_utf8(warning));
  } else {
    FUZZ_CHECK(fuzz::valid_utf8(out.error));
  }

  // A page that declares a charset is decoded as declared, whatever its bytes.
  static constexpr std::string_view kDeclared[] = {"", "utf-8", "windows-1251", "iso-8859-1", "koi8-r", "utf-16le", "x-bogus"};
  const DecodedText decoded = decode_text(bytes, kDeclared[size % 7]);
  FUZZ_CHECK(decoded.error.empty() ? fuzz::valid_utf8(decoded.text) : decoded.text.empty());

  // The HTML extractor on any text, not only on what looks like a page.
  const std::string text = repair_utf8(bytes).text;
  const HtmlArticle article = extract_html(text);
  FUZZ_CHECK(fuzz::valid_utf8(article.text));
  FUZZ_CHECK(fuzz::valid_utf8(article.title));
  FUZZ_CHECK(fuzz::valid_utf8(decode_html_entities(text)));
  (void)declared_html_charset(bytes);
  (void)title_from_text(text);
  return 0;
}
