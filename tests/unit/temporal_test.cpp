// Each family of temporal rules, in Italian and English, through the whole analyzer.
#include <catch2/catch.hpp>

#include <sstream>

#include "analysis/analyzer.h"
#include "output/timeml_writer.h"
#include "time/tense.h"
#include "test_resources.h"

using namespace cronaca;

namespace {

struct Found {
  std::string text, type, value, mod;
};

Document analyse(const std::string& lang, const std::string& date, const std::string& text) {
  Analyzer analyzer(test::shipped_resources(), {lang, date});
  const std::string problem = analyzer.add("t.txt", text);
  REQUIRE(problem.empty());
  return analyzer.finish().documents.at(0);
}

std::vector<Found> timexes(const std::string& lang, const std::string& date, const std::string& text) {
  const Document doc = analyse(lang, date, text);
  std::vector<Found> out;
  for (const Timex& t : doc.timexes) {
    out.push_back({doc.text.substr(t.begin, t.end - t.begin), to_string(t.type), t.value, t.mod});
  }
  return out;
}

std::string describe(const std::vector<Found>& found) {
  std::ostringstream out;
  for (const Found& f : found) out << "[" << f.text << " " << f.type << " " << f.value << (f.mod.empty() ? "" : " " + f.mod) << "] ";
  return out.str();
}

// Expects exactly these expressions, in order: {text, type, value[, mod]}.
void expect(const std::string& lang, const std::string& date, const std::string& text, const std::vector<Found>& expected) {
  const std::vector<Found> found = timexes(lang, date, text);
  INFO(text << "\n  found: " << describe(found) << "\n  expected: " << describe(expected));
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].text == expected[i].text);
    CHECK(found[i].type == expected[i].type);
    CHECK(found[i].value == expected[i].value);
    CHECK(found[i].mod == expected[i].mod);
  }
}

}  // namespace

TEST_CASE("Italian words with accents match however they are cased") {
  // Lower-case Latin-1 letters are already folded and used in place; capitals go through ICU.
  expect("it", "2022-01-10", "Lunedì 3 gennaio e mercoledì 5 gennaio, poi GIOVEDÌ 6 gennaio.",
         {{"Lunedì 3 gennaio", "DATE", "2022-01-03"}, {"mercoledì 5 gennaio", "DATE", "2022-01-05"},
          {"GIOVEDÌ 6 gennaio", "DATE", "2022-01-06"}});
}

TEST_CASE("capitalised words of ASCII, lower-cased in place, match as their lower-case forms do") {
  // The ASCII path next to apostrophe_key's (accents, typographic apostrophes) in one document.
  const std::string lower = "il 3 gennaio 2022, nell\u2019aprile scorso e lunedì prossimo, a metà marzo";
  std::string upper = "IL 3 GENNAIO 2022, Nell\u2019Aprile Scorso E LUNEDÌ Prossimo, A METÀ Marzo";
  const std::vector<Found> expected = timexes("it", "2022-01-10", lower);
  const std::vector<Found> found = timexes("it", "2022-01-10", upper);
  INFO(describe(expected) << " / " << describe(found));
  CHECK(expected.size() >= 3);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].type == expected[i].type);
    CHECK(found[i].value == expected[i].value);
  }
}

TEST_CASE("Italian calendar dates, complete and completed from the document date") {
  expect("it", "2022-01-10", "Il 6 gennaio 2022 e giovedì 6 gennaio, poi il 25 aprile del 1945.",
         {{"6 gennaio 2022", "DATE", "2022-01-06"}, {"giovedì 6 gennaio", "DATE", "2022-01-06"}, {"25 aprile del 1945", "DATE", "1945-04-25"}});
  expect("it", "2022-11-25", "Si vota il 28 novembre e lo scrutinio è del 06/12/2022, mentre il bando era del 2022-10-01.",
         {{"28 novembre", "DATE", "2022-11-28"}, {"06/12/2022", "DATE", "2022-12-06"}, {"2022-10-01", "DATE", "2022-10-01"}});
  expect("it", "2022-11-25", "Era il marzo del 2020, poi a febbraio è cambiato tutto.",
         {{"marzo del 2020", "DATE", "2020-03"}, {"febbraio", "DATE", "2022-02"}});
  // Weekdays pick the year: 12 June was a Friday in 2009.
  expect("it", "2009-06-01", "venerdì 12 giugno Juventus - Milan", {{"venerdì 12 giugno", "DATE", "2009-06-12"}});
}

