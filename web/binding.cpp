// The one bridge between JavaScript and the core: a thin C API over cronaca::Analyzer. Every call
// answers through one response struct that JavaScript reads from memory: a status and a UTF-8
// payload (JSON on success, a message otherwise), valid until the next call.
//
// Memory: the module may grow to 2 GB (web/CMakeLists.txt) and never shrinks. The analyzer keeps
// every document until cronaca_finish, and finishing (entity resolution, events, the JSON) needs
// about as much again, so once the memory in use passes a budget the remaining inputs are refused
// with a message; what was analysed is kept and finished. An input that still runs out of memory
// is refused alone. No C++ exception ever leaves this file: a wasm trap means a bug, and
// engine.js then discards the module.
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/analyzer.h"
#include "output/json_writer.h"
#include "resources/resources.h"
#include "text/icu_data.h"

namespace {

enum Status : std::uint32_t { kOk = 0, kInputError = 1, kFailure = 2 };

struct Response {
  std::uint32_t status;
  const char* data;
  std::uint32_t size;
};

// The memory a corpus may use (beyond what the models take, loaded once for every corpus) before
// no more of its inputs are analysed. Measured on 2,000
// generated articles (tools/bench/corpus.mjs): the analysis holds about 8 bytes per byte of input,
// the peak while finishing is about 2.8 times what is held, and the JSON about half of it. With
// 512 MB held (some 60 MB of articles) the peak stays under the module's 2 GB, and the JSON
// (about 270 MB) under the longest string JavaScript can hold.
constexpr std::size_t kMegabyte = std::size_t{1} << 20;
constexpr std::size_t kDefaultMemoryBudget = 512 * kMegabyte;
constexpr std::size_t kMaximumMemory = 2048 * kMegabyte;  // -sMAXIMUM_MEMORY

Response response;
std::string payload;
std::string last_stage_seconds = "{}";  // of the last finished corpus, for benchmarks
std::unique_ptr<cronaca::Resources> resources;
// Models, gazetteer and taggers, loaded once for every corpus the page analyses.
std::shared_ptr<cronaca::Toolkit> toolkit;
std::unique_ptr<cronaca::Analyzer> analyzer;
std::size_t memory_budget = kDefaultMemoryBudget;  // of the current corpus
std::size_t memory_before_corpus = 0;              // in use when the corpus began, models loaded
bool budget_reached = false;

// Bytes held through operator new (below): what a corpus's analysis holds. Counted as blocks come
// and go because mallinfo() walks the whole heap, which made the browser quadratic in the corpus
// (checked before every input, 20,000 small files took 16 s against 0.8 s natively; checked every
// 64 inputs, it still grew with the corpus). The file copies JavaScript makes with cronaca_alloc,
// and ICU's own blocks, are not counted.
std::size_t new_bytes_in_use = 0;

std::size_t memory_in_use() { return new_bytes_in_use; }
std::size_t corpus_memory() {
  const std::size_t in_use = memory_in_use();
  return in_use > memory_before_corpus ? in_use - memory_before_corpus : 0;
}

// Whether the inputs analysed so far have passed the corpus's budget (it stays passed).
bool over_budget() {
  if (!budget_reached) budget_reached = corpus_memory() > memory_budget;
  return budget_reached;
}

const Response* respond(Status status, std::string text) {
  payload = std::move(text);
  response = {status, payload.data(), static_cast<std::uint32_t>(payload.size())};
  return &response;
}

template <class Body>
const Response* guarded(Body&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    analyzer.reset();
    toolkit.reset();
    return respond(kFailure, "out of memory: analyse fewer or smaller files at a time");
  } catch (const std::exception& e) {
    return respond(kFailure, e.what());
  }
}

// Records an input that is not analysed, and answers with the reason.
const Response* refuse(std::string_view name, std::string message) {
  analyzer->reject(name, message);
  return respond(kInputError, std::move(message));
}

