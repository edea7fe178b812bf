#pragma once
// The analysed corpus: what every stage reads and writes, and what output/ serialises.
// Offsets are byte offsets into Document::text (valid UTF-8), end exclusive.
#include <cstdint>
#include <string>
#include <vector>

#include "time/meaning.h"
#include "time/resolver.h"

namespace cronaca {

enum class TokenKind : std::uint8_t { word, number, punctuation };

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
};

struct Sentence {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // index into Document::tokens
  std::uint32_t token_count = 0;
};

enum class EntityType : std::uint8_t { person, location, organization };

// A named-entity mention: tokens [begin, end) of the text, as bytes.
enum class MentionRole : std::uint8_t {
  name,     // the entity named: "Kazakistan", "Tokayev"
  demonym,  // a word that relates to a country: "kazako", "Russians"
};

struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  EntityType type = EntityType::person;
  std::int32_t entity = -1;  // index into AnalysisResult::entities, once resolved
  MentionRole role = MentionRole::name;
};

enum class DateSource : std::uint8_t { none, header, metadata, argument, text };

struct DocumentDate {
  std::string value;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when unknown
  DateSource source = DateSource::none;
};

// A temporal expression, normalised TimeML-style.
struct Timex {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TimexType type = TimexType::date;
  std::string value;
  std::string mod;    // TimeML mod, or ""
  std::string quant;  // SET quantifier ("EVERY"), or ""
  AnchorKind anchor = AnchorKind::text;
  std::string anchor_date;       // the date resolved against, for document and reference anchors
  std::int32_t anchor_timex = -1;  // for reference anchors: the index of that date's timex
};

// Two timexes that bound an interval: "dal 3 al 5 gennaio", "between 7 and 10 December".
struct TimexInterval {
  std::uint32_t from = 0;  // indices into Document::timexes
  std::uint32_t to = 0;
};

struct Document {
  std::string id;        // stable: derived from the name and the content
  std::string name;      // file name, or path inside a dropped folder
  std::string title;
  std::string format;    // "text", "html" or "markdown"
  std::string encoding;  // encoding of the original bytes
  std::string lang;      // "it", "en", or "und"
  std::string lang_detected;  // best guess when lang is "und" and some language scored
  double lang_confidence = 0;
  DocumentDate date;
  // The date relative expressions are resolved against: the document date, refined from the text
  // when the text pins its day ("06 gennaio 2022" under a 2022-01 header); empty when unknown.
  std::string anchor_date;
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Timex> timexes;
  std::vector<TimexInterval> intervals;
  std::vector<Mention> mentions;  // in text order, not overlapping
  std::vector<std::string> warnings;
};

// One real-world person, place or organisation, across the corpus.
struct Entity {
  std::string name;  // the fullest well-formed name the corpus uses
  EntityType type = EntityType::person;
  std::vector<std::string> aliases;       // every name used, the canonical one included, sorted
  std::vector<std::string> descriptions;  // roles and titles: "presidente kazako", most used first
  std::uint32_t mentions = 0;             // by name
  std::uint32_t related = 0;              // demonym mentions ("kazako" for Kazakistan)
  std::vector<std::string> documents;     // ids, in document order
  std::string first, last;                // earliest and latest document dates, "" when none
  bool generic = false;  // a generic institution ("governo", "Procura") of one article, not merged across articles
  // Places the gazetteer knows.
  std::string place_kind;  // "country", "city", "region", or ""
  std::string country;     // ISO 3166-1 alpha-2, or ""
  bool located = false;
  std::int32_t lat_e4 = 0, lon_e4 = 0;  // degrees x 10^4
};

// Two entities named in the same sentence, and how many sentences do so.
struct Cooccurrence {
  std::uint32_t a = 0, b = 0;  // entity indices, a < b
  std::uint32_t count = 0;
};

// A count the text gives: "almeno 164 le persone morte", "decine di morti", "seven dead".
struct Figure {
  std::string kind;   // what is counted: "dead", "injured", "arrested", "troops", "people", ... (events.txt)
  std::uint32_t doc = 0;                  // index into AnalysisResult::documents
  std::uint32_t begin = 0, end = 0;       // the figure's words, bytes of that document's text
  std::int64_t value = -1;                // the number written, or -1 ("decine")
  std::int64_t min = -1, max = -1;        // the range it allows, -1 where open
  std::string qualifier;                  // as written: "almeno", "più di", "quasi", or ""
  bool approximate = false;               // a vague number ("decine", "thousands") or "circa"
  bool part = false;                      // a part of another count: "103 delle quali", "tre fra gli uccisi"
  std::int32_t place = -1;                // entity of the place a part is given for ("ad Almaty")
};

enum class DatePrecision : std::uint8_t { day, week, month, quarter, season, year, decade, century };

// An event's date: a TimeML value and the days it covers.
struct EventDate {
  std::string value;       // "2022-01-06", "2022-01", "2014", "198X", "2011-W05", "2011-Q1"
  std::string start, end;  // first and last day, "YYYY-MM-DD"
  DatePrecision precision = DatePrecision::day;
};

// Where an event is told: a sentence of a document.
struct EventSource {
  std::uint32_t doc = 0;  // index into AnalysisResult::documents
  std::uint32_t begin = 0, end = 0;
};

// Something that happened, or is announced, at a date: one per happening, across articles.
struct Event {
  EventDate date;
  std::uint32_t anchor_doc = 0;      // the document whose date or timex dates it
  std::int32_t anchor_timex = -1;    // index into that document's timexes, or -1 for its date
  std::string headline;              // the clause that says what happened, trimmed
  std::vector<EventSource> sources;  // the first is the one the headline comes from
  std::vector<std::uint32_t> entities;  // participants: people, organisations, countries by demonym
  std::vector<std::uint32_t> places;    // places named
  std::vector<Figure> figures;
  std::vector<std::string> categories;  // "protest", "armed-clash", ... (events.txt)
  bool announced = false;   // in the future of its source, or said to be planned
  bool background = false;  // a past date the text refers to ("Convenzione di Ginevra del 1951")
  std::string duration;     // how long, when the text says: "P3D" ("da tre giorni")
};

struct InputError {
  std::string name;
  std::string message;
};

struct AnalysisResult {
  std::vector<Document> documents;  // sorted by name
  std::vector<InputError> errors;   // sorted by name
  std::vector<Entity> entities;
  std::vector<Cooccurrence> cooccurrences;  // by entity pair
  std::vector<std::string> warnings;        // about the corpus as a whole: corrections that did not apply
  std::vector<Event> events;                // by date, then by first source
};

const char* to_string(DatePrecision precision);

const char* to_string(DateSource source);
const char* label(EntityType type);  // "PER", "LOC", "ORG"

}  // namespace cronaca