TEST_CASE("Italian years need no preposition, but counts and units are not years") {
  expect("it", "", "Nel 2005, e poi ai Mondiali 2006, arrivarono 2000 persone e 1624 i magneti da 1000 mm.",
         {{"2005", "DATE", "2005"}, {"2006", "DATE", "2006"}});
}

TEST_CASE("Italian relative days, weeks, months and years") {
  expect("it", "2022-11-25", "Ieri, oggi, domani e l'altro ieri.",
         {{"Ieri", "DATE", "2022-11-24"}, {"oggi", "DATE", "2022-11-25"}, {"domani", "DATE", "2022-11-26"}, {"l'altro ieri", "DATE", "2022-11-23"}});
  expect("it", "2022-11-25", "La settimana scorsa, il mese prossimo, quest'anno e l'anno scorso.",
         {{"settimana scorsa", "DATE", "2022-W46"}, {"mese prossimo", "DATE", "2022-12"}, {"quest'anno", "DATE", "2022"}, {"anno scorso", "DATE", "2021"}});
  expect("it", "2022-11-25", "È successo tre giorni fa, e due anni fa.", {{"tre giorni fa", "DATE", "2022-11-22"}, {"due anni fa", "DATE", "2020"}});
  expect("it", "2022-11-25", "Il 10 marzo arrivò; tre giorni dopo, ripartì.", {{"10 marzo", "DATE", "2022-03-10"}, {"tre giorni dopo", "DATE", "2022-03-13"}});
  expect("it", "2022-11-25", "Venerdì scorso è stato firmato; lunedì si riparte.",
         {{"Venerdì scorso", "DATE", "2022-11-18"}, {"lunedì", "DATE", "2022-11-28"}});
}

TEST_CASE("Italian weekdays follow the tense of their clause") {
  // 2022-11-25 is a Friday.
  expect("it", "2022-11-25", "Martedì è stato arrestato.", {{"Martedì", "DATE", "2022-11-22"}});
  expect("it", "2022-11-25", "Martedì sarà processato.", {{"Martedì", "DATE", "2022-11-29"}});
}

TEST_CASE("Italian durations, numbers in words and modifiers") {
  expect("it", "", "Da tre giorni, per quasi sei anni, ventiquattro ore, un anno e mezzo e una decina di giorni.",
         {{"tre giorni", "DURATION", "P3D"}, {"quasi sei anni", "DURATION", "P6Y", "LESS_THAN"}, {"ventiquattro ore", "DURATION", "PT24H"},
          {"un anno e mezzo", "DURATION", "P1Y6M"}, {"una decina di giorni", "DURATION", "P10D", "APPROX"}});
  expect("it", "", "Lo aspettano da anni.", {{"anni", "DURATION", "PXY"}});
}

TEST_CASE("Italian generic references and sets") {
  expect("it", "2026-02-14", "Negli ultimi mesi, nei prossimi giorni e attualmente.",
         {{"ultimi mesi", "DATE", "PAST_REF"}, {"prossimi giorni", "DATE", "FUTURE_REF"}, {"attualmente", "DATE", "PRESENT_REF"}});
  expect("it", "", "Si riunisce ogni giorno, ogni lunedì e ogni mattina.",
         {{"ogni giorno", "SET", "P1D"}, {"ogni lunedì", "SET", "XXXX-WXX-1"}, {"ogni mattina", "SET", "XXXX-XX-XXTMO"}});
}

