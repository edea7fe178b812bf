// Hostile input through the whole analysis, and the regressions of what fuzzing found. This file
// also runs under ASan and UBSan (build/asan), which is where it earns its keep: each input here
// walks the pipeline with memory and undefined-behaviour checks on. The CLI, wasm and browser
// versions of these cases, with big generated inputs, are in tests/node/hostile.test.mjs and
// tests/browser/hostile.test.mjs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/analyzer.h"
#include "ingest/encoding.h"
#include "output/json_writer.h"
#include "segment/segmenter.h"
#include "test_resources.h"
#include "text/utf8.h"
#include "time/tense.h"

using namespace cronaca;
using namespace std::string_literals;

namespace {

const char* kItalian = "Perché la città è vuota? Il sindaco ha detto che il 6 gennaio la piazza sarà riaperta.";

// Analyses one input alone; its document, or its error message in `error`.
Document analyse_one(const std::string& name, const std::string& bytes, std::string& error, AnalyzerOptions options = {}) {
  Analyzer analyzer(test::shipped_resources(), options);
  error = analyzer.add(name, bytes);
  AnalysisResult result = analyzer.finish();
  REQUIRE(nlohmann::json::accept(to_json(result)));
  return result.documents.empty() ? Document{} : std::move(result.documents.front());
}

std::string repeat(const std::string& s, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += s;
  return out;
}

}  // namespace

// ---- Regressions: each crash fuzzing found (tests/fuzz/regressions/<target>/ keeps the input)

TEST_CASE("fuzz_temporal regression: an undated \"third quarter\" no longer throws and fails the corpus") {
  // std::stoi("XXXX") threw std::invalid_argument: the CLI exited with a usage error and the
  // browser lost every document of the corpus.
  Analyzer analyzer(test::shipped_resources(), {"en", "", ""});
  CHECK(analyzer.add("a.txt", " third quarter,m s..").empty());
  CHECK(analyzer.add("b.txt", "In the third quarter, net income rose. A year earlier it fell.").empty());
  CHECK(analyzer.add("c.txt", kItalian).empty());
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.documents.size() == 3);
  REQUIRE(result.documents[1].timexes.size() >= 1);
  CHECK(result.documents[1].timexes[0].value == "XXXX-Q3");
}

TEST_CASE("fuzz_ingest regression: text refused for its control characters is never handed over") {
  // With a byte-order mark the decoder returned its text beside the error.
  for (const std::string& bytes : {"\xEF\xBB\xBF\0"s, "\xFF\xFE\x01\x00\x02\x00\x03\x00"s, "\xFE\xFF\x00\x01\x00\x02"s}) {
    const DecodedText decoded = decode_text(bytes);
    CHECK(!decoded.error.empty());
    CHECK(decoded.text.empty());
  }
}

TEST_CASE("fuzz_ingest regression: a long unreadable publication date is quoted without cutting a character") {
  // The warning kept its first 64 bytes, which could end inside a character: invalid UTF-8.
  const std::string page = "<html><meta name=\"date\" content=\"202" + repeat("\xC3\xAE", 40) + "\"><p>" + kItalian;
  std::string error;
  const Document doc = analyse_one("p.html", page, error);
  REQUIRE(doc.warnings.size() == 1);
  CHECK(count_invalid_utf8(doc.warnings[0]) == 0);
  CHECK(doc.warnings[0] == "the publication date \"202" + repeat("\xC3\xAE", 30) + "\" could not be read and was ignored");
}

TEST_CASE("bytes that are mostly control characters are not text, whatever encoding they might be guessed in") {
  // Random bytes were said to be "in the EUC-KR encoding, which is not supported".
  std::string noise;
  for (int i = 0; i < 2000; ++i) noise.push_back(static_cast<char>(1 + (i * 7919) % 255));
  CHECK(decode_text(noise).error.starts_with("this does not look like text ("));
}

// ---- Limits

