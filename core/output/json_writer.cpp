#include "output/json_writer.h"

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace cronaca {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json document_json(const Document& doc) {
  const Utf16Index utf16(doc.text);
  Json sentences = Json::array();
  for (const Sentence& s : doc.sentences) sentences.push_back({utf16(s.begin), utf16(s.end)});
  Json out = {
      {"id", doc.id},
      {"name", doc.name},
      {"title", doc.title},
      {"format", doc.format},
      {"encoding", doc.encoding},
      {"lang", doc.lang},
      {"lang_confidence", doc.lang_confidence},
  };
  if (!doc.lang_detected.empty()) out["lang_detected"] = doc.lang_detected;
  out["date"] = {{"value", doc.date.value.empty() ? Json(nullptr) : Json(doc.date.value)},
                 {"source", to_string(doc.date.source)}};
  out["text"] = doc.text;
  out["token_count"] = doc.tokens.size();
  out["sentences"] = std::move(sentences);
  out["timexes"] = Json::array();
  Json mentions = Json::array();
  for (const Mention& m : doc.mentions) {
    mentions.push_back({{"start", utf16(m.begin)},
                        {"end", utf16(m.end)},
                        {"text", std::string_view(doc.text).substr(m.begin, m.end - m.begin)},
                        {"type", label(m.type)}});
  }
  out["mentions"] = std::move(mentions);
  out["warnings"] = doc.warnings;
  return out;
}

}  // namespace

std::string to_json(const AnalysisResult& result) {
  std::string out = "{\"schema\":\"";
  out += kSchema;
  out += "\",\"documents\":[";
  // One document at a time, so memory holds the output and a single document's tree.
  for (std::size_t i = 0; i < result.documents.size(); ++i) {
    if (i > 0) out += ',';
    out += dump(document_json(result.documents[i]));
  }
  out += "],\"entities\":[],\"events\":[],\"errors\":";
  Json errors = Json::array();
  for (const InputError& e : result.errors) errors.push_back({{"name", e.name}, {"message", e.message}});
  out += dump(errors);
  out += "}\n";
  return out;
}

}  // namespace cronaca