TEST_CASE("Italian times of day") {
  expect("it", "2022-01-06", "Stamattina all'alba, poi alle ore 10:30 e alle 18.",
         {{"Stamattina", "TIME", "2022-01-06TMO"}, {"alba", "TIME", "2022-01-06TMO"}, {"ore 10:30", "TIME", "2022-01-06T10:30"},
          {"18", "TIME", "2022-01-06T18:00"}});
  expect("it", "2022-03-25", "La mattina del 20 marzo e ieri sera alle 23.",
         {{"mattina del 20 marzo", "TIME", "2022-03-20TMO"}, {"ieri sera", "TIME", "2022-03-24TEV"}, {"23", "TIME", "2022-03-24T23:00"}});
}

TEST_CASE("Italian seasons, quarters, decades, centuries and positions") {
  expect("it", "2011-05-01", "L'estate 2011, il primo trimestre 2011, gli anni '80, il XX secolo.",
         {{"estate 2011", "DATE", "2011-SU"}, {"primo trimestre 2011", "DATE", "2011-Q1"}, {"anni '80", "DATE", "198X"}, {"XX secolo", "DATE", "19"}});
  expect("it", "2022-06-01", "A inizio gennaio, a fine 2022 e a metà marzo.",
         {{"inizio gennaio", "DATE", "2022-01", "START"}, {"fine 2022", "DATE", "2022", "END"}, {"metà marzo", "DATE", "2022-03", "MID"}});
}

TEST_CASE("Italian lists and ranges share month and year, and ranges are intervals") {
  const Document range = analyse("it", "2012-06-01", "Si terrà dal 3 al 5 gennaio e tra il 7 e il 10 dicembre 2012.");
  REQUIRE(range.timexes.size() == 4);
  CHECK(range.timexes[0].value == "2013-01-03");
  CHECK(range.timexes[1].value == "2013-01-05");
  CHECK(range.timexes[2].value == "2012-12-07");
  CHECK(range.timexes[3].value == "2012-12-10");
  REQUIRE(range.intervals.size() == 2);
  CHECK(range.intervals[0].from == 0);
  CHECK(range.intervals[0].to == 1);
  CHECK(range.intervals[1].from == 2);
  CHECK(range.intervals[1].to == 3);

  expect("it", "2023-04-01", "Aperto lunedì 20, martedì 21 e mercoledì 22 aprile.",
         {{"lunedì 20", "DATE", "2023-04-20"}, {"martedì 21", "DATE", "2023-04-21"}, {"mercoledì 22 aprile", "DATE", "2023-04-22"}});
}

TEST_CASE("Italian guard rails: scores, versions, phone numbers, ages, impossible dates") {
  expect("it", "2022-01-01", "Finisce 2-2, versione 10.12, chiamate il 3351234567; un uomo di 45 anni; il 31 febbraio.", {});
}

TEST_CASE("without a document date, relative values stay underspecified") {
  expect("it", "", "Il 20 marzo, ieri, giovedì.", {{"20 marzo", "DATE", "XXXX-03-20"}, {"ieri", "DATE", "XXXX-XX-XX"}, {"giovedì", "DATE", "XXXX-WXX-4"}});
}

TEST_CASE("a month-precision date is refined when the text pins the day") {
  const Document seed = analyse("it", "", " date 2022-01 06 gennaio 2022\n\nGiovedì 6 gennaio la sparatoria; ieri le proteste.");
  CHECK(seed.date.value == "2022-01");
  CHECK(seed.anchor_date == "2022-01-06");
  REQUIRE(seed.timexes.size() == 3);
  CHECK(seed.timexes[2].value == "2022-01-05");
  CHECK(seed.timexes[2].anchor == AnchorKind::document);

  const Document apposition = analyse("it", "", " date 2022-11 Nella giornata di ieri, 24 novembre 2022, e oggi.");
  CHECK(apposition.anchor_date == "2022-11-25");
  REQUIRE(apposition.timexes.size() == 2);
  CHECK(apposition.timexes[0].value == "2022-11-24");
  CHECK(apposition.timexes[1].value == "2022-11-25");

  const Document undated = analyse("it", "", "Roma, 6 gennaio 2022 - Oggi la notizia.");
  CHECK(undated.date.value == "2022-01-06");
  CHECK(undated.date.source == DateSource::text);
}

