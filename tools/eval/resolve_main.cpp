// cronaca-resolve: entity resolution over mentions given from outside, for evaluating the
// resolver apart from the tagger (tools/eval/entity-eval.mjs gives it gold mentions).
//
// Reads {"documents": [{"name", "lang", "date", "text", "mentions": [[begin, end, "PER"], ...]}]}
// on standard input, offsets in bytes of the UTF-8 text, and prints the cronaca/1 JSON.
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "analysis/document.h"
#include "common/shipped_pack.h"
#include "geo/places.h"
#include "lang/language.h"
#include "output/json_writer.h"
#include "resolve/entity_resolver.h"
#include "segment/segmenter.h"

using namespace cronaca;

namespace {

EntityType entity_type(const std::string& label) {
  if (label == "PER") return EntityType::person;
  if (label == "LOC") return EntityType::location;
  if (label == "ORG") return EntityType::organization;
  throw std::runtime_error("unknown entity type " + label);
}

}  // namespace

int main() {
  try {
    const Resources resources = tools::load_shipped_resources();
    std::vector<std::string> errors;
    const Languages languages = Languages::load(resources, errors);
    const Places places(resources);
    const std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    const auto request = nlohmann::json::parse(input);

    AnalysisResult result;
    std::map<std::string, std::unique_ptr<Segmenter>> segmenters;
    for (const auto& entry : request.at("documents")) {
      Document& doc = result.documents.emplace_back();
      doc.name = doc.id = entry.at("name").get<std::string>();
      doc.lang = entry.at("lang").get<std::string>();
      doc.text = entry.at("text").get<std::string>();
      if (entry.contains("date") && entry["date"].is_string()) doc.date = {entry["date"].get<std::string>(), DateSource::header};
      auto& segmenter = segmenters[doc.lang];
      if (!segmenter) segmenter = std::make_unique<Segmenter>(languages.find(doc.lang));
      segmenter->segment(doc.text, doc.tokens, doc.sentences);
      for (const auto& m : entry.at("mentions")) {
        doc.mentions.push_back({m.at(0).get<std::uint32_t>(), m.at(1).get<std::uint32_t>(), entity_type(m.at(2).get<std::string>())});
      }
    }
    Corrections corrections;
    if (request.contains("corrections")) {
      if (const std::string problem = parse_corrections(request["corrections"].dump(), corrections); !problem.empty()) {
        throw std::runtime_error(problem);
      }
    }
    EntityResolver(resources, languages, &places).resolve(result, corrections);
    std::cout << to_json(result);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cronaca-resolve: " << e.what() << "\n";
    return 2;
  }
}
