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
  out += "<TITLE>" + xml_escape(doc.title) + "</TITLE>\n<TEXT>";
  // Timexes never overlap and are in text order.
  std::size_t at = 0;
  for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    out += xml_escape(std::string_view(doc.text).substr(at, t.begin - at));
    out += "<TIMEX3 tid=\"t" + std::to_string(i + 1) + "\" type=\"" + to_string(t.type) + "\" value=\"" + xml_escape(t.value) + "\"";
    if (!t.mod.empty()) out += " mod=\"" + t.mod + "\"";
    if (!t.quant.empty()) out += " quant=\"" + t.quant + "\"";
    const bool relative = t.anchor == AnchorKind::document || t.anchor == AnchorKind::reference;
    out += relative ? " temporalFunction=\"true\"" : " temporalFunction=\"false\"";
    if (t.anchor == AnchorKind::document && !doc.date.value.empty()) out += " anchorTimeID=\"t0\"";
    if (t.anchor == AnchorKind::reference && t.anchor_timex >= 0) out += " anchorTimeID=\"t" + std::to_string(t.anchor_timex + 1) + "\"";
    out += ">" + xml_escape(std::string_view(doc.text).substr(t.begin, t.end - t.begin)) + "</TIMEX3>";
    at = t.end;
  }
  out += xml_escape(std::string_view(doc.text).substr(at));
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

}  // namespace cronaca