TEST_CASE("English dates, durations, references and sets") {
  expect("en", "1998-08-07", "Friday, Aug. 7, 1998; yesterday; last week; two years ago; March 12.",
         {{"Friday, Aug. 7, 1998", "DATE", "1998-08-07"}, {"yesterday", "DATE", "1998-08-06"}, {"last week", "DATE", "1998-W31"},
          {"two years ago", "DATE", "1996"}, {"March 12", "DATE", "1998-03-12"}});
  expect("en", "1989-10-27", "In the third quarter, net rose from a year earlier; over the past two months; for the nine months.",
         {{"the third quarter", "DATE", "1989-Q3"}, {"a year earlier", "DATE", "1988-Q3"}, {"the past two months", "DURATION", "P2M"},
          {"the nine months", "DURATION", "P9M"}});
  expect("en", "1989-10-27", "Shares trade daily, now as in the 1980s, and a 6-year-old knows it.",
         {{"daily", "SET", "P1D"}, {"now", "DATE", "PRESENT_REF"}, {"the 1980s", "DATE", "198X"}});
  expect("en", "1998-08-08", "The blast occurred at 10:35 a.m. Friday, and the next day.",
         {{"10:35 a.m. Friday", "TIME", "1998-08-07T10:35"}, {"the next day", "DATE", "1998-08-08"}});
  expect("en", "1990-08-15", "He arrived in 1990 and met 1500 workers.", {{"1990", "DATE", "1990"}});
}

TEST_CASE("English plural days and days with plural parts recur") {
  expect("en", "1998-02-13", "Flights leave on Mondays, on Tuesday nights and every Friday morning; one left Sunday night.",
         {{"Mondays", "SET", "XXXX-WXX-1"}, {"Tuesday nights", "SET", "XXXX-WXX-2TNI"}, {"every Friday morning", "SET", "XXXX-WXX-5TMO"},
          {"Sunday night", "TIME", "1998-02-08TNI"}});
}

TEST_CASE("English words that start many rules still start each rule the next word fits") {
  // "the", "a" and "last" start dozens of rules; only those whose next element can take the next
  // token are tried (TemporalGrammar::Follow): a word, a category, or nothing at a sentence's end.
  expect("en", "1998-08-07", "It is done now", {{"now", "DATE", "PRESENT_REF"}});
  expect("en", "1998-08-07", "The summer of 1996 and the 1980s, the year 1991, a year earlier, last week and the week of March 6. See you the",
         {{"The summer of 1996", "DATE", "1996-SU"}, {"the 1980s", "DATE", "198X"}, {"the year 1991", "DATE", "1991"},
          {"a year earlier", "DATE", "1990"}, {"last week", "DATE", "1998-W31"}, {"the week of March 6", "DATE", "1998-W10"}});
}

TEST_CASE("English words with facts of their own still start the rules that name them") {
  // ",", "to" and "around" are connectors or modifiers (facts) and literals of rules: the rules a
  // literal starts are tried when the next token fits them, whatever the token's facts.
  expect("en", "1998-08-07", "Sales fell in 1996, 1997 and around 1990, to 1995; it took, an hour, over a week",
         {{"1996", "DATE", "1996"}, {"1997", "DATE", "1997"}, {"1990", "DATE", "1990"}, {"1995", "DATE", "1995"},
          {"an hour", "DURATION", "PT1H"}, {"a week", "DURATION", "P1W"}});
}

TEST_CASE("English numbers start the rules whose next element takes the next token") {
  // A number starts some 25 rules (TemporalGrammar::category_follows_); the token after it picks
  // those worth trying, and a year may end a sentence.
  expect("en", "1998-08-07", "He left 10 days ago and came back 15 March at 10 p.m. with 3 friends. It ended in 1996",
         {{"10 days ago", "DATE", "1998-07-28"}, {"15 March", "DATE", "1998-03-15"}, {"10 p.m.", "TIME", "1998-03-15T22:00"},
          {"1996", "DATE", "1996"}});
}

