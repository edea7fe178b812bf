// The whole analysis of a small corpus, as the browser and the CLI run it: Analyzer add/finish and
// the cronaca/1 JSON. The input is split into up to four documents at lines holding only a form
// feed; the options are picked by the input's size, so seed files keep their bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "fuzz_check.h"
#include "output/json_writer.h"
#include "output/timeml_writer.h"

using namespace cronaca;

namespace {

Analyzer& analyzer_for(std::size_t choice) {
  static const AnalyzerOptions kOptions[] = {{"auto", "", ""}, {"it", "2022-01-06", ""}, {"en", "2022-01", ""}};
  static std::unique_ptr<Analyzer> analyzers[3];
  auto& analyzer = analyzers[choice % 3];
  if (!analyzer) analyzer = std::make_unique<Analyzer>(test::shipped_resources(), kOptions[choice % 3]);
  return *analyzer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  Analyzer& analyzer = analyzer_for(size);
  static constexpr std::string_view kNames[] = {"a.txt", "b.html", "c.md", "d.txt"};
  std::size_t inputs = 0;
  while (inputs < 4) {
    const std::size_t split = inputs < 3 ? rest.find("\n\f\n") : std::string_view::npos;
    analyzer.add(kNames[(inputs + size) % 4], rest.substr(0, split));
    ++inputs;
    if (split == std::string_view::npos) break;
    rest.remove_prefix(split + 3);
  }
  const AnalysisResult result = analyzer.finish();
  FUZZ_CHECK(result.documents.size() + result.errors.size() == inputs);
  // An exception the analysis of an input threw is recorded as that input's error: still a bug.
  for (const InputError& e : result.errors) FUZZ_CHECK(e.message.find("internal error") == std::string::npos);
  for (const Document& doc : result.documents) {
    FUZZ_CHECK(fuzz::valid_utf8(doc.text));
    for (const Sentence& s : doc.sentences) FUZZ_CHECK(s.begin <= s.end && s.end <= doc.text.size());
    for (const Timex& t : doc.timexes) FUZZ_CHECK(t.begin < t.end && t.end <= doc.text.size());
    for (const Mention& m : doc.mentions) FUZZ_CHECK(m.begin < m.end && m.end <= doc.text.size());
    (void)to_timeml(doc);
  }
  const std::string json = to_json(result);
  FUZZ_CHECK(fuzz::valid_utf8(json));
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded());
  FUZZ_CHECK(parsed["documents"].size() == result.documents.size());
  return 0;
}
