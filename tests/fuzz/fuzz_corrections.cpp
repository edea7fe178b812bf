// The user's entity corrections (resolve/corrections.h): any JSON, or anything else, is either
// refused with a message or parsed into corrections that then apply to a small analysed article
// without harm.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/analyzer.h"
#include "fuzz_check.h"
#include "output/json_writer.h"
#include "resolve/corrections.h"

using namespace cronaca;

namespace {
constexpr std::string_view kArticle =
    " date 2022-01-06 Il presidente kazako Kassym-Jomart Tokayev ha chiesto aiuto alla Csto. Tokayev ha parlato "
    "ad Almaty, mentre a Mosca Vladimir Putin ha riunito il Cremlino. Putin e il presidente Tokayev si vedranno ad Astana.";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Corrections corrections;
  const std::string problem = parse_corrections(text, corrections);
  if (!problem.empty()) {
    FUZZ_CHECK(fuzz::valid_utf8(problem));
    return 0;
  }
  for (const Correction& c : corrections) FUZZ_CHECK(!c.entity.empty() && !c.argument.empty());
  Analyzer analyzer(test::shipped_resources(), {"it", "", text});
  analyzer.add("a.txt", kArticle);
  const AnalysisResult result = analyzer.finish();
  FUZZ_CHECK(!result.entities.empty() || !corrections.empty());
  for (const Entity& e : result.entities) FUZZ_CHECK(!e.name.empty());
  (void)to_json(result);
  return 0;
}