TEST_CASE("English days after a complete date take its month and year") {
  const Document doc = analyse("en", "1999-02-10", "The summit is on April 24 and 25; talks run March 3-5. On May 6, 25 people died; shares rose from April 4 to 12 1/2.");
  REQUIRE(doc.timexes.size() == 6);
  CHECK(doc.timexes[1].value == "1999-04-25");
  CHECK(doc.timexes[3].value == "1999-03-05");
  REQUIRE(doc.intervals.size() == 1);
  CHECK(doc.intervals[0].from == 2);
  CHECK(doc.intervals[0].to == 3);
  // A comma is no connector here, nor is a number that goes on.
  CHECK(doc.timexes[4].value == "1998-05-06");
  CHECK(doc.timexes[5].value == "1999-04-04");
  expect("en", "1999-02-10", "The plant shut May 6 and 9.", {{"May 6", "DATE", "1998-05-06"}, {"9", "DATE", "1998-05-09"}});
}

TEST_CASE("English \"the following\" unit counts one on from the last date named") {
  expect("en", "1998-04-18", "On May 22, 1995, he was made a general, and the following year he left.",
         {{"May 22, 1995", "DATE", "1995-05-22"}, {"the following year", "DATE", "1996"}});
  expect("en", "1989-10-27", "In March, the board met. The following month, the company was sold.",
         {{"March", "DATE", "1989-03"}, {"The following month", "DATE", "1989-04"}});
}

TEST_CASE("English spans: a couple of years, an additional year, the weeks ahead, the early summer") {
  expect("en", "1989-10-26",
         "Over the next couple of years it will take an additional year; in the early summer and the weeks ahead it grows, "
         "and the firm moved to a calendar year.",
         {{"the next couple of years", "DURATION", "P2Y"}, {"an additional year", "DURATION", "P1Y"},
          {"the early summer", "DATE", "1989-SU", "START"}, {"the weeks ahead", "DURATION", "PXW"}});
}

TEST_CASE("English spans as compound adjectives") {
  expect("en", "2000-01-15", "A decades-long feud, a day-long strike and a two-day-long vigil.",
         {{"decades-long", "DURATION", "PXDE"}, {"day-long", "DURATION", "P1D"}, {"two-day-long", "DURATION", "P2D"}});
}

TEST_CASE("English \"the previous\" counts back from the last date named, \"last\" from the document date") {
  // 1989-10-30 is a Monday.
  expect("en", "1989-10-30", "On Friday the index closed down 4.5% from the previous Friday. Last Friday it fell. "
         "In 1987 sales rose from the previous year.",
         {{"Friday", "DATE", "1989-10-27"}, {"the previous Friday", "DATE", "1989-10-20"}, {"Last Friday", "DATE", "1989-10-27"},
          {"1987", "DATE", "1987"}, {"the previous year", "DATE", "1986"}});
}

TEST_CASE("English times of day that name no day leave the last day named in place") {
  // 2003-03-13 is a Thursday. "Overnight" falls on the document date by default, but "the previous
  // Tuesday" still counts back from the Tuesday the text named.
  expect("en", "2003-03-13", "Shares fell on Tuesday. After overnight losses in Tokyo, they closed below the previous Tuesday.",
         {{"Tuesday", "DATE", "2003-03-11"}, {"overnight", "TIME", "2003-03-13TNI"}, {"the previous Tuesday", "DATE", "2003-03-04"}});
}

TEST_CASE("English \"since\" starts a span at a date no later than the document date") {
  // 2004-11-18 is a Thursday: without "since", a Friday a day ahead would be nearer.
  expect("en", "2004-11-18", "Prices have fallen since Friday.", {{"Friday", "DATE", "2004-11-12"}});
  expect("en", "2004-11-20", "The index has gained 8% since year-end.", {{"year-end", "DATE", "2003-12-31"}});
}

TEST_CASE("English year-end is the closing day of the year, the end of the year a part of it") {
  expect("en", "2004-06-10", "The sale should close by year-end, well before the end of the year.",
         {{"year-end", "DATE", "2004-12-31"}, {"the end of the year", "DATE", "2004", "END"}});
  // A year given with it is that year's; a fiscal year may end in any month.
  expect("en", "2004-06-10", "Debt at year-end 2002 was high; the fiscal year-end moved.",
         {{"year-end 2002", "DATE", "2002-12-31"}, {"fiscal year-end", "DATE", "2004", "END"}});
}