TEST_CASE("an input over the size limit is refused with its size, and the others are analysed") {
  CHECK(input_size_problem(kMaxInputBytes).empty());
  CHECK(input_size_problem(std::size_t{50} << 20) ==
        "the file is 50.0 MB, over the 16.0 MB Cronaca analyses in one file: split it into smaller files (an article is rarely over 1 MB)");
  CHECK(input_size_problem(std::uint64_t{5} << 30).starts_with("the file is 5120.0 MB, "));
  AnalyzerOptions options;
  options.max_input_bytes = 1000;
  Analyzer analyzer(test::shipped_resources(), options);
  CHECK(analyzer.add("big.txt", std::string(1001, 'a')) == input_size_problem(1001, 1000));
  CHECK(analyzer.add("small.txt", kItalian).empty());
  const AnalysisResult result = analyzer.finish();
  CHECK(result.documents.size() == 1);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].name == "big.txt");
}

TEST_CASE("a text without sentence punctuation is cut into sentences of at most 1000 tokens") {
  const std::string line = repeat("il 6 gennaio il presidente ha parlato ad Almaty, ", 2000);
  Segmenter segmenter(test::shipped_languages().find("it"));
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  segmenter.segment(line, tokens, sentences);
  REQUIRE(sentences.size() > 10);
  std::uint32_t covered = 0;
  for (const Sentence& s : sentences) {
    CHECK(s.token_count <= 1000);
    CHECK(s.first_token == covered);
    covered += s.token_count;
  }
  CHECK(covered == tokens.size());
  // Cut after a comma when there is one near the limit.
  CHECK(line.substr(sentences[0].end - 1, 1) == ",");
}

TEST_CASE("the tense of an expression comes from cues within 64 tokens") {
  TenseCues cues("past-words ieri\nfuture-words domani\n", "tense.txt");
  std::vector<std::string_view> words(200, "parola");
  words[150] = "domani";
  Sentence sentence{0, 0, 0, 200};
  CHECK(cues.near(words, sentence, 100, 101) == Tense::future);  // 50 tokens away
  words[150] = "parola";
  words[180] = "domani";
  CHECK(cues.near(words, sentence, 100, 101) == Tense::unknown);  // 80 tokens away
}

// ---- Hostile files, one by one

TEST_CASE("binary files and non-text are refused with what they are") {
  std::string error;
  analyse_one("a.pdf", "%PDF-1.7\n1 0 obj", error);
  CHECK(error == "this is a PDF document, not text: only plain text, HTML and Markdown are supported");
  analyse_one("bomb.zip", "PK\x03\x04\x14\0\x08\0"s + std::string(100, '\xAA'), error);
  CHECK(error == "this is a ZIP archive (or an Office document), not text: only plain text, HTML and Markdown are supported");
  analyse_one("x.gz", "\x1F\x8B\x08\0"s + std::string(100, '\x01'), error);
  CHECK(error == "this is a gzip archive, not text: only plain text, HTML and Markdown are supported");
  analyse_one("sparse.dat", std::string(64, '\x7F') + std::string(400, '\0'), error);
  CHECK(error == "this is a binary file (it contains NUL bytes), not text: only plain text, HTML and Markdown are supported");
  std::string noise;
  for (int i = 0; i < 2000; ++i) noise.push_back(static_cast<char>(1 + (i * 7919) % 255));
  analyse_one("noise.txt", noise, error);
  INFO(error);
  CHECK(error.starts_with("this does not look like text ("));
  analyse_one("empty.txt", "", error);
  CHECK(error == "the file is empty");
  analyse_one("blank.txt", " \n\t\r\n \xC2\xA0\n", error);
  CHECK(error == "the file has no text");
}

TEST_CASE("broken encodings are decoded or repaired, with a warning") {
  std::string error;
  const Document invalid = analyse_one("bad.txt", repeat(kItalian, 20) + "\xC3\x28\xA0\xFF fine.", error);
  CHECK(error.empty());
  CHECK(invalid.encoding == "UTF-8");
  REQUIRE(invalid.warnings.size() == 1);
  CHECK(invalid.warnings[0].starts_with("3 byte sequences could not be decoded as UTF-8"));
  const Document nul = analyse_one("nul.txt", repeat(kItalian, 5) + "a\0b\0c\0."s, error);
  CHECK(error.empty());
  CHECK(nul.warnings == std::vector<std::string>{"the text contains 3 NUL characters"});
  const Document latin1 = analyse_one("latin1.txt", "Perch\xE9 la citt\xE0 \xE8 vuota? Il sindaco ha parlato il 6 gennaio.", error);
  CHECK(latin1.encoding == "windows-1252");
  CHECK(latin1.text == "Perché la città è vuota? Il sindaco ha parlato il 6 gennaio.");
}

