#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "output/json_writer.h"
#include "output/timeml_writer.h"
#include "test_resources.h"

using namespace cronaca;
using nlohmann::json;

namespace {
const char* kItalian =
    " date 2022-01 Caos in Kazakistan.\n\nUna sparatoria si è verificata ad Almaty 😀, la capitale finanziaria del Paese. "
    "Lo ha riferito l’agenzia Sputnik.";
const char* kEnglish = "The financial assistance from the World Bank is not helping. Stocks fell by twelve percent.";
}  // namespace

TEST_CASE("documents are analysed, sorted by name and serialised as cronaca/1") {
  Analyzer analyzer(test::shipped_resources(), {});
  CHECK(analyzer.add("b.txt", kEnglish).empty());
  CHECK(analyzer.add("a.txt", kItalian).empty());
  CHECK(analyzer.add("c.pdf", "%PDF-1.4").find("PDF document") != std::string::npos);
  analyzer.reject("d.txt", "cannot open the file: No such file or directory");
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[0].name == "a.txt");
  CHECK(result.errors.size() == 2);

  const json out = json::parse(to_json(result));
  CHECK(out["schema"] == "cronaca/1");
  const json& it = out["documents"][0];
  CHECK(it["lang"] == "it");
  CHECK(it["date"] == json({{"value", "2022-01"}, {"source", "header"}, {"anchor", "2022-01"}}));
  CHECK(it["text"].get<std::string>().starts_with("Caos in Kazakistan."));
  CHECK(it["sentences"].size() == 3);
  // Offsets are UTF-16 indices: the emoji before the second sentence's end counts twice.
  const std::u16string text16 = u"Caos in Kazakistan.\n\nUna sparatoria si è verificata ad Almaty 😀, la capitale finanziaria del Paese.";
  CHECK(it["sentences"][1] == json::array({21, text16.size()}));
  const json& en = out["documents"][1];
  CHECK(en["lang"] == "en");
  CHECK(en["date"]["value"].is_null());
  CHECK(en["date"]["source"] == "none");
  CHECK(out["errors"][0] == json({{"name", "c.pdf"}, {"message", "this is a PDF document, not text: only plain text, HTML and Markdown are supported"}}));
  CHECK(out["errors"][1]["name"] == "d.txt");
  // Entities are resolved across documents; places carry what the gazetteer knows.
  const json& almaty = out["entities"][1];
  CHECK(almaty["id"] == "e2");
  CHECK(almaty["name"] == "Almaty");
  CHECK(almaty["type"] == "LOC");
  CHECK(almaty["aliases"] == json::array({"Almaty"}));
  CHECK(almaty["documents"] == json::array({it["id"]}));
  CHECK(almaty["first"] == "2022-01");
  CHECK(almaty["country"] == "KZ");
  CHECK(almaty["lat"].get<double>() == Approx(43.25).margin(0.1));
  CHECK(it["mentions"][1]["entity"] == "e2");
  CHECK(out["cooccurrences"].is_array());
  CHECK(out["warnings"].empty());
  // The shooting, dated by the article (no date of its own), with its place and source.
  REQUIRE(out["events"].size() == 1);
  const json& shooting = out["events"][0];
  CHECK(shooting["id"] == "v1");
  CHECK(shooting["date"] == json({{"value", "2022-01"}, {"start", "2022-01-01"}, {"end", "2022-01-31"}, {"precision", "month"}}));
  CHECK(shooting["anchor"] == json({{"by", "document"}, {"document", it["id"]}}));
  CHECK(shooting["headline"] == "Una sparatoria si è verificata ad Almaty");
  CHECK(shooting["categories"] == json::array({"armed-clash", "statement"}));  // "Lo ha riferito" goes on telling it
  CHECK(shooting["places"] == json::array({"e2"}));
  // Told by the sentence and by the next, which says who reported it.
  CHECK(shooting["sources"] == json::array({{{"document", it["id"]}, {"start", 21}, {"end", text16.size()}}, {{"document", it["id"]}, {"start", text16.size() + 1}, {"end", text16.size() + 34}}}));
  CHECK(shooting["status"] == "happened");
}