TEST_CASE("English \"the latest year\", like \"the latest quarter\", is the last one over") {
  expect("en", "2005-03-01", "Revenue rose in the latest fiscal year, and the current fiscal year looks better.",
         {{"the latest fiscal year", "DATE", "2004"}, {"the current fiscal year", "DATE", "2005"}});
}

TEST_CASE("English \"the year ended\" a date is the year-long span up to it") {
  expect("en", "2006-05-04", "Sales for the year ended March 31 rose, and the fiscal year ending June 30 looks weaker.",
         {{"the year", "DURATION", "P1Y"}, {"March 31", "DATE", "2006-03-31"}, {"the fiscal year", "DURATION", "P1Y"},
          {"June 30", "DATE", "2006-06-30"}});
}

TEST_CASE("English approximate distances back") {
  expect("en", "1991-02-25", "A week or so ago, the general picked a date.", {{"A week or so ago", "DATE", "1991-W08", "APPROX"}});
}

TEST_CASE("English weeks of a date, halves of a year and the past decade") {
  expect("en", "2000-02-24", "Hearings resume the week of March 6. Over the past decade, costs rose. Easter week begins soon.",
         {{"the week of March 6", "DATE", "2000-W10"}, {"the past decade", "DURATION", "P10Y"}, {"Easter week", "DATE", "2000-W16"}});
  expect("en", "1999-10-20", "Sales will weaken in the last half of 1999 and the first two quarters of 2000.",
         {{"the last half of 1999", "DATE", "1999-H2"}, {"the first two quarters of 2000", "DATE", "2000-H1"}});
}

TEST_CASE("English shifted plurals are spans, shifted singulars periods") {
  expect("en", "1999-03-12", "Prices rose in the past year and will rise in the coming years, as in the early years of the euro.",
         {{"the past year", "DATE", "1998"}, {"coming years", "DURATION", "PXY"}, {"the early years", "DURATION", "PXY"}});
}

TEST_CASE("English references: some day ahead, and a present seen from the past") {
  expect("en", "2001-05-10", "Fusion may one day power cities; the deal was priced at the then-current rate, unlike the current one.",
         {{"one day", "DATE", "FUTURE_REF"}, {"then-current", "DATE", "PAST_REF"}, {"current", "DATE", "PRESENT_REF"}});
}

TEST_CASE("English times of day fall on the day right after them, or else on one just before") {
  expect("en", "1998-08-08", "Talks ended Friday, and the blast came at 9 p.m. on Thursday.",
         {{"Friday", "DATE", "1998-08-07"}, {"9 p.m.", "TIME", "1998-08-06T21:00"}, {"Thursday", "DATE", "1998-08-06"}});
  const Document doc = analyse("en", "1998-08-08", "Talks ended Friday, and the blast came at 9 p.m. on Thursday.");
  REQUIRE(doc.timexes.size() == 3);
  CHECK(doc.timexes[1].anchor == AnchorKind::reference);
  CHECK(doc.timexes[1].anchor_timex == 2);
  expect("en", "2000-01-28", "The march began early Friday morning and ended late yesterday evening.",
         {{"early Friday morning", "TIME", "2000-01-28TMO", "START"}, {"late yesterday evening", "TIME", "2000-01-27TEV", "END"}});
  expect("en", "1998-08-08", "On Friday, at 9 p.m., the blast came.", {{"Friday", "DATE", "1998-08-07"}, {"9 p.m.", "TIME", "1998-08-07T21:00"}});
}

TEST_CASE("English times of day reach their day past a bracketed aside") {
  // Wire copy gives the time in GMT between the local time and its day.
  expect("en", "1998-08-08", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
         {{"10:35 a.m.", "TIME", "1998-08-07T10:35", "APPROX"}, {"Friday", "DATE", "1998-08-07"}});
}

