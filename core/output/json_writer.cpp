#include "output/json_writer.h"

#include <charconv>
#include <memory>

#include "output/json_out.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

// "e12", the id of entities[11], without an allocation: the output has one for each mention.
class Id {
 public:
  Id(char prefix, std::size_t index) {
    text_[0] = prefix;
    size_ = static_cast<std::size_t>(std::to_chars(text_ + 1, text_ + sizeof text_, index + 1).ptr - text_);
  }
  operator std::string_view() const { return {text_, size_}; }

 private:
  char text_[24];
  std::size_t size_;
};
Id timex_id(std::size_t index) { return Id('t', index); }
Id entity_id(std::size_t index) { return Id('e', index); }
Id event_id(std::size_t index) { return Id('v', index); }

// UTF-16 offsets of any document, each index built on first need and kept: the documents and
// then the events ask.
class Offsets {
 public:
  explicit Offsets(const AnalysisResult& result) : result_(result), indices_(result.documents.size()) {}
  const Utf16Index& index(std::uint32_t doc) {
    auto& index = indices_[doc];
    if (!index) index = std::make_unique<Utf16Index>(result_.documents[doc].text);
    return *index;
  }
  std::uint32_t operator()(std::uint32_t doc, std::uint32_t byte) { return index(doc)(byte); }

 private:
  const AnalysisResult& result_;
  std::vector<std::unique_ptr<Utf16Index>> indices_;
};

std::string_view slice(std::string_view text, std::uint32_t begin, std::uint32_t end) { return text.substr(begin, end - begin); }

void write_document(JsonOut& json, const Document& doc, const Utf16Index& utf16) {
  json.begin_object()
      .field("id", doc.id)
      .field("name", doc.name)
      .field("title", doc.title)
      .field("format", doc.format)
      .field("encoding", doc.encoding)
      .field("lang", doc.lang)
      .field("lang_confidence", doc.lang_confidence);
  if (!doc.lang_detected.empty()) json.field("lang_detected", doc.lang_detected);
  json.key("date").begin_object();
  json.key("value").string_or_null(doc.date.value);
  json.field("source", to_string(doc.date.source));
  json.key("anchor").string_or_null(doc.anchor_date);
  json.end_object();
  json.field("text", doc.text).field("token_count", static_cast<std::uint64_t>(doc.tokens.size()));
  json.key("sentences").begin_array();
  for (const Sentence& s : doc.sentences) json.begin_array().value(utf16(s.begin)).value(utf16(s.end)).end_array();
  json.end_array();

  json.key("timexes").begin_array();
  for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    json.begin_object()
        .field("id", timex_id(i))
        .field("start", utf16(t.begin))
        .field("end", utf16(t.end))
        .field("text", slice(doc.text, t.begin, t.end))
        .field("type", to_string(t.type))
        .field("value", t.value);
    json.key("mod").string_or_null(t.mod);
    json.key("anchor").begin_object().field("by", to_string(t.anchor));
    if (!t.anchor_date.empty()) json.field("date", t.anchor_date);
    if (t.anchor_timex >= 0) json.field("timex", timex_id(static_cast<std::size_t>(t.anchor_timex)));
    json.end_object();
    if (!t.quant.empty()) json.field("quant", t.quant);
    json.end_object();
  }
  json.end_array();

  json.key("intervals").begin_array();
  for (const TimexInterval& interval : doc.intervals) {
    json.begin_object()
        .field("from", timex_id(interval.from))
        .field("to", timex_id(interval.to))
        .field("start", utf16(doc.timexes[interval.from].begin))
        .field("end", utf16(doc.timexes[interval.to].end))
        .end_object();
  }
  json.end_array();

  json.key("mentions").begin_array();
  for (const Mention& m : doc.mentions) {
    json.begin_object()
        .field("start", utf16(m.begin))
        .field("end", utf16(m.end))
        .field("text", slice(doc.text, m.begin, m.end))
        .field("type", label(m.type));
    json.key("entity");
    if (m.entity >= 0) json.value(entity_id(static_cast<std::size_t>(m.entity)));
    else json.null();
    if (m.role == MentionRole::demonym) json.field("role", "demonym");
    json.end_object();
  }
  json.end_array();
  json.key("warnings").strings(doc.warnings);
  json.end_object();
}

