// Native benchmark of the analysis pipeline: analyses every file of a directory (read into memory
// beforehand, so disk speed does not count) and reports throughput per stage and peak memory.
//   cronaca-bench DIR [--repeat N] [--json FILE]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/toolkit.h"
#include "output/json_writer.h"
#include "common/shipped_pack.h"
#include "resources/resources.h"

namespace fs = std::filesystem;
using namespace cronaca;

namespace {
using tools::read_all;

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cronaca-bench DIR [--repeat N] [--json FILE]\n";
    return 2;
  }
  int repeat = 1;
  std::string json_path;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--json") json_path = argv[i + 1];
  }
  const char* pack_path = std::getenv("CRONACA_RESOURCES");
  const fs::path pack = pack_path ? fs::path(pack_path) : fs::read_symlink("/proc/self/exe").parent_path() / ".." / "share" / "cronaca" / "resources.pack";
  Resources resources;
  std::string error;
  if (!resources.add_pack(read_all(pack), error)) {
    std::cerr << "cronaca-bench: " << pack << ": " << error << "\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::size_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(argv[1])) {
    if (!entry.is_regular_file()) continue;
    files.emplace_back(entry.path().filename().string(), read_all(entry.path()));
    bytes += files.back().second.size();
  }
  std::sort(files.begin(), files.end());

  // Models, gazetteer and taggers are loaded once, before the clock starts, as the page does
  // (cronaca_prepare) and as the wasm bench's warm-up run does: the stages time the analysis.
  const auto load_start = std::chrono::steady_clock::now();
  const auto toolkit = std::make_shared<Toolkit>(resources);
  toolkit->prepare();
  const double load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  std::printf("models loaded in %.3f s\n", load_seconds);

  nlohmann::ordered_json runs = nlohmann::ordered_json::array();
  for (int run = 0; run < repeat; ++run) {
    Analyzer analyzer(resources, {}, toolkit);
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [name, text] : files) analyzer.add(name, text);
    AnalysisResult result = analyzer.finish();
    const auto output_start = std::chrono::steady_clock::now();
    const std::string json = to_json(result);
    const auto end = std::chrono::steady_clock::now();
    analyzer.add_stage_seconds(Stage::output, std::chrono::duration<double>(end - output_start).count());
    const double total = std::chrono::duration<double>(end - start).count();
    std::size_t tokens = 0;
    for (const Document& doc : result.documents) tokens += doc.tokens.size();

    nlohmann::ordered_json stages = nlohmann::ordered_json::object();
    std::printf("run %d: %zu documents, %zu tokens, %.1f MB\n", run + 1, result.documents.size(), tokens, bytes / 1e6);
    std::printf("  %-14s %10s %14s %10s\n", "stage", "seconds", "tokens/s", "MB/s");
    const auto row = [&](const char* name, double seconds) {
      std::printf("  %-14s %10.3f %14.0f %10.1f\n", name, seconds, tokens / seconds, bytes / 1e6 / seconds);
      stages[name] = {{"seconds", seconds}, {"tokens_per_second", tokens / seconds}, {"mb_per_second", bytes / 1e6 / seconds}};
    };
    for (std::size_t s = 0; s < static_cast<std::size_t>(Stage::count); ++s) row(to_string(static_cast<Stage>(s)), analyzer.stage_seconds()[s]);
    row("total", total);
    runs.push_back({{"documents", result.documents.size()}, {"tokens", tokens}, {"bytes", bytes}, {"output_bytes", json.size()}, {"stages", stages}});
  }
  std::printf("peak RSS: %.1f MB\n", peak_rss_kb() / 1024.0);
  if (!json_path.empty()) {
    std::ofstream out(json_path);
    out << nlohmann::ordered_json{{"runs", runs}, {"load_seconds", load_seconds}, {"peak_rss_mb", peak_rss_kb() / 1024.0}}.dump(2) << "\n";
  }
  return 0;
}
