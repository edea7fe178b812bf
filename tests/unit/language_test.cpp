#include <catch2/catch.hpp>

#include "lang/detect.h"
#include "test_resources.h"

using namespace cronaca;

namespace {
const Languages& languages() { return test::shipped_languages(); }
}  // namespace

TEST_CASE("language profiles load from the shipped resources") {
  const LanguageProfile* it = languages().find("it");
  REQUIRE(it != nullptr);
  CHECK(it->analysed);
  CHECK(it->is_stopword("della"));
  CHECK(it->elisions.count("dell'"));
  CHECK(it->abbreviations.count("sig."));
  REQUIRE(languages().find("es") != nullptr);
  CHECK_FALSE(languages().find("es")->analysed);
}

TEST_CASE("Italian and English are told apart confidently") {
  const auto it = detect_language(
      "Una sparatoria si è verificata in Piazza della Repubblica ad Almaty, la capitale finanziaria del "
      "Kazakistan, epicentro delle proteste contro il caro gas. Lo ha riferito il corrispondente dell’agenzia "
      "di stampa russa, senza aggiungere dettagli.", languages());
  CHECK(it.code == "it");
  CHECK(it.confidence > 0.95);
  const auto short_it = detect_language("Una sparatoria si è verificata ad Almaty.", languages());
  CHECK(short_it.code == "it");
  CHECK(short_it.confidence < it.confidence);
  const auto en = detect_language(
      "The financial assistance from the World Bank and the International Monetary Fund is not helping, "
      "and the value of the stock market has fallen by twelve percent in the last day.", languages());
  CHECK(en.code == "en");
  CHECK(en.confidence > 0.9);
}

TEST_CASE("other languages and wordless text are und") {
  const auto es = detect_language(
      "El presidente del gobierno dijo que la situación en el país es muy grave y que las tropas llegaron "
      "durante la noche para restablecer el orden.", languages());
  CHECK(es.code == "und");
  CHECK(es.detected == "es");
  const auto none = detect_language("12345 67 -- 89", languages());
  CHECK(none.code == "und");
  CHECK(none.confidence == 0);
  const auto names = detect_language("Almaty Astana Tokayev", languages());
  CHECK(names.code == "und");
}
