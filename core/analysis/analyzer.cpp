#include "analysis/analyzer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <new>
#include <stdexcept>

#include "ingest/ingest.h"
#include "events/event_builder.h"
#include "events/event_merger.h"
#include "lang/detect.h"
#include "ner/tagger.h"
#include "resolve/entity_resolver.h"
#include "segment/segmenter.h"
#include "text/string_hash.h"
#include "text/utf8.h"
#include "time/calendar.h"
#include "time/temporal_tagger.h"

namespace cronaca {

const char* to_string(DateSource source) {
  switch (source) {
    case DateSource::header: return "header";
    case DateSource::metadata: return "metadata";
    case DateSource::argument: return "argument";
    case DateSource::text: return "text";
    case DateSource::none: break;
  }
  return "none";
}

const char* to_string(Stage stage) {
  switch (stage) {
    case Stage::ingest: return "ingest";
    case Stage::language: return "language";
    case Stage::segmentation: return "segmentation";
    case Stage::temporal: return "temporal";
    case Stage::entities: return "entities";
    case Stage::resolution: return "resolution";
    case Stage::events: return "events";
    case Stage::output: return "output";
    case Stage::count: break;
  }
  return "?";
}

namespace {
// Adds the time until the end of its scope to one stage's total.
class StageTimer {
 public:
  StageTimer(StageSeconds& totals, Stage stage)
      : total_(totals[static_cast<std::size_t>(stage)]), start_(std::chrono::steady_clock::now()) {}
  ~StageTimer() { total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};
}  // namespace

namespace {
// "50.0 MB", in binary megabytes with one decimal, computed in 64-bit integers so that every
// build prints the same digits (size_t has 32 bits in wasm, where the browser may hold a larger file).
std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + (std::uint64_t{1} << 19)) >> 20;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}
}  // namespace

std::string input_size_problem(std::uint64_t size, std::uint64_t limit) {
  if (size <= limit) return {};
  return "the file is " + megabytes(size) + ", over the " + megabytes(limit) +
         " Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)";
}

std::string document_id(std::string_view name, std::string_view text) {
  const std::uint64_t hash = fnv1a(text, fnv1a(std::string_view("\0", 1), fnv1a(name)));
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "d%012llx", static_cast<unsigned long long>(hash >> 16));
  return buffer;
}

Analyzer::Analyzer(const Resources& resources, AnalyzerOptions options, std::shared_ptr<Toolkit> toolkit)
    : options_(std::move(options)), toolkit_(toolkit ? std::move(toolkit) : std::make_shared<Toolkit>(resources)) {
  if (&toolkit_->resources() != &resources) throw std::invalid_argument("the toolkit was made for other resources");
  if (options_.lang != "auto") {
    const LanguageProfile* forced = toolkit_->languages().find(options_.lang);
    if (!forced || !forced->analysed) {
      std::string known;
      for (const auto& profile : toolkit_->languages().all()) {
        if (profile->analysed) known += (known.empty() ? "" : ", ") + profile->code;
      }
      throw std::invalid_argument("unknown language \"" + options_.lang + "\" (use auto, " + known + ")");
    }
  }
  if (!options_.date.empty()) {
    const auto date = parse_iso_date(options_.date);
    if (!date || date->month == 0 || options_.date.size() > 10) {
      throw std::invalid_argument("the date \"" + options_.date + "\" is not YYYY-MM or YYYY-MM-DD");
    }
    fallback_date_ = {date->iso(), DateSource::argument};
  }
  if (const std::string problem = parse_corrections(options_.corrections, corrections_); !problem.empty()) {
    throw std::invalid_argument(problem);
  }
}

Analyzer::~Analyzer() = default;

void Analyzer::tag_entities(Document& doc) {
  EntityTagger* tagger = toolkit_->entity_tagger(doc.lang);
  if (!tagger) return;
  std::vector<std::vector<std::string_view>> sentences(doc.sentences.size());
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    sentences[s].reserve(sentence.token_count);
    for (std::size_t t = sentence.first_token; t < sentence.first_token + sentence.token_count; ++t) {
      sentences[s].push_back(std::string_view(doc.text).substr(doc.tokens[t].begin, doc.tokens[t].end - doc.tokens[t].begin));
    }
  }
  const auto labels = tagger->tag(sentences);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    append_mentions(std::span(doc.tokens.data() + doc.sentences[s].first_token, doc.sentences[s].token_count), labels[s], doc.mentions);
  }
}