TEST_CASE("English passives take their tense from the auxiliary, not the participle") {
  // 1995-11-02 is a Thursday.
  expect("en", "1995-11-02", "The vote will be held Monday.", {{"Monday", "DATE", "1995-11-06"}});
  expect("en", "1995-11-02", "The vote was held Monday.", {{"Monday", "DATE", "1995-10-30"}});
  // "ahead of" looks forward. 1995-11-01 is a Wednesday.
  expect("en", "1995-11-01", "Traders sold ahead of the weekend.", {{"the weekend", "DATE", "1995-W44-WE"}});
  // "planning" looks forward like "plans".
  expect("en", "1995-11-02", "Protesters were planning to march on Monday.", {{"Monday", "DATE", "1995-11-06"}});
  // A participle listed as a future cue is no cue either: "had" dates the schedule.
  expect("en", "1995-11-06", "The offer had been scheduled to expire Friday.", {{"Friday", "DATE", "1995-11-03"}});
}

TEST_CASE("English verbs after a modal or \"to\", and participles before an agent, are no tense cues") {
  // "succeed" ends like a past tense; after "will" it is an infinitive, and "will" decides.
  expect("en", "1989-10-26", "Mr. Smith will succeed him Feb. 1, the bank said.", {{"Feb. 1", "DATE", "1990-02-01"}});
  expect("en", "1989-10-26", "She hopes to proceed in March.", {{"March", "DATE", "1990-03"}});
  // "untouched by" is a participle with its agent, nearer than "will" but no verb of the clause.
  expect("en", "1998-02-13", "Qantas will double its flights by August in search of markets untouched by the crisis.",
         {{"August", "DATE", "1998-08"}});
  expect("en", "1998-02-13", "Qantas doubled its flights in August, in search of markets untouched by the crisis.",
         {{"August", "DATE", "1997-08"}});
}

TEST_CASE("English \"planned\" is a past tense like any other, where \"plans\" looks ahead") {
  // 2002-10-01 is a Tuesday.
  expect("en", "2002-10-01", "On Friday, the ministry planned to pay the families.", {{"Friday", "DATE", "2002-09-27"}});
  expect("en", "2002-10-01", "On Friday, the ministry plans to pay the families.", {{"Friday", "DATE", "2002-10-04"}});
}

TEST_CASE("English nouns after a determiner are no tense cues") {
  // "the plan" is a noun; "approved" dates the clause.
  expect("en", "1989-10-26", "The board approved the plan in March.", {{"March", "DATE", "1989-03"}});
}

TEST_CASE("English future-tense clauses rarely name a date months behind") {
  expect("en", "1998-03-04", "Collins will be named commander of the shuttle for a mission in December.", {{"December", "DATE", "1998-12"}});
  // A day just behind stays possible: the deadline passed yesterday.
  expect("en", "1998-03-04", "The talks will resume after the deadline of March 3.", {{"March 3", "DATE", "1998-03-03"}});
}

TEST_CASE("English months without a year: a past-tense report may name one a few months ahead") {
  // "said" dates the report, not the payment; a month far ahead stays in the past.
  expect("en", "1995-11-02", "The board said the dividend would be payable in January. In March, the company said it cut jobs.",
         {{"January", "DATE", "1996-01"}, {"March", "DATE", "1995-03"}});
}

