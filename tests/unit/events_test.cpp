#include <catch2/catch.hpp>

#include <unicode/uchar.h>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "events/event_builder.h"
#include "events/event_date.h"
#include "events/event_lexicon.h"
#include "events/figures.h"
#include "output/json_writer.h"
#include "segment/segmenter.h"
#include "test_resources.h"
#include "text/utf8.h"

using namespace cronaca;
using json = nlohmann::json;

namespace {

// Analyses articles ("name", "text") and returns the cronaca/1 JSON.
json analysed(std::initializer_list<std::pair<const char*, const char*>> articles, const char* lang = "it") {
  Analyzer analyzer(test::shipped_resources(), {lang, ""});
  for (const auto& [name, text] : articles) REQUIRE(analyzer.add(name, text).empty());
  return json::parse(to_json(analyzer.finish()));
}

// The figures of the first sentence of `text`, as "kind value min max qualifier [part]".
std::vector<std::string> figures_of(const std::string& text, const char* lang = "it") {
  static std::map<std::string, std::unique_ptr<EventLexicon>> lexicons;
  auto& lexicon = lexicons[lang];
  if (!lexicon) lexicon = std::make_unique<EventLexicon>(test::shipped_resources(), lang);
  Document doc;
  doc.text = text;
  Segmenter segmenter(test::shipped_languages().find(lang));
  segmenter.segment(doc.text, doc.tokens, doc.sentences);
  std::vector<std::string> folded_words;
  for (const Token& t : doc.tokens) folded_words.push_back(apostrophe_key(std::string_view(doc.text).substr(t.begin, t.end - t.begin)));
  const std::vector<std::string_view> folded(folded_words.begin(), folded_words.end());
  std::vector<std::uint8_t> in_timex(folded.size(), 0);
  std::vector<std::int32_t> mention_at(folded.size(), -1);
  std::vector<std::uint16_t> kinds;
  for (std::size_t i = 0; i < folded.size(); ++i) kinds.push_back(lexicon->kinds_at(lexicon->starts_of(folded[i]), folded, i));
  const SentenceView view{doc, 0, folded, 0, folded.size(), in_timex, mention_at, kinds};
  std::vector<std::string> out;
  for (const Figure& f : read_figures(view, *lexicon)) {
    out.push_back(f.kind + " " + std::to_string(f.value) + " " + std::to_string(f.min) + " " + std::to_string(f.max) + " " +
                  f.qualifier + (f.part ? " part" : ""));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("event dates cover the days their TimeML value names") {
  const auto date = [](std::string_view value) {
    const auto d = event_date(value, "2022-01-07");
    return d ? d->start + ".." + d->end + " " + to_string(d->precision) : std::string("none");
  };
  CHECK(date("2022-01-06") == "2022-01-06..2022-01-06 day");
  CHECK(date("2022-01-06TMO") == "2022-01-06..2022-01-06 day");
  CHECK(date("2022-02") == "2022-02-01..2022-02-28 month");
  CHECK(date("1951") == "1951-01-01..1951-12-31 year");
  CHECK(date("198X") == "1980-01-01..1989-12-31 decade");
  CHECK(date("19XX") == "1900-01-01..1999-12-31 century");
  CHECK(date("2011-W05") == "2011-01-31..2011-02-06 week");
  CHECK(date("2011-Q1") == "2011-01-01..2011-03-31 quarter");
  CHECK(date("2011-SU") == "2011-06-21..2011-09-22 season");
  CHECK(date("PRESENT_REF") == "2022-01-07..2022-01-07 day");
  for (const char* none : {"PAST_REF", "FUTURE_REF", "XXXX-03-20", "P3D", "2022-13", "2022-02-30", ""}) CHECK(date(none) == "none");

  const EventDate month = *event_date("2022-01"), day = *event_date("2022-01-06"), other = *event_date("2022-01-07");
  CHECK(compatible(month, day));
  CHECK(compatible(day, month));
  CHECK_FALSE(compatible(day, other));
  CHECK(finer(month, day).value == "2022-01-06");
  CHECK(span_until(day, "P3D")->start == "2022-01-04");
  CHECK(span_until(day, "P2W")->start == "2021-12-24");
  CHECK_FALSE(span_until(month, "P3D"));
}

TEST_CASE("figures are counts attached to their noun, with qualifiers and vague numbers as ranges") {
  CHECK(figures_of("Sono almeno 164 le persone morte, 103 delle quali ad Almaty.") == Strings{"dead 164 164 -1 almeno", "dead 103 103 103  part"});
  CHECK(figures_of("Più di 2200 persone sono rimaste ferite e quasi 8000 sono state arrestate.") ==
        Strings{"injured 2200 2200 -1 Più di", "arrested 8000 -1 8000 quasi"});
  CHECK(figures_of("Ci sono \"decine\" di morti, centinaia di feriti e migliaia d'arresti.") ==
        Strings{"dead -1 20 99 ", "injured -1 200 999 ", "arrested -1 2000 9999 "});
  CHECK(figures_of("Putin ha inviato migliaia di soldati.") == Strings{"troops -1 2000 9999 "});
  CHECK(figures_of("Le vittime sono sette e i feriti almeno venti.") == Strings{"dead 7 7 7 ", "injured 20 20 -1 almeno"});
  CHECK(figures_of("Oltre 2 milioni di sfollati.") == Strings{"displaced 2000000 2000000 -1 Oltre"});
  CHECK(figures_of("Un morto e 2.500 feriti.") == Strings{"dead 1 1 1 ", "injured 2500 2500 2500 "});
  // Not figures: ages, an article, numbers that count nothing listed.
  CHECK(figures_of("Una bambina di 4 anni ha lanciato un appello con 3 amici.").empty());
  CHECK(figures_of("The blast left seven dead and at least 20 injured; dozens of people were arrested.", "en") ==
        Strings{"dead 7 7 7 ", "injured 20 20 -1 at least", "arrested -1 20 99 "});
  CHECK(figures_of("More than 3,000 troops arrived, nearly 1.5 million residents fled.", "en") ==
        Strings{"troops 3000 3000 -1 More than", "people 1500000 -1 1500000 nearly"});
}

TEST_CASE("a sentence dated by a temporal expression is an event of that date") {
  const json out = analysed({{"a.txt",
                              " date 2022-11-25 Il presidente è stato eletto il 20 novembre 2022 a Roma.\n\n"
                              "L'incontro è previsto per lunedì 28 novembre 2022 a Milano."}});
  REQUIRE(out["events"].size() == 2);
  const json& election = out["events"][0];
  CHECK(election["date"]["value"] == "2022-11-20");
  CHECK(election["anchor"]["by"] == "timex");
  CHECK(election["anchor"]["timex"] == "t1");
  CHECK(election["categories"] == json::array({"election"}));
  CHECK(election["status"] == "happened");
  const json& meeting = out["events"][1];
  CHECK(meeting["date"]["value"] == "2022-11-28");
  CHECK(meeting["status"] == "announced");
  CHECK(meeting["categories"] == json::array({"meeting"}));
  CHECK(meeting["headline"] == "L'incontro è previsto per lunedì 28 novembre 2022 a Milano");
}

TEST_CASE("lead statements without a date of their own take the article's, and the sentences after go on telling them") {
  const json out = analysed({{"a.txt",
                              " date 2022-01 Caos ad Almaty.\n\nUna sparatoria ha fatto decine di morti ad Almaty. "
                              "Le vittime sono sette e i feriti almeno venti. Lo ha riferito l'agenzia Sputnik.\n\n"
                              "Profili coinvolti\n\nIl governo ha arrestato trenta manifestanti."}});
  REQUIRE(out["events"].size() == 2);
  const json& shooting = out["events"][0];
  CHECK(shooting["anchor"]["by"] == "document");
  CHECK(shooting["date"]["value"] == "2022-01");
  CHECK(shooting["date"]["precision"] == "month");
  CHECK(shooting["headline"] == "Una sparatoria ha fatto decine di morti ad Almaty");
  CHECK(shooting["figures"].size() == 3);
  CHECK(shooting["figures"][1]["text"] == "vittime sono sette");
  CHECK(shooting["categories"] == json::array({"armed-clash", "casualties", "statement"}));
  // After a heading, an arrest is another event.
  CHECK(out["events"][1]["categories"][0] == "arrest");
  CHECK(out["events"][1]["figures"][0]["kind"] == "protesters");
}

TEST_CASE("a past date qualifying a noun is a background event; a duration gives the event a span") {
  const json out = analysed({{"a.txt",
                              " date 2026-02-14 Le domande di asilo violano la Convenzione di Ginevra del 1951 sui rifugiati.\n\n"
                              "Il 10 febbraio 2026 la città, teatro da tre giorni di violenti proteste, è stata bombardata."}});
  REQUIRE(out["events"].size() == 2);
  const json& convention = out["events"][0];
  CHECK(convention["date"]["value"] == "1951");
  CHECK(convention["background"] == true);
  CHECK(convention["headline"] == "Convenzione di Ginevra del 1951");
  const json& shelling = out["events"][1];
  CHECK(shelling["date"]["value"] == "2026-02-10");
  CHECK(shelling["duration"] == "P3D");
  CHECK(shelling["date"]["start"] == "2026-02-08");
  CHECK(shelling["date"]["end"] == "2026-02-10");
}

TEST_CASE("events that report the same happening merge across articles, figures side by side; others stay apart") {
  const json out = analysed({
      {"a.txt", " date 2022-11-25 Ieri, 24 novembre 2022, la città di Kherson è stata bombardata dai russi: sette morti."},
      {"b.txt", " date 2022-11-26 Il 24 novembre 2022 la città di Kherson è stata bombardata per ore. Le vittime sono nove."},
      {"c.txt", " date 2022-11-26 Il 25 novembre 2022 la città di Kherson ha celebrato la festa del patrono."},
  });
  REQUIRE(out["events"].size() == 2);
  const json& shelling = out["events"][0];
  CHECK(shelling["date"]["value"] == "2022-11-24");
  CHECK(shelling["sources"].size() == 3);  // the second article's in two sentences
  CHECK(shelling["sources"][0]["document"] != shelling["sources"][1]["document"]);
  REQUIRE(shelling["figures"].size() == 2);
  CHECK(shelling["figures"][0]["value"] == 7);
  CHECK(shelling["figures"][1]["value"] == 9);
  CHECK(shelling["figures"][0]["document"] != shelling["figures"][1]["document"]);
  CHECK(out["events"][1]["date"]["value"] == "2022-11-25");
}

TEST_CASE("English events: categories, figures and status") {
  const json out = analysed({{"a.txt",
                              " date 2011-03-12 On March 11, 2011, a bomb exploded in Baghdad, leaving seven dead. "
                              "The talks will take place on March 20, 2011 in Geneva."}},
                            "en");
  REQUIRE(out["events"].size() == 2);
  CHECK(out["events"][0]["date"]["value"] == "2011-03-11");
  CHECK(out["events"][0]["figures"][0]["kind"] == "dead");
  CHECK(out["events"][0]["categories"][0] == "armed-clash");
  CHECK(out["events"][1]["status"] == "announced");
  CHECK(out["events"][1]["categories"] == json::array({"meeting"}));
}

TEST_CASE("the phrase kinds a word starts, found once for the word, are those matched where it stands") {
  // Words that start phrases of one token ("arrestati", stems), of more ("secondo fonti *", "dopo
  // che", "nel frattempo"), of both ("secondo", "dopo"), numbers in words, and none; at the end of
  // the text too, where a longer phrase has no room.
  const std::pair<const char*, const char*> texts[] = {
      {"it", "Secondo fonti locali, dopo che la polizia ha arrestato tre manifestanti, nel frattempo "
             "ventitré persone sono state arrestate e centinaia ferite; intanto secondo il governo dopo"},
      {"it", "secondo"},
      {"en", "According to officials, at least twenty people were killed and dozens injured after the protest, police said"},
  };
  for (const auto& [lang, text] : texts) {
    const EventLexicon lexicon(test::shipped_resources(), lang);
    Document doc;
    doc.text = text;
    Segmenter(test::shipped_languages().find(lang)).segment(doc.text, doc.tokens, doc.sentences);
    std::vector<std::string> folded_words;
    for (const Token& t : doc.tokens) folded_words.push_back(apostrophe_key(std::string_view(doc.text).substr(t.begin, t.end - t.begin)));
    const std::vector<std::string_view> folded(folded_words.begin(), folded_words.end());
    std::size_t with_kinds = 0, longer = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      const EventLexicon::Starts starts = lexicon.starts_of(folded[i]);
      const std::uint16_t kinds = lexicon.kinds_at(starts, folded, i);
      CHECK(kinds == lexicon.kinds_in_context(starts, folded, i));
      with_kinds += kinds != 0;
      longer += starts.longer;
    }
    CHECK(with_kinds > 0);
    if (folded.size() > 1) CHECK(longer > 0);
  }
}

namespace {
// The headline as it was made before: every byte of the text copied, then cut.
std::string headline_text_slowly(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty()) {
    std::size_t after_first = 0;
    std::string capital;
    append_utf8(capital, static_cast<char32_t>(u_toupper(static_cast<UChar32>(decode_utf8(out, after_first)))));
    out = capital + out.substr(after_first);
  }
  if (out.size() > 160) {
    std::size_t cut = out.rfind(' ', 157);
    if (cut == std::string::npos || cut < 80) cut = 157;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
    out += "\u2026";
  }
  return out;
}
}  // namespace

TEST_CASE("headlines read only as much text as they keep") {
  std::vector<std::string> texts = {"", " ", "a", "\u0131stanbul", "\u0250x y", "one\n\ttwo  three\r\nfour"};
  // Lengths around the cut, with spaces, commas and multibyte characters near it.
  for (std::size_t n = 150; n <= 175; ++n) {
    for (const std::string& unit : {std::string("ab "), std::string("\u00e8, "), std::string("word"), std::string("\u0131 \u20ac")}) {
      std::string text;
      while (text.size() < n) text += unit;
      texts.push_back(text);
      texts.push_back("\u0131" + text);
      texts.push_back("\u0250" + text);
      texts.push_back("  \n" + text + "\n  tail");
    }
  }
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(headline_text(text) == headline_text_slowly(text));
  }
}
