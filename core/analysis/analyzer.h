#pragma once
// The analysis pipeline over a corpus: documents are ingested and analysed one at a time as they
// are added (so callers can report progress and memory stays proportional to the output), then
// finish() runs the corpus-wide stages and returns the result in a stable order.
#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/document.h"
#include "analysis/toolkit.h"
#include "lang/language.h"
#include "resolve/corrections.h"
#include "resources/resources.h"

namespace cronaca {

// Seconds spent in each stage since the analyzer was created, for benchmarks and profiling.
enum class Stage : std::size_t { ingest, language, segmentation, temporal, entities, resolution, events, output, count };
const char* to_string(Stage stage);
using StageSeconds = std::array<double, static_cast<std::size_t>(Stage::count)>;

// The largest input analysed. A long article is rarely over 1 MB; a file over this is a dump or an
// archive, whose analysis would take minutes and, in the browser, most of the memory the page
// may use. It is refused with a message saying so, and the other inputs are analysed.
inline constexpr std::size_t kMaxInputBytes = std::size_t{16} << 20;

// Why an input of `size` bytes is refused ("the file is 50.0 MB, ..."), or "" when it is not.
std::string input_size_problem(std::uint64_t size, std::uint64_t limit = kMaxInputBytes);

struct AnalyzerOptions {
  std::string lang = "auto";  // "auto", or the code of an analysed language to force
  std::string date;           // document date for inputs without their own ("YYYY-MM[-DD]"), or ""
  std::string corrections;    // the user's entity corrections, JSON (resolve/corrections.h), or ""
  std::size_t max_input_bytes = kMaxInputBytes;
};

class Analyzer {
 public:
  // Throws std::invalid_argument for unusable options or resources, with a message for the user.
  // `resources` must outlive the analyzer: models and the gazetteer are read from it when first
  // needed, into `toolkit` when one is given (made from the same resources), so that analyzers
  // that follow one another load them once.
  Analyzer(const Resources& resources, AnalyzerOptions options, std::shared_ptr<Toolkit> toolkit = nullptr);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Analyses one input. A problem with it is recorded in the result and returned ("" when none):
  // an unusable input, or an exception the analysis of this input threw. Only std::bad_alloc
  // propagates, and leaves the analyzer as it was before the call.
  std::string add(std::string_view name, std::string_view bytes);
  // Records an input the caller could not even read (missing file, permission denied).
  void reject(std::string_view name, std::string message);

  // Runs the corpus-wide stages and hands over the result; the analyzer starts empty again.
  AnalysisResult finish();

  const Languages& languages() const { return toolkit_->languages(); }
  const StageSeconds& stage_seconds() const { return stage_seconds_; }
  // Adds time measured outside the analyzer (serialisation) to a stage.
  void add_stage_seconds(Stage stage, double seconds) { stage_seconds_[static_cast<std::size_t>(stage)] += seconds; }

 private:
  // add() without its guards: "" once the document is kept, else why the input is unusable.
  std::string analyse_input(const std::string& name, std::string_view bytes);
  void tag_entities(Document& doc);

  AnalyzerOptions options_;
  DocumentDate fallback_date_;
  std::shared_ptr<Toolkit> toolkit_;
  Corrections corrections_;
  AnalysisResult result_;
  StageSeconds stage_seconds_{};
};

// A stable identifier for a document: "d" and 12 hex digits of a hash of its name and text.
std::string document_id(std::string_view name, std::string_view text);

}  // namespace cronaca
