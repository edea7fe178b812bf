#include "output/json_writer.h"

#include <nlohmann/json.hpp>

#include <memory>

#include "text/utf8.h"

namespace cronaca {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string timex_id(std::size_t index) { return "t" + std::to_string(index + 1); }
std::string entity_id(std::size_t index) { return "e" + std::to_string(index + 1); }

std::string event_id(std::size_t index) { return "v" + std::to_string(index + 1); }

// UTF-16 offsets of any document, each index built on first need.
class Offsets {
 public:
  explicit Offsets(const AnalysisResult& result) : result_(result), indices_(result.documents.size()) {}
  std::uint32_t operator()(std::uint32_t doc, std::uint32_t byte) {
    auto& index = indices_[doc];
    if (!index) index = std::make_unique<Utf16Index>(result_.documents[doc].text);
    return (*index)(byte);
  }

 private:
  const AnalysisResult& result_;
  std::vector<std::unique_ptr<Utf16Index>> indices_;
};

Json figure_json(const Figure& f, const AnalysisResult& result, Offsets& offsets) {
  const auto bound = [](std::int64_t v) { return v < 0 ? Json(nullptr) : Json(v); };
  const std::string_view text = result.documents[f.doc].text;
  Json out = {{"kind", f.kind},
              {"text", text.substr(f.begin, f.end - f.begin)},
              {"value", bound(f.value)},
              {"min", bound(f.min)},
              {"max", bound(f.max)},
              {"qualifier", f.qualifier},
              {"approximate", f.approximate},
              {"document", result.documents[f.doc].id},
              {"start", offsets(f.doc, f.begin)},
              {"end", offsets(f.doc, f.end)}};
  if (f.part) out["part"] = true;
  if (f.place >= 0) out["place"] = entity_id(static_cast<std::size_t>(f.place));
  return out;
}

Json event_json(std::size_t index, const Event& e, const AnalysisResult& result, Offsets& offsets) {
  const Document& anchor_doc = result.documents[e.anchor_doc];
  Json anchor = e.anchor_timex >= 0 ? Json{{"by", "timex"}, {"document", anchor_doc.id}, {"timex", timex_id(static_cast<std::size_t>(e.anchor_timex))}}
                                    : Json{{"by", "document"}, {"document", anchor_doc.id}};
  Json sources = Json::array();
  for (const EventSource& s : e.sources) {
    sources.push_back({{"document", result.documents[s.doc].id}, {"start", offsets(s.doc, s.begin)}, {"end", offsets(s.doc, s.end)}});
  }
  Json entities = Json::array(), places = Json::array(), figures = Json::array();
  for (std::uint32_t id : e.entities) entities.push_back(entity_id(id));
  for (std::uint32_t id : e.places) places.push_back(entity_id(id));
  for (const Figure& f : e.figures) figures.push_back(figure_json(f, result, offsets));
  Json out = {{"id", event_id(index)},
              {"date", {{"value", e.date.value}, {"start", e.date.start}, {"end", e.date.end}, {"precision", to_string(e.date.precision)}}},
              {"anchor", std::move(anchor)},
              {"headline", e.headline},
              {"sources", std::move(sources)},
              {"entities", std::move(entities)},
              {"places", std::move(places)},
              {"figures", std::move(figures)},
              {"categories", e.categories},
              {"status", e.announced ? "announced" : "happened"}};
  if (!e.duration.empty()) out["duration"] = e.duration;
  if (e.background) out["background"] = true;
  return out;
}

Json entity_json(std::size_t index, const Entity& e) {
  Json out = {{"id", entity_id(index)},
              {"name", e.name},
              {"type", label(e.type)},
              {"aliases", e.aliases},
              {"descriptions", e.descriptions},
              {"mentions", e.mentions},
              {"related", e.related},
              {"documents", e.documents},
              {"first", e.first.empty() ? Json(nullptr) : Json(e.first)},
              {"last", e.last.empty() ? Json(nullptr) : Json(e.last)}};
  if (e.generic) out["generic"] = true;
  if (!e.place_kind.empty()) {
    out["place"] = e.place_kind;
    if (!e.country.empty()) out["country"] = e.country;
    if (e.located) {
      out["lat"] = e.lat_e4 / 10000.0;
      out["lon"] = e.lon_e4 / 10000.0;
    }
  }
  return out;
}

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
  const auto nullable = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  out["date"] = {{"value", nullable(doc.date.value)},
                 {"source", to_string(doc.date.source)},
                 {"anchor", nullable(doc.anchor_date)}};
  out["text"] = doc.text;
  out["token_count"] = doc.tokens.size();
  out["sentences"] = std::move(sentences);
  Json timexes = Json::array();
  for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    Json anchor = {{"by", to_string(t.anchor)}};
    if (!t.anchor_date.empty()) anchor["date"] = t.anchor_date;
    if (t.anchor_timex >= 0) anchor["timex"] = timex_id(static_cast<std::size_t>(t.anchor_timex));
    Json timex = {{"id", timex_id(i)},
                  {"start", utf16(t.begin)},
                  {"end", utf16(t.end)},
                  {"text", doc.text.substr(t.begin, t.end - t.begin)},
                  {"type", to_string(t.type)},
                  {"value", t.value},
                  {"mod", nullable(t.mod)},
                  {"anchor", std::move(anchor)}};
    if (!t.quant.empty()) timex["quant"] = t.quant;
    timexes.push_back(std::move(timex));
  }
  out["timexes"] = std::move(timexes);
  Json intervals = Json::array();
  for (const TimexInterval& interval : doc.intervals) {
    const Timex& from = doc.timexes[interval.from];
    const Timex& to = doc.timexes[interval.to];
    intervals.push_back({{"from", timex_id(interval.from)},
                         {"to", timex_id(interval.to)},
                         {"start", utf16(from.begin)},
                         {"end", utf16(to.end)}});
  }
  out["intervals"] = std::move(intervals);
  Json mentions = Json::array();
  for (const Mention& m : doc.mentions) {
    Json mention = {{"start", utf16(m.begin)},
                    {"end", utf16(m.end)},
                    {"text", std::string_view(doc.text).substr(m.begin, m.end - m.begin)},
                    {"type", label(m.type)},
                    {"entity", m.entity >= 0 ? Json(entity_id(static_cast<std::size_t>(m.entity))) : Json(nullptr)}};
    if (m.role == MentionRole::demonym) mention["role"] = "demonym";
    mentions.push_back(std::move(mention));
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
  out += "],\"entities\":[";
  for (std::size_t i = 0; i < result.entities.size(); ++i) {
    if (i > 0) out += ',';
    out += dump(entity_json(i, result.entities[i]));
  }
  Json cooccurrences = Json::array();
  for (const Cooccurrence& c : result.cooccurrences) {
    cooccurrences.push_back({{"a", entity_id(c.a)}, {"b", entity_id(c.b)}, {"count", c.count}});
  }
  out += "],\"cooccurrences\":";
  out += dump(cooccurrences);
  out += ",\"events\":[";
  Offsets offsets(result);
  for (std::size_t i = 0; i < result.events.size(); ++i) {
    if (i > 0) out += ',';
    out += dump(event_json(i, result.events[i], result, offsets));
  }
  out += "],\"errors\":";
  Json errors = Json::array();
  for (const InputError& e : result.errors) errors.push_back({{"name", e.name}, {"message", e.message}});
  out += dump(errors);
  out += ",\"warnings\":";
  out += dump(Json(result.warnings));
  out += "}\n";
  return out;
}

}  // namespace cronaca