TEST_CASE("deeply nested and malformed HTML is read in one pass") {
  std::string error;
  const Document nested = analyse_one("deep.html", "<html><body>" + repeat("<div>", 200000) + "<p>" + kItalian + "</p>" + repeat("</div>", 1000) + "<b><i>", error);
  CHECK(error.empty());
  CHECK(nested.text.find("Perché la città") != std::string::npos);
  const Document broken = analyse_one(
      "broken.html",
      "<html><title>T</title><meta name=date content=2022-13-45><p>"s + kItalian + "<p>Secondo <b>para<i>grafo</b></i><table><td>x</table></li>" +
          "<p class=\"unterminated>Mai chiuso<script>var x = '</p>'; <!-- ",
      error);
  CHECK(error.empty());
  CHECK(broken.text.find("Secondo paragrafo") != std::string::npos);
  CHECK(broken.warnings == std::vector<std::string>{"the publication date \"2022-13-45\" could not be read and was ignored"});
  analyse_one("only-script.html", "<html><script>alert(1)</script><style>p{}</style><!-- x -->", error);
  CHECK(error == "the HTML page has no readable text");
}

TEST_CASE("markup in an article stays text: scripts in a page are dropped, in a text file kept as written") {
  std::string error;
  const std::string markup = "<script>alert(1)</script> <img src=x onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">clicca</a>";
  const Document text = analyse_one("markup.txt", std::string(kItalian) + "\n" + markup, error);
  CHECK(text.format == "text");
  CHECK(text.text.find(markup) != std::string::npos);
  const Document page = analyse_one("markup.html", "<html><body><h1>Titolo &lt;script&gt;</h1><p>"s + kItalian + "</p><p>" + markup +
                                                       "<svg onload=alert(4)><text>svg</text></svg></p></body></html>",
                                    error);
  CHECK(page.title == "Titolo <script>");
  CHECK(page.text.find("clicca") != std::string::npos);
  CHECK(page.text.find("alert") == std::string::npos);
  CHECK(page.text.find("javascript") == std::string::npos);
}

TEST_CASE("absurd dates and numbers are text, not crashes") {
  const std::string text =
      " date 9999-99-99 Il 31 febbraio 2022 e il 30 febbraio, nel 99999999999 e nell'anno 0, alle 25:61, 4294967296 giorni fa "
      "e tra 2147483647 anni, il 0 gennaio e il 32 dicembre del -2147483648. Costa 1e308 euro, 18446744073709551616 dollari. "
      "Il 99/99/9999, il 2022-02-30, tra 999999 secoli, 100000000000000000000 anni fa, nel 2199 e nel IX secolo a.C.";
  for (const char* date : {"", "0001-01-01", "9999-12-31", "2024-02-29"}) {
    for (const char* lang : {"it", "en"}) {
      INFO(lang << " " << date);
      std::string error;
      const Document doc = analyse_one("absurd.txt", text, error, {lang, date, ""});
      CHECK(error.empty());
      CHECK(doc.warnings == std::vector<std::string>{"the date header \"9999-99-99\" is not a valid date and was ignored"});
      for (const Timex& t : doc.timexes) {
        CHECK(!t.value.empty());
        CHECK(t.value.size() < 40);
      }
    }
  }
}

TEST_CASE("names that are markup, invalid UTF-8 or huge are kept as text") {
  Analyzer analyzer(test::shipped_resources(), {});
  CHECK(analyzer.add("<img src=x onerror=alert(1)>.txt", kItalian).empty());
  CHECK(analyzer.add("bad\xFF\xFEname.txt", kItalian).empty());
  CHECK(analyzer.add(std::string(100000, 'n') + ".txt", kItalian).empty());
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].name == "<img src=x onerror=alert(1)>.txt");
  CHECK(result.documents[1].name == "bad\xEF\xBF\xBD\xEF\xBF\xBDname.txt");
  CHECK(nlohmann::json::accept(to_json(result)));
}