void write_entity(JsonOut& json, std::size_t index, const Entity& e) {
  json.begin_object()
      .field("id", entity_id(index))
      .field("name", e.name)
      .field("type", label(e.type));
  json.key("aliases").strings(e.aliases);
  json.key("descriptions").strings(e.descriptions);
  json.field("mentions", e.mentions).field("related", e.related);
  json.key("documents").strings(e.documents);
  json.key("first").string_or_null(e.first);
  json.key("last").string_or_null(e.last);
  if (e.generic) json.field("generic", true);
  if (!e.place_kind.empty()) {
    json.field("place", e.place_kind);
    if (!e.country.empty()) json.field("country", e.country);
    if (e.located) json.field("lat", e.lat_e4 / 10000.0).field("lon", e.lon_e4 / 10000.0);
  }
  json.end_object();
}

void write_bound(JsonOut& json, JsonKey name, std::int64_t v) {
  json.key(name);
  if (v < 0) json.null();
  else json.value(v);
}

void write_figure(JsonOut& json, const Figure& f, const AnalysisResult& result, Offsets& offsets) {
  json.begin_object().field("kind", f.kind).field("text", slice(result.documents[f.doc].text, f.begin, f.end));
  write_bound(json, "value", f.value);
  write_bound(json, "min", f.min);
  write_bound(json, "max", f.max);
  json.field("qualifier", f.qualifier)
      .field("approximate", f.approximate)
      .field("document", result.documents[f.doc].id)
      .field("start", offsets(f.doc, f.begin))
      .field("end", offsets(f.doc, f.end));
  if (f.part) json.field("part", true);
  if (f.place >= 0) json.field("place", entity_id(static_cast<std::size_t>(f.place)));
  json.end_object();
}

void write_event(JsonOut& json, std::size_t index, const Event& e, const AnalysisResult& result, Offsets& offsets) {
  json.begin_object().field("id", event_id(index));
  json.key("date")
      .begin_object()
      .field("value", e.date.value)
      .field("start", e.date.start)
      .field("end", e.date.end)
      .field("precision", to_string(e.date.precision))
      .end_object();
  json.key("anchor").begin_object();
  if (e.anchor_timex >= 0) {
    json.field("by", "timex").field("document", result.documents[e.anchor_doc].id).field("timex", timex_id(static_cast<std::size_t>(e.anchor_timex)));
  } else {
    json.field("by", "document").field("document", result.documents[e.anchor_doc].id);
  }
  json.end_object();
  json.field("headline", e.headline);
  json.key("sources").begin_array();
  for (const EventSource& s : e.sources) {
    json.begin_object().field("document", result.documents[s.doc].id).field("start", offsets(s.doc, s.begin)).field("end", offsets(s.doc, s.end)).end_object();
  }
  json.end_array();
  json.key("entities").begin_array();
  for (std::uint32_t id : e.entities) json.value(entity_id(id));
  json.end_array();
  json.key("places").begin_array();
  for (std::uint32_t id : e.places) json.value(entity_id(id));
  json.end_array();
  json.key("figures").begin_array();
  for (const Figure& f : e.figures) write_figure(json, f, result, offsets);
  json.end_array();
  json.key("categories").strings(e.categories);
  json.field("status", e.announced ? "announced" : "happened");
  if (!e.duration.empty()) json.field("duration", e.duration);
  if (e.background) json.field("background", true);
  json.end_object();
}

}  // namespace

std::string to_json(const AnalysisResult& result) {
  std::string out;
  std::size_t text_bytes = 0;
  for (const Document& doc : result.documents) text_bytes += doc.text.size();
  out.reserve(2 * text_bytes + 4096);  // the texts, their annotations about as much again
  JsonOut json(out);
  json.begin_object().field("schema", kSchema);
  Offsets offsets(result);
  json.key("documents").begin_array();
  for (std::uint32_t d = 0; d < result.documents.size(); ++d) write_document(json, result.documents[d], offsets.index(d));
  json.end_array();
  json.key("entities").begin_array();
  for (std::size_t i = 0; i < result.entities.size(); ++i) write_entity(json, i, result.entities[i]);
  json.end_array();
  json.key("cooccurrences").begin_array();
  for (const Cooccurrence& c : result.cooccurrences) {
    json.begin_object().field("a", entity_id(c.a)).field("b", entity_id(c.b)).field("count", c.count).end_object();
  }
  json.end_array();
  json.key("events").begin_array();
  for (std::size_t i = 0; i < result.events.size(); ++i) write_event(json, i, result.events[i], result, offsets);
  json.end_array();
  json.key("errors").begin_array();
  for (const InputError& e : result.errors) json.begin_object().field("name", e.name).field("message", e.message).end_object();
  json.end_array();
  json.key("warnings").strings(result.warnings);
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace cronaca