std::string whole_megabytes(std::size_t bytes) { return std::to_string((bytes + kMegabyte / 2) / kMegabyte) + " MB"; }

// The toolkit with every model, gazetteer and tagger loaded (only the first call loads them).
void prepare_toolkit() {
  if (!toolkit) toolkit = std::make_shared<cronaca::Toolkit>(*resources);
  toolkit->prepare();
}

}  // namespace

extern "C" {

// Null when the module cannot grow enough: engine.js then refuses that input.
EMSCRIPTEN_KEEPALIVE void* cronaca_alloc(std::uint32_t size) { return std::malloc(size == 0 ? 1 : size); }
EMSCRIPTEN_KEEPALIVE void cronaca_free(void* pointer) { std::free(pointer); }

// Takes ownership of `icu_data` (ICU keeps using it for the life of the module) and of `pack`.
// Answers {"schema": "cronaca/1", "max_input_bytes": N}: larger inputs are refused unread.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_init(const std::uint8_t* icu_data, std::uint32_t icu_size,
                                                  std::uint8_t* pack, std::uint32_t pack_size) {
  return guarded([&] {
    std::string error;
    if (!cronaca::register_icu_data(icu_data, icu_size, error)) return respond(kFailure, error);
    auto loaded = std::make_unique<cronaca::Resources>();
    const bool ok = loaded->add_pack(std::string_view(reinterpret_cast<const char*>(pack), pack_size), error);
    std::free(pack);
    if (!ok) return respond(kFailure, "resources: " + error);
    resources = std::move(loaded);
    toolkit.reset();
    return respond(kOk, "{\"schema\":\"" + std::string(cronaca::kSchema) +
                            "\",\"max_input_bytes\":" + std::to_string(cronaca::kMaxInputBytes) + "}");
  });
}

// Loads the models, gazetteer and taggers now, so that the first corpus does not wait for them.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_prepare() {
  return guarded([&] {
    if (!resources) return respond(kFailure, "cronaca_init has not succeeded");
    prepare_toolkit();
    return respond(kOk, "{}");
  });
}

// Starts a corpus. `options` is JSON: {"lang": "auto"|"it"|"en", "date": "YYYY-MM[-DD]",
// "corrections": [...] (the user's entity corrections, docs/schema.md), "memory_budget_mb": N
// (replaces the memory budget above, for tests)}.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_begin(const char* options, std::uint32_t size) {
  return guarded([&] {
    if (!resources) return respond(kFailure, "cronaca_init has not succeeded");
    analyzer.reset();
    const auto parsed = nlohmann::json::parse(std::string_view(options, size), nullptr, false);
    if (!parsed.is_object()) return respond(kFailure, "options must be a JSON object");
    cronaca::AnalyzerOptions settings;
    settings.lang = parsed.value("lang", std::string("auto"));
    settings.date = parsed.value("date", std::string());
    if (parsed.contains("corrections")) settings.corrections = parsed["corrections"].dump();
    memory_budget = kDefaultMemoryBudget;
    if (const auto budget = parsed.find("memory_budget_mb"); budget != parsed.end() && budget->is_number_unsigned()) {
      // Clamped before multiplying: size_t has 32 bits in wasm.
      memory_budget = static_cast<std::size_t>(std::min<std::uint64_t>(budget->get<std::uint64_t>(), kMaximumMemory / kMegabyte)) * kMegabyte;
    }
    budget_reached = false;
    prepare_toolkit();  // before the baseline: the models count as the module's, not the corpus's
    analyzer = std::make_unique<cronaca::Analyzer>(*resources, settings, toolkit);
    std::string().swap(payload);  // the last corpus's JSON, read by now
    memory_before_corpus = memory_in_use();
    return respond(kOk, "{}");
  });
}