TEST_CASE("the output does not depend on the order of the inputs") {
  const auto run = [](bool reversed) {
    Analyzer analyzer(test::shipped_resources(), {});
    if (reversed) {
      analyzer.add("b.txt", kEnglish);
      analyzer.add("a.txt", kItalian);
    } else {
      analyzer.add("a.txt", kItalian);
      analyzer.add("b.txt", kEnglish);
    }
    return to_json(analyzer.finish());
  };
  CHECK(run(false) == run(true));
}

TEST_CASE("ids are stable and unique even for duplicate inputs") {
  Analyzer analyzer(test::shipped_resources(), {});
  analyzer.add("a.txt", kItalian);
  analyzer.add("a.txt", kItalian);
  const AnalysisResult result = analyzer.finish();
  CHECK(result.documents[0].id == document_id("a.txt", result.documents[0].text));
  CHECK(result.documents[1].id == result.documents[0].id + "-2");
}

TEST_CASE("options fix the language and the date of undated documents") {
  Analyzer analyzer(test::shipped_resources(), {"en", "2022-01-06"});
  analyzer.add("a.txt", kItalian);
  analyzer.add("b.txt", kEnglish);
  const AnalysisResult result = analyzer.finish();
  CHECK(result.documents[0].lang == "en");
  CHECK(result.documents[0].date.value == "2022-01");  // its own header wins
  CHECK(result.documents[1].date.value == "2022-01-06");
  CHECK(result.documents[1].date.source == DateSource::argument);
}

TEST_CASE("bad options are refused with a message") {
  CHECK_THROWS_WITH(Analyzer(test::shipped_resources(), {"xx", ""}), Catch::Contains("unknown language \"xx\""));
  CHECK_THROWS_WITH(Analyzer(test::shipped_resources(), {"auto", "2022-02-30"}), Catch::Contains("not YYYY-MM"));
  CHECK_THROWS_WITH(Analyzer(Resources{}, {}), Catch::Contains("no language resources"));
}

TEST_CASE("TimeML output carries the document date and escapes the text") {
  Analyzer analyzer(test::shipped_resources(), {});
  analyzer.add("x.txt", " date 2022-01-06 A <b> & c");
  const std::string tml = to_timeml(analyzer.finish().documents[0]);
  CHECK(tml.find("value=\"2022-01-06\"") != std::string::npos);
  CHECK(tml.find("<TEXT>A &lt;b&gt; &amp; c</TEXT>") != std::string::npos);
}

TEST_CASE("entity mentions are serialised with UTF-16 offsets, text and type") {
  Analyzer analyzer(test::shipped_resources(), {"it", ""});
  analyzer.add("a.txt", "Ciao 😀. Il presidente Vladimir Putin è arrivato a Mosca.");
  const json doc = json::parse(to_json(analyzer.finish()))["documents"][0];
  REQUIRE(doc["mentions"].size() == 2);
  const json& putin = doc["mentions"][0];
  CHECK(putin == json({{"start", 23}, {"end", 37}, {"text", "Vladimir Putin"}, {"type", "PER"}, {"entity", "e1"}}));
  // The emoji takes two UTF-16 units: the text slice matches what JavaScript would cut.
  const std::u16string text16 = u"Ciao 😀. Il presidente Vladimir Putin è arrivato a Mosca.";
  CHECK(text16.substr(putin["start"], 14) == u"Vladimir Putin");
  CHECK(doc["mentions"][1]["type"] == "LOC");
  CHECK(analyzer.stage_seconds()[static_cast<std::size_t>(Stage::entities)] >= 0);
}

TEST_CASE("documents in languages without an entity model get no mentions") {
  Analyzer analyzer(test::shipped_resources(), {});
  analyzer.add("es.txt", "El presidente de la República visitó Madrid y los ministros del Gobierno de España.");
  const AnalysisResult result = analyzer.finish();
  CHECK(result.documents[0].lang == "und");
  CHECK(result.documents[0].mentions.empty());
}
