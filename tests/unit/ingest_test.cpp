#include <catch2/catch.hpp>

#include "ingest/ingest.h"

using namespace cronaca;

TEST_CASE("the seed header gives the date and leaves the text otherwise unchanged") {
  const auto month = ingest("a.txt", " date 2022-01 06 gennaio 2022 a\n\nCaos in Kazakistan.\r\nFine.");
  REQUIRE(month.error.empty());
  CHECK(month.document.date.value == "2022-01");
  CHECK(month.document.date.source == DateSource::header);
  CHECK(month.document.text == "06 gennaio 2022 a\n\nCaos in Kazakistan.\r\nFine.");
  CHECK(month.document.format == "text");

  const auto day = ingest("b.txt", " date 2026-02-14\nTesto.");
  CHECK(day.document.date.value == "2026-02-14");
  CHECK(day.document.text == "Testo.");

  const auto bom = ingest("c.txt", "\xEF\xBB\xBF date 2022-11 Vladimir Putin parla.");
  CHECK(bom.document.date.value == "2022-11");
  CHECK(bom.document.text == "Vladimir Putin parla.");
}

TEST_CASE("text that only looks like a header stays text") {
  const auto words = ingest("a.txt", "date 12 maggio: il giorno delle elezioni.");
  CHECK(words.document.date.source == DateSource::none);
  CHECK(words.document.text == "date 12 maggio: il giorno delle elezioni.");

  const auto impossible = ingest("b.txt", " date 2022-13 Testo.");
  CHECK(impossible.document.date.source == DateSource::none);
  CHECK(impossible.document.text == "Testo.");
  REQUIRE(impossible.document.warnings.size() == 1);
  CHECK(impossible.document.warnings[0].find("2022-13") != std::string::npos);
}

TEST_CASE("Markdown front matter gives title and date") {
  const auto md = ingest("note.md", "---\ntitle: \"Vertice Csto\"\ndate: 2022-01-10\n---\n# Altro\n\nTesto.");
  REQUIRE(md.error.empty());
  CHECK(md.document.format == "markdown");
  CHECK(md.document.title == "Vertice Csto");
  CHECK(md.document.date.value == "2022-01-10");
  CHECK(md.document.date.source == DateSource::metadata);
  CHECK(md.document.text == "# Altro\n\nTesto.");
  CHECK(ingest("n.md", "intro\n# Titolo vero\n\ntesto").document.title == "Titolo vero");
}

TEST_CASE("HTML is recognised by name or content and its metadata date is used") {
  const auto page = ingest("page.txt", "<!doctype html><html><head><meta name=\"date\" content=\"2022-01-06\">"
                                       "<title>T</title></head><body><p>Corpo.</p></body></html>");
  REQUIRE(page.error.empty());
  CHECK(page.document.format == "html");
  CHECK(page.document.text == "Corpo.");
  CHECK(page.document.date.value == "2022-01-06");
  CHECK(page.document.date.source == DateSource::metadata);
  const auto latin1 = ingest("p.html", "<meta charset=\"iso-8859-1\"><p>Citt\xE0</p>");
  CHECK(latin1.document.text == "Città");
  CHECK(latin1.document.encoding == "windows-1252");
  CHECK(ingest("e.html", "<html><body><script>x()</script></body></html>").error == "the HTML page has no readable text");
}

TEST_CASE("unusable inputs get a specific message") {
  CHECK(ingest("e.txt", "").error == "the file is empty");
  CHECK(ingest("w.txt", " \n\t\n").error == "the file has no text");
  CHECK(ingest("h.txt", " date 2022-01\n").error == "the file has a date header but no text");
  CHECK(ingest("p.pdf", "%PDF-1.4 ...").error.find("PDF document") != std::string::npos);
}

TEST_CASE("titles come from the first line, shortened at a word boundary") {
  CHECK(title_from_text("\n\n  Caos in Kazakistan  \nTesto") == "Caos in Kazakistan");
  std::string long_line;
  for (int i = 0; i < 40; ++i) long_line += "parola ";
  const std::string title = title_from_text(long_line);
  CHECK(title.ends_with("parola\u2026"));
  CHECK(title.size() < 160);
}