TEST_CASE("English earnings reports: a year earlier is the span under report a year before") {
  // After a longer span is named, "a year earlier" is that span's year, until a quarter is named again.
  expect("en", "1995-10-20",
         "Acme said third-quarter profit rose from a year earlier. For the nine months, sales fell from a year earlier. "
         "In the quarter, costs rose from a year ago.",
         {{"third-quarter", "DATE", "1995-Q3"}, {"a year earlier", "DATE", "1994-Q3"}, {"the nine months", "DURATION", "P9M"},
          {"a year earlier", "DATE", "1994"}, {"the quarter", "DATE", "1995-Q3"}, {"a year ago", "DATE", "1994-Q3"}});
  // The same span last year, and numbered parts of a shifted year.
  expect("en", "1995-10-20", "Third-quarter sales rose from the same period last year and from last year's quarter; "
         "a plant opens in next year's second half.",
         {{"Third-quarter", "DATE", "1995-Q3"}, {"the same period last year", "DATE", "1994-Q3"}, {"last year's quarter", "DATE", "1994-Q3"},
          {"next year's second half", "DATE", "1996-H2"}});
  // A quarter not begun yet this year is last year's when that one ended nearer, unless the clause looks ahead.
  expect("en", "1998-01-26", "Profits fell in the fourth quarter and will rise in the second half; the first quarter looks weak.",
         {{"the fourth quarter", "DATE", "1997-Q4"}, {"the second half", "DATE", "1998-H2"}, {"the first quarter", "DATE", "1998-Q1"}});
  // A span a year before is counted by its own number.
  expect("en", "1995-10-20", "Net for the year-earlier nine months included a gain.", {{"the year-earlier nine months", "DURATION", "P9M"}});
  // The quarter under report is the latest one already over, not an aside on an earlier one or a
  // forecast for the running one.
  expect("en", "1995-11-02",
         "Profit rose in the third quarter after a weak second quarter; a fourth-quarter charge is likely. Sales were flat from a year ago.",
         {{"the third quarter", "DATE", "1995-Q3"}, {"second quarter", "DATE", "1995-Q2"}, {"fourth-quarter", "DATE", "1995-Q4"},
          {"a year ago", "DATE", "1994-Q3"}});
  // "the 1994 period" is whatever span the sentence reports on; "year-ago" counts from the document date.
  expect("en", "1995-11-02", "In the third quarter profit rose. In the first nine months, net fell from the 1994 period; the year-ago results had a charge.",
         {{"the third quarter", "DATE", "1995-Q3"}, {"the first nine months", "DURATION", "P9M"}, {"the 1994 period", "DATE", "1994"},
          {"year-ago", "DATE", "1994"}});
}

TEST_CASE("TimeML output marks each expression inline") {
  const Document doc = analyse("it", "2022-01-10", "Il 6 gennaio <b> e ieri.");
  const std::string tml = to_timeml(doc);
  CHECK(tml.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-06\" temporalFunction=\"true\" anchorTimeID=\"t0\">6 gennaio</TIMEX3> &lt;b&gt; e "
                 "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2022-01-09\" temporalFunction=\"true\" anchorTimeID=\"t0\">ieri</TIMEX3>") !=
        std::string::npos);
}

TEST_CASE("tense cues: listed words by their lists, other words by their endings, in context") {
  const TenseCues cues(
      "past-words said ieri was\nfuture-words will expected\npast-suffixes ed ato\nfuture-suffixes erà\n"
      "passive-auxiliaries be\ninfinitive-markers to\nagent-markers by\ndeterminers the\nsince-words since\n",
      "tense.txt");
  CHECK(cues.of("said") == Tense::past);
  CHECK(cues.of("expected") == Tense::future);  // listed: its "-ed" does not count
  CHECK(cues.of("arrested") == Tense::past);
  CHECK(cues.of("arriverà") == Tense::future);
  CHECK(cues.of("red") == Tense::unknown);  // too short for its ending to say anything
  CHECK(cues.of("domani") == Tense::unknown);
  CHECK(cues.of("") == Tense::unknown);
  CHECK(cues.since("since"));
  CHECK_FALSE(cues.since("said"));
  CHECK_FALSE(cues.since("sinc"));
  const auto near = [&](std::vector<std::string_view> words, std::size_t begin, std::size_t end) {
    const Sentence sentence{0, 0, 0, static_cast<std::uint32_t>(words.size())};
    return cues.near(words, sentence, begin, end);
  };
  CHECK(near({"he", "said", "it", "will", "meet", "on", "march"}, 5, 7) == Tense::future);
  CHECK(near({"talks", "planned", "by", "the", "union", "on", "march"}, 5, 7) == Tense::unknown);  // a participle before "by"
  CHECK(near({"the", "planned", "talks", "on", "march"}, 3, 5) == Tense::unknown);                 // after a determiner
  CHECK(near({"the", "union", "said", ";", "on", "march"}, 4, 6) == Tense::unknown);               // another clause
  CHECK(near({"ieri", "on", "march"}, 1, 3) == Tense::past);
}
