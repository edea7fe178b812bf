// The one bridge between JavaScript and the core: a thin C API over cronaca::Analyzer. Every call
// answers through one response struct that JavaScript reads from memory: a status and a UTF-8
// payload (JSON on success, a message otherwise), valid until the next call.
#include <emscripten/emscripten.h>

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

Response response;
std::string payload;
std::string last_stage_seconds = "{}";  // of the last finished corpus, for benchmarks
std::unique_ptr<cronaca::Resources> resources;
// Models, gazetteer and taggers, loaded once for every corpus the page analyses.
std::shared_ptr<cronaca::Toolkit> toolkit;
std::unique_ptr<cronaca::Analyzer> analyzer;

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

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* cronaca_alloc(std::uint32_t size) { return std::malloc(size == 0 ? 1 : size); }
EMSCRIPTEN_KEEPALIVE void cronaca_free(void* pointer) { std::free(pointer); }

// Takes ownership of `icu_data` (ICU keeps using it for the life of the module) and of `pack`.
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
    return respond(kOk, "{\"schema\":\"" + std::string(cronaca::kSchema) + "\"}");
  });
}

// Loads the models, gazetteer and taggers now, so that the first corpus does not wait for them.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_prepare() {
  return guarded([&] {
    if (!resources) return respond(kFailure, "cronaca_init has not succeeded");
    if (!toolkit) toolkit = std::make_shared<cronaca::Toolkit>(*resources);
    toolkit->prepare();
    return respond(kOk, "{}");
  });
}

// Starts a corpus. `options` is JSON: {"lang": "auto"|"it"|"en", "date": "YYYY-MM[-DD]",
// "corrections": [...]} (the user's entity corrections, docs/schema.md).
EMSCRIPTEN_KEEPALIVE const Response* cronaca_begin(const char* options, std::uint32_t size) {
  return guarded([&] {
    if (!resources) return respond(kFailure, "cronaca_init has not succeeded");
    const auto parsed = nlohmann::json::parse(std::string_view(options, size), nullptr, false);
    if (!parsed.is_object()) return respond(kFailure, "options must be a JSON object");
    cronaca::AnalyzerOptions settings;
    settings.lang = parsed.value("lang", std::string("auto"));
    settings.date = parsed.value("date", std::string());
    if (parsed.contains("corrections")) settings.corrections = parsed["corrections"].dump();
    analyzer.reset();
    if (!toolkit) toolkit = std::make_shared<cronaca::Toolkit>(*resources);
    analyzer = std::make_unique<cronaca::Analyzer>(*resources, settings, toolkit);
    return respond(kOk, "{}");
  });
}

// Analyses one input; kInputError with a message when that input is unusable.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_add(const char* name, std::uint32_t name_size, const std::uint8_t* bytes,
                                                 std::uint32_t size) {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    const std::string_view input(reinterpret_cast<const char*>(bytes), size);
    std::string problem = analyzer->add(std::string_view(name, name_size), input);
    return problem.empty() ? respond(kOk, "{}") : respond(kInputError, std::move(problem));
  });
}

// Finishes the corpus and answers with its cronaca/1 JSON.
EMSCRIPTEN_KEEPALIVE const Response* cronaca_finish() {
  return guarded([&] {
    if (!analyzer) return respond(kFailure, "cronaca_begin has not been called");
    const cronaca::AnalysisResult result = analyzer->finish();
    nlohmann::ordered_json stages = nlohmann::ordered_json::object();
    for (std::size_t s = 0; s < static_cast<std::size_t>(cronaca::Stage::count); ++s) {
      stages[cronaca::to_string(static_cast<cronaca::Stage>(s))] = analyzer->stage_seconds()[s];
    }
    last_stage_seconds = stages.dump();
    analyzer.reset();
    return respond(kOk, cronaca::to_json(result));
  });
}

// Seconds per analysis stage of the last finished corpus, as JSON ({"ingest": 0.01, ...}).
EMSCRIPTEN_KEEPALIVE const Response* cronaca_stage_seconds() { return respond(kOk, last_stage_seconds); }

}  // extern "C"