// Analyses one input; kInputError with a message when that input is unusable or not analysed.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_add(const char* name_bytes, std::uint32_t name_size, const std::uint8_t* bytes,
                                                 std::uint32_t size) {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    const std::string_view name(name_bytes, name_size);
    // What this input will add is not known before it is analysed.
    if (over_budget()) {
      return refuse(name, "not analysed: the files before it already fill the " + whole_megabytes(memory_budget) +
                              " of memory Cronaca uses in the browser; analyse this file in another batch");
    }
    std::string problem;
    try {
      problem = analyzer->add(name, std::string_view(reinterpret_cast<const char*>(bytes), size));
    } catch (const std::bad_alloc&) {
      // The analyzer is unchanged by a failed add: the document is only kept once complete.
      return refuse(name, "not analysed: the browser ran out of memory for this file (" + whole_megabytes(size) +
                              "); analyse it alone or in a smaller batch");
    } catch (const std::exception& e) {
      return refuse(name, std::string("could not be analysed: ") + e.what());
    }
    return problem.empty() ? respond(kOk, "{}") : respond(kInputError, std::move(problem));
  });
}

// Records an input that JavaScript did not hand over, with its reason (it could not be loaded
// into memory, or the engine failed on it before and was restarted).
EMSCRIPTEN_KEEPALIVE const Response* cronaca_reject(const char* name, std::uint32_t name_size, const char* message,
                                                    std::uint32_t message_size) {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    return refuse(std::string_view(name, name_size), std::string(message, message_size));
  });
}

// Records an input over max_input_bytes, which JavaScript does not copy in, with the message the
// core gives for it (the same as the command-line tool's).
EMSCRIPTEN_KEEPALIVE const Response* cronaca_reject_oversized(const char* name, std::uint32_t name_size, double size) {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    return refuse(std::string_view(name, name_size), cronaca::input_size_problem(static_cast<std::uint64_t>(size)));
  });
}

// Finishes the corpus and answers with its cronaca/1 JSON.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_finish() {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    try {
      const cronaca::AnalysisResult result = analyzer->finish();
      const auto output_start = std::chrono::steady_clock::now();
      std::string json = cronaca::to_json(result);
      analyzer->add_stage_seconds(cronaca::Stage::output,
                                  std::chrono::duration<double>(std::chrono::steady_clock::now() - output_start).count());
      nlohmann::ordered_json stages = nlohmann::ordered_json::object();
      for (std::size_t s = 0; s < static_cast<std::size_t>(cronaca::Stage::count); ++s) {
        stages[cronaca::to_string(static_cast<cronaca::Stage>(s))] = analyzer->stage_seconds()[s];
      }
      last_stage_seconds = stages.dump();
      analyzer.reset();
      return respond(kOk, std::move(json));
    } catch (const std::bad_alloc&) {
      analyzer.reset();
      return respond(kFailure, "the browser ran out of memory while finishing the analysis: analyse fewer files at a time");
    }
  });
}

// Seconds per analysis stage of the last finished corpus, as JSON ({"ingest": 0.01, ...}).
EMSCRIPTEN_KEEPALIVE const Response* cronaca_stage_seconds() { return respond(kOk, last_stage_seconds); }

// The memory the module holds, as JSON: {"in_use": bytes the core holds (memory_in_use), "size": bytes of the wasm
// memory (it only grows), "budget": the corpus's memory budget}.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_memory() {
  return respond(kOk, "{\"in_use\":" + std::to_string(memory_in_use()) + ",\"size\":" +
                          std::to_string(emscripten_get_heap_size()) + ",\"budget\":" + std::to_string(memory_budget) + "}");
}

}  // extern "C"

// Every C++ allocation of the module, counted for memory_in_use(). libc++'s other forms (arrays,
// nothrow, sized delete) call these two.
void* operator new(std::size_t size) {
  void* block = std::malloc(size == 0 ? 1 : size);
  if (!block) throw std::bad_alloc();
  new_bytes_in_use += malloc_usable_size(block);
  return block;
}

void operator delete(void* block) noexcept {
  if (!block) return;
  new_bytes_in_use -= malloc_usable_size(block);
  std::free(block);
}
