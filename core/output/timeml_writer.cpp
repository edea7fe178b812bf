#include "output/timeml_writer.h"

namespace cronaca {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string to_timeml(const Document& doc) {
  std::string out = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" + xml_escape(doc.name) + "</DOCID>\n";
  if (!doc.date.value.empty()) {
    out += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + xml_escape(doc.date.value) +
           "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + xml_escape(doc.date.value) +
           "</TIMEX3></DCT>\n";
  }
  out += "<TITLE>" + xml_escape(doc.title) + "</TITLE>\n<TEXT>" + xml_escape(doc.text) + "</TEXT>\n</TimeML>\n";
  return out;
}

}  // namespace cronaca