std::string Analyzer::add(std::string_view raw_name, std::string_view bytes) {
  std::string name = repair_utf8(raw_name).text;
  std::string problem = input_size_problem(bytes.size(), options_.max_input_bytes);
  if (problem.empty()) {
    try {
      problem = analyse_input(name, bytes);
    } catch (const std::bad_alloc&) {
      throw;  // the caller decides: the browser refuses the input with a message on memory
    } catch (const std::exception& e) {
      // A bug this input runs into costs that input only, not the corpus: before, the CLI failed
      // as a whole and the browser lost every document.
      problem = std::string("could not be analysed because of an internal error (") + e.what() + "): please report it";
    }
  }
  if (!problem.empty()) result_.errors.push_back({std::move(name), problem});
  return problem;
}

std::string Analyzer::analyse_input(const std::string& name, std::string_view bytes) {
  IngestOutcome ingested;
  {
    StageTimer timer(stage_seconds_, Stage::ingest);
    ingested = ingest(name, bytes);
  }
  if (!ingested.error.empty()) return std::move(ingested.error);
  IngestedText& in = ingested.document;
  Document doc;
  doc.id = document_id(name, in.text);
  doc.name = name;
  doc.title = std::move(in.title);
  doc.format = std::move(in.format);
  doc.encoding = std::move(in.encoding);
  doc.text = std::move(in.text);
  doc.warnings = std::move(in.warnings);
  doc.date = in.date.source != DateSource::none ? std::move(in.date) : fallback_date_;

  if (options_.lang == "auto") {
    StageTimer timer(stage_seconds_, Stage::language);
    const LanguageGuess guess = detect_language(doc.text, toolkit_->languages());
    doc.lang = guess.code;
    doc.lang_confidence = guess.confidence;
    if (guess.code != guess.detected) doc.lang_detected = guess.detected;
  } else {
    doc.lang = options_.lang;
    doc.lang_confidence = 1;
  }
  {
    StageTimer timer(stage_seconds_, Stage::segmentation);
    toolkit_->segmenter(doc.lang).segment(doc.text, doc.tokens, doc.sentences);
  }
  if (const TemporalTagger* tagger = toolkit_->temporal_tagger(doc.lang)) {
    StageTimer timer(stage_seconds_, Stage::temporal);
    tagger->tag(doc);
  } else {
    doc.anchor_date = doc.date.value;
  }
  {
    StageTimer timer(stage_seconds_, Stage::entities);
    tag_entities(doc);
  }
  result_.documents.push_back(std::move(doc));
  return {};
}

void Analyzer::reject(std::string_view name, std::string message) {
  result_.errors.push_back({repair_utf8(name).text, std::move(message)});
}

AnalysisResult Analyzer::finish() {
  AnalysisResult result = std::move(result_);
  result_ = AnalysisResult{};
  // Names first, then ids, so the order never depends on the order inputs were given in.
  std::stable_sort(result.documents.begin(), result.documents.end(), [](const Document& a, const Document& b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const InputError& a, const InputError& b) {
    return a.name != b.name ? a.name < b.name : a.message < b.message;
  });
  // Two inputs with the same name and text would share an id; suffixes keep ids unique.
  auto& docs = result.documents;
  for (std::size_t first = 0; first < docs.size();) {
    std::size_t next = first + 1;
    for (; next < docs.size() && docs[next].id == docs[first].id; ++next) {
      docs[next].id.push_back('-');
      docs[next].id += std::to_string(next - first + 1);
    }
    first = next;
  }
  {
    StageTimer timer(stage_seconds_, Stage::resolution);
    toolkit_->resolver().resolve(result, corrections_);
  }
  {
    StageTimer timer(stage_seconds_, Stage::events);
    std::vector<Event> events;
    for (std::uint32_t d = 0; d < result.documents.size(); ++d) {
      if (const EventBuilder* builder = toolkit_->event_builder(result.documents[d].lang)) builder->build(result, d, events);
    }
    merge_events(std::move(events), result);
  }
  return result;
}

}  // namespace cronaca
