#include <catch2/catch.hpp>

#include <algorithm>
#include <array>

#include "geo/places.h"
#include "lang/language.h"
#include "text/utf8.h"
#include "resolve/tokens_view.h"
#include "resolve/acronyms.h"
#include "resolve/corrections.h"
#include "resolve/entity_resolver.h"
#include "resolve/name_keys.h"
#include "segment/segmenter.h"
#include "test_resources.h"

using namespace cronaca;

namespace {

const Languages& languages() { return test::shipped_languages(); }

const Places& places() {
  static const Places loaded(test::shipped_resources());
  return loaded;
}

// A document from text with its mentions marked: "[PER Vladimir Putin] ha detto".
Document marked(const std::string& lang, std::string_view source, const std::string& date = "2022-01-10") {
  Document doc;
  doc.lang = lang;
  doc.id = "d" + std::to_string(std::hash<std::string_view>{}(source) % 100000);
  doc.date = {date, DateSource::header};
  for (std::size_t i = 0; i < source.size();) {
    if (source[i] != '[') {
      doc.text.push_back(source[i++]);
      continue;
    }
    const std::size_t space = source.find(' ', i), close = source.find(']', i);
    const std::string_view label = source.substr(i + 1, space - i - 1);
    Mention m;
    m.type = label == "PER" ? EntityType::person : label == "LOC" ? EntityType::location : EntityType::organization;
    m.begin = static_cast<std::uint32_t>(doc.text.size());
    doc.text.append(source.substr(space + 1, close - space - 1));
    m.end = static_cast<std::uint32_t>(doc.text.size());
    doc.mentions.push_back(m);
    i = close + 1;
  }
  Segmenter segmenter(languages().find(lang));
  segmenter.segment(doc.text, doc.tokens, doc.sentences);
  return doc;
}

AnalysisResult resolved(std::vector<Document> docs, const std::string& corrections_json = "") {
  AnalysisResult result;
  result.documents = std::move(docs);
  Corrections corrections;
  REQUIRE(parse_corrections(corrections_json, corrections).empty());
  const EntityResolver resolver(test::shipped_resources(), languages(), &places());
  resolver.resolve(result, corrections);
  return result;
}

const Entity* named(const AnalysisResult& result, std::string_view name) {
  for (const Entity& e : result.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const Entity* with_alias(const AnalysisResult& result, std::string_view alias) {
  for (const Entity& e : result.entities) {
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end()) return &e;
  }
  return nullptr;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("name keys meet across transliterations and spelling variants") {
  const NameKeys keys(test::shipped_resources());
  const Names tokayev = {"kasim", "jomart", "tokaev"};
  CHECK(keys.tokens("Kassym-Jomart Tokayev") == tokayev);
  CHECK(keys.tokens("Kasim Yomart Tokayev") == tokayev);
  CHECK(keys.tokens("Qasym Zhomart Tokaev") == tokayev);
  CHECK(keys.tokens("Касым-Жомарт Токаев") == tokayev);
  CHECK(keys.tokens("Владимир Путин") == keys.tokens("Vladimir Putin"));
  CHECK(keys.tokens("Vladimirovich") == keys.tokens("Vladimirovic"));
  CHECK(keys.tokens("Hugo Chávez") == keys.tokens("Hugo Chavez"));
  CHECK(keys.tokens("U.S.") == keys.tokens("US"));
  CHECK(keys.tokens("Putin") != keys.tokens("Putina"));
}

namespace {

// token_key without its shortcut: every rule searched for, in order.
std::string token_key_searching_all(std::string_view token, const std::vector<std::array<std::string, 2>>& rules) {
  std::string key(token);
  for (const auto& [pattern, to] : rules) {
    std::string from = pattern;
    const bool at_start = from.starts_with('^'), at_end = from.ends_with('$');
    if (at_start) from.erase(0, 1);
    if (at_end) from.pop_back();
    for (std::size_t at = key.find(from); at != std::string::npos; at = key.find(from, at)) {
      if ((at_start && at != 0) || (at_end && at + from.size() != key.size())) {
        at += 1;
        continue;
      }
      key.replace(at, from.size(), to);
      at += to.size();
      if (at_start) break;
    }
  }
  std::string collapsed;
  for (char c : key) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  return collapsed;
}

}  // namespace

TEST_CASE("a name key skips the variant rules whose letters the word lacks, and only those") {
  // Rules that bring letters later rules look for ("x" -> "ks", then "ks" -> "x" would not run
  // without them), anchored ones, a byte 64 apart from a letter ('!' and 'a' share a bit), and a
  // rule that removes letters.
  const std::vector<std::array<std::string, 2>> rules = {
      {"^zh", "j"}, {"x", "ks"}, {"ks", "q"}, {"q", "k"}, {"w", "v"}, {"y$", "i"}, {"a!", "e"}, {"kh", "h"}, {"aye", "ae"}, {"ch", "c"}};
  std::string variants;
  for (const auto& [from, to] : rules) variants += from + " " + to + "\n";
  Resources resources;
  resources.add_file("resolve/variants.txt", variants);
  const NameKeys keys(resources);
  for (const char* word : {"zhukov", "xi", "maxwell", "yury", "khaled", "bayer", "a!b", "ab", "abzh", "chechnya", "", "x", "kks", "wax"}) {
    INFO(word);
    CHECK(keys.token_key(word) == token_key_searching_all(word, rules));
  }
  CHECK(keys.token_key("maxwell") == "makvel");
}

TEST_CASE("within an article a surname joins the full name, titles become descriptions") {
  const AnalysisResult r = resolved({marked("it",
      "Il presidente kazako [PER Kassym-Jomart Tokayev] ha parlato. Sulla stessa scia del presidente kazako anche "
      "[PER Vladimir Putin]. \"Basta\", ha detto [PER Tokayev]. [PER Dmitry Peskov], portavoce del [ORG Cremlino], "
      "ha risposto. Il premier armeno [PER Nikol Pashinyan] ha scritto. [PER Putin] ha concluso.")});
  const Entity* tokayev = named(r, "Kassym-Jomart Tokayev");
  REQUIRE(tokayev);
  CHECK(tokayev->aliases == Names{"Kassym-Jomart Tokayev", "Tokayev"});
  CHECK(tokayev->mentions == 2);
  CHECK(tokayev->descriptions == Names{"presidente kazako"});
  const Entity* putin = named(r, "Vladimir Putin");
  REQUIRE(putin);
  CHECK(putin->mentions == 2);
  CHECK(putin->descriptions.empty());  // "presidente kazako anche" is not his title
  CHECK(named(r, "Dmitry Peskov")->descriptions == Names{"portavoce del Cremlino"});
  CHECK(named(r, "Nikol Pashinyan")->descriptions == Names{"premier armeno"});
  CHECK(r.entities.size() == 5);
  for (const Mention& m : r.documents[0].mentions) CHECK(m.entity >= 0);
}

TEST_CASE("a title or honorific that the tagger put inside the name is not part of it") {
  const AnalysisResult r = resolved({marked("en", "[PER President Joe Biden] spoke. [PER Mr. Biden] left.", "2022-01-10")});
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].name == "Joe Biden");
  CHECK(r.entities[0].aliases == Names{"Biden", "Joe Biden"});
  CHECK(r.entities[0].descriptions == Names{"President"});
}

TEST_CASE("a surname met before the full name joins it, and the canonical name is the fullest") {
  const AnalysisResult r = resolved({marked("it", "[PER Putin] ha parlato ieri. Poi [PER Vladimir Putin] ha firmato. [PER Putin] e basta.")});
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].name == "Vladimir Putin");
  CHECK(r.entities[0].mentions == 3);
}

namespace {

// The expansions before "(ACRONYM)" the straightforward way: every span of up to 14 words before
// the bracket, shortest first, its initials computed afresh.
std::vector<std::pair<std::string, std::string>> expansions_before_brackets(const Document& doc, const LanguageProfile* profile) {
  using namespace resolve_detail;
  std::vector<std::pair<std::string, std::string>> out;
  const auto word = [&](std::size_t i) { return slice(doc.text, doc.tokens[i].begin, doc.tokens[i].end); };
  const auto content = [&](std::size_t i) {
    const std::string folded = apostrophe_key(word(i));
    return !(profile && profile->is_stopword(folded)) && !folded.ends_with('\'') && !folded.empty() && folded[0] >= 'a' && folded[0] <= 'z';
  };
  for (std::size_t i = 0; i + 3 < doc.tokens.size(); ++i) {
    const std::string_view acronym = word(i + 2);
    if (word(i + 1) != "(" || word(i + 3) != ")" || acronym.size() < 2 || acronym.size() > 8 || !(acronym[0] >= 'A' && acronym[0] <= 'Z')) continue;
    if (!std::all_of(acronym.begin(), acronym.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; })) continue;
    std::string want;
    for (char c : acronym) want.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::sort(want.begin(), want.end());
    for (std::size_t first = i + 1; first-- > 0 && i + 1 - first <= 14;) {
      if (is_punctuation(doc.tokens[first])) break;
      std::string letters;
      for (std::size_t k = first; k <= i; ++k) {
        if (content(k)) letters.push_back(apostrophe_key(word(k))[0]);
      }
      std::sort(letters.begin(), letters.end());
      if (letters == want && starts_upper(word(first))) {
        out.emplace_back(fold_case(acronym), std::string(slice(doc.text, doc.tokens[first].begin, doc.tokens[i].end)));
        break;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the expansion before an acronym in brackets is the one found by reading every span afresh") {
  const LanguageProfile* profile = test::shipped_languages().find("it");
  Document doc;
  doc.text = "Mosca guida l'Organizzazione del trattato per la sicurezza collettiva (Csto). Il Fondo monetario internazionale (FMI) "
             "e la Banca centrale europea (BCE) tacciono; la Nato (Nato) no. Unione europea (UE), Stati Uniti (USA), "
             "Alleanza Atlantica Nord (NATO), sigla sbagliata (XYZ), una due tre quattro cinque sei sette otto nove dieci undici "
             "dodici tredici quattordici quindici (UDTQCSSONDUDTQQ), Comitato olimpico (CO) e (CO)";
  Segmenter(profile).segment(doc.text, doc.tokens, doc.sentences);
  std::vector<std::pair<std::string, std::string>> found;
  for (const AcronymLink& link : acronym_links(doc, profile)) found.emplace_back(link.acronym, link.expansion);
  std::vector<std::pair<std::string, std::string>> expected = expansions_before_brackets(doc, profile);
  // acronym_links drops the leading articles of an expansion; the spans found must agree.
  for (const auto& pair : expected) {
    const auto match = std::find_if(found.begin(), found.end(), [&](const auto& f) { return f.first == pair.first; });
    REQUIRE(match != found.end());
    CHECK(pair.second.ends_with(match->second));
  }
  CHECK(expected.size() >= 4);
  CHECK(found.size() == expected.size());
}

TEST_CASE("an acronym joins the expansion the text ties it to, in either order") {
  const AnalysisResult r = resolved({
      marked("it", "Il vertice della [ORG Csto] (l'[ORG Organizzazione del trattato per la sicurezza collettiva]) si è chiuso. La [ORG Csto] invia truppe."),
      marked("it", "L'[ORG Organizzazione del Trattato Nord Atlantico] ([ORG Nato]) risponde. La [ORG Nato] tace."),
  });
  const Entity* csto = with_alias(r, "Csto");
  REQUIRE(csto);
  CHECK(csto->name == "Organizzazione del trattato per la sicurezza collettiva");
  CHECK(csto->aliases == Names{"Csto", "Organizzazione del trattato per la sicurezza collettiva"});
  CHECK(csto->mentions == 3);
  const Entity* nato = with_alias(r, "Nato");
  REQUIRE(nato);
  CHECK(nato->name == "Organizzazione del Trattato Nord Atlantico");
  CHECK(r.entities.size() == 2);
}

TEST_CASE("across articles people meet through variants, scripts and an absent patronymic") {
  const AnalysisResult r = resolved({
      marked("it", "[PER Kassym-Jomart Tokayev] e [PER Vladimir Vladimirovic Putin] a [LOC Mosca]."),
      marked("it", "[PER Kasim Yomart Tokayev] incontra [PER Vladimir Putin].", "2022-11-25"),
      marked("en", "[PER Qasym-Zhomart Tokayev] met [PER Vladimir Vladimirovich Putin] in [LOC Moscow].", "2022-02-01"),
      marked("en", "[PER Владимир Путин] and [PER Tokayev].", "2021-12-30"),
  });
  const Entity* tokayev = with_alias(r, "Kasim Yomart Tokayev");
  REQUIRE(tokayev);
  CHECK(tokayev->name == "Kassym-Jomart Tokayev");
  CHECK(tokayev->mentions == 4);
  CHECK(tokayev->documents.size() == 4);
  CHECK(tokayev->first == "2021-12-30");
  CHECK(tokayev->last == "2022-11-25");
  const Entity* putin = with_alias(r, "Владимир Путин");
  REQUIRE(putin);
  CHECK(putin->mentions == 4);
  const Entity* moscow = with_alias(r, "Moscow");
  REQUIRE(moscow);
  CHECK(moscow == with_alias(r, "Mosca"));
  CHECK(moscow->country == "RU");
  CHECK(moscow->located);
  CHECK(r.entities.size() == 3);
}

TEST_CASE("guard rails keep different people apart") {
  SECTION("a different surname") {
    const AnalysisResult r = resolved({marked("it", "[PER Vladimir Putin] e [PER Ljudmila Putina] divorziano. [PER Putina] parla.")});
    CHECK(r.entities.size() == 2);
    CHECK(with_alias(r, "Putina") == with_alias(r, "Ljudmila Putina"));
  }
  SECTION("two people sharing a surname in one article: the surname goes to the last one named") {
    const AnalysisResult r = resolved({marked("it",
        "[PER Mario Rossi] e [PER Anna Rossi] sono fratelli. [PER Anna Rossi] parla per prima; poi [PER Rossi] aggiunge. "
        "[PER Mario Rossi] conclude e [PER Rossi] saluta.")});
    REQUIRE(r.entities.size() == 2);
    CHECK(named(r, "Anna Rossi")->mentions == 3);
    CHECK(named(r, "Mario Rossi")->mentions == 3);
  }
  SECTION("a lone surname shared by two people of the corpus stays apart") {
    const AnalysisResult r = resolved({
        marked("it", "[PER Mario Rossi] parla."),
        marked("it", "[PER Anna Rossi] risponde."),
        marked("it", "[PER Rossi] tace."),
    });
    CHECK(r.entities.size() == 3);
  }
  SECTION("a lone surname with one bearer in the corpus joins him") {
    const AnalysisResult r = resolved({marked("it", "[PER Mario Draghi] parla."), marked("it", "[PER Draghi] risponde.")});
    CHECK(r.entities.size() == 1);
  }
}

TEST_CASE("shortened names join the full name of the same article") {
  SECTION("a first name met before the full name, which claims it once") {
    const AnalysisResult r = resolved({marked("it",
        "[PER Houston] era amata. [PER Whitney Houston] cantava. [PER Irma] vince. [PER Irma Testa] ringrazia. "
        "La madre [PER Cissy Houston] piange.")});
    CHECK(named(r, "Whitney Houston")->mentions == 2);
    CHECK(named(r, "Irma Testa")->mentions == 2);
    CHECK(named(r, "Cissy Houston")->mentions == 1);
    CHECK(r.entities.size() == 3);
  }
  SECTION("a surname the tagger took for an organisation") {
    const AnalysisResult r = resolved({marked("it", "[PER Alessandro Profumo] lascia. Secondo [ORG Profumo] la banca regge.")});
    REQUIRE(r.entities.size() == 1);
    CHECK(r.entities[0].type == EntityType::person);
    CHECK(r.entities[0].mentions == 2);
  }
  SECTION("an organisation's first words, when one longer name begins with them") {
    const AnalysisResult r = resolved({marked("it",
        "La [ORG Camera dei deputati] vota; la [ORG Camera] approva. Il [ORG Tribunale speciale iracheno] e il "
        "[ORG Tribunale speciale] condannano; il [ORG Tribunale] chiude. La [ORG Lega] e la [ORG Lega Nord] con la [ORG Lega Pro].")});
    CHECK(with_alias(r, "Camera") == with_alias(r, "Camera dei deputati"));
    CHECK(with_alias(r, "Tribunale") == with_alias(r, "Tribunale speciale iracheno"));
    CHECK(with_alias(r, "Tribunale speciale") == with_alias(r, "Tribunale speciale iracheno"));
    CHECK(with_alias(r, "Lega") != with_alias(r, "Lega Nord"));  // "Lega Nord" or "Lega Pro": no guess
    CHECK(r.entities.size() == 5);
  }
}

TEST_CASE("generic institution names stay within their article, proper ones meet across articles") {
  const AnalysisResult r = resolved({
      marked("it", "Il [ORG Senato] kazako e la [ORG Procura] di Almaty; la [ORG Consob] vigila."),
      marked("it", "Il [ORG Senato] approva, la [ORG Procura] indaga, la [ORG Consob] multa."),
  });
  std::size_t senates = 0;
  for (const Entity& e : r.entities) senates += e.name == "Senato" && e.generic;
  CHECK(senates == 2);
  CHECK(named(r, "Consob")->documents.size() == 2);
  CHECK_FALSE(named(r, "Consob")->generic);
  CHECK(r.entities.size() == 5);
}

TEST_CASE("places meet their exonyms and formal names, with coordinates; demonyms are related mentions") {
  const AnalysisResult r = resolved({
      marked("it", "In [LOC Kazakistan] le truppe russe della [LOC Federazione Russa] e i manifestanti kazaki ad [LOC Almaty]."),
      marked("en", "[LOC Kazakhstan] asked [LOC Russia] for help; Russian troops reached [LOC Almaty]."),
      marked("it", "La [LOC Federazione Russia] e gli [LOC Stati Uniti d'America]; gli [LOC Usa] e gli [LOC Stati Uniti]."),
  });
  const Entity* kz = with_alias(r, "Kazakistan");
  REQUIRE(kz);
  CHECK(kz == with_alias(r, "Kazakhstan"));
  CHECK(kz->country == "KZ");
  CHECK(kz->place_kind == "country");
  CHECK(kz->related == 1);  // "kazaki"
  const Entity* ru = with_alias(r, "Russia");
  REQUIRE(ru);
  CHECK(ru->aliases == Names{"Federazione Russa", "Federazione Russia", "Russia"});
  CHECK(ru->related == 2);  // "russe", "Russian"
  const Entity* almaty = with_alias(r, "Almaty");
  REQUIRE(almaty);
  CHECK(almaty->mentions == 2);
  CHECK(almaty->country == "KZ");
  CHECK(almaty->lat_e4 / 10000 == 43);
  CHECK(almaty->lon_e4 / 10000 == 76);
  const Entity* us = with_alias(r, "Usa");
  REQUIRE(us);
  CHECK(us->aliases == Names{"Stati Uniti", "Stati Uniti d'America", "Usa"});
  CHECK(r.entities.size() == 4);
  std::size_t demonyms = 0;
  for (const Document& doc : r.documents) {
    for (const Mention& m : doc.mentions) demonyms += m.role == MentionRole::demonym;
  }
  CHECK(demonyms == 3);
}

TEST_CASE("a hyphenated pair of places is a mention of each") {
  const AnalysisResult r = resolved({marked("it", "L'asse [LOC Mosca-Astana] regge. A [LOC Mosca] e ad [LOC Astana] si brinda.")});
  REQUIRE(r.entities.size() == 2);
  CHECK(named(r, "Mosca")->mentions == 2);
  CHECK(named(r, "Astana")->mentions == 2);
  CHECK(r.documents[0].mentions.size() == 4);
}

TEST_CASE("co-occurrences count the sentences naming two entities") {
  const AnalysisResult r = resolved({marked("it",
      "[PER Vladimir Putin] a [LOC Mosca]. [PER Putin] resta a [LOC Mosca] con [PER Tokayev]. [PER Tokayev] parte.")});
  REQUIRE(r.entities.size() == 3);
  std::map<std::pair<std::string, std::string>, std::uint32_t> counts;
  for (const Cooccurrence& c : r.cooccurrences) counts[{r.entities[c.a].name, r.entities[c.b].name}] = c.count;
  CHECK(counts[{"Vladimir Putin", "Mosca"}] == 2);
  CHECK(counts[{"Vladimir Putin", "Tokayev"}] == 1);
  CHECK(counts[{"Mosca", "Tokayev"}] == 1);
  CHECK(r.cooccurrences.size() == 3);
}

TEST_CASE("corrections are parsed with a clear message for a bad entry") {
  Corrections c;
  CHECK(parse_corrections("", c).empty());
  CHECK(parse_corrections(R"([{"op":"merge","entity":"A","with":"B"},{"op":"remove","entity":"C"}])", c).empty());
  CHECK(c.size() == 2);
  CHECK(parse_corrections("{}", c) == "corrections must be a JSON list");
  CHECK(parse_corrections(R"([{"op":"merge","entity":"A"}])", c) == "correction 1: a merge needs its second name");
  CHECK(parse_corrections(R"([{"op":"retype","entity":"A","type":"X"}])", c) == "correction 1: \"type\" must be PER, LOC or ORG");
  CHECK(parse_corrections(R"([{"op":"explode","entity":"A"}])", c) == "correction 1: \"op\" must be merge, split, rename, retype or remove");
  CHECK(parse_corrections(R"([{"op":"remove"}])", c) == "correction 1: \"entity\" is missing");
}

TEST_CASE("the user's corrections apply by any name, and are reported when they cannot") {
  const auto docs = [] {
    return std::vector<Document>{
        marked("it", "[PER Vladimir Putin] e [PER V. Putin] parlano. [ORG Sputnik] scrive. Gli [ORG Occidentali] tacciono."),
        marked("it", "[PER Putin] ha detto. [PER Putina] ha risposto. [PER Vladimir Putin] tace."),
    };
  };
  const AnalysisResult before = resolved(docs());
  CHECK(before.entities.size() == 5);
  const AnalysisResult after = resolved(docs(), R"([
      {"op": "merge", "entity": "V. Putin", "with": "putin"},
      {"op": "split", "entity": "Vladimir Putin", "alias": "Putin"},
      {"op": "rename", "entity": "Sputnik", "name": "Agenzia Sputnik"},
      {"op": "retype", "entity": "agenzia sputnik", "type": "ORG"},
      {"op": "remove", "entity": "Occidentali"},
      {"op": "merge", "entity": "Nessuno", "with": "Putin"}
  ])");
  const Entity* putin = named(after, "Vladimir Putin");
  REQUIRE(putin);
  CHECK(putin->aliases == Names{"V. Putin", "Vladimir Putin"});
  const Entity* lone = named(after, "Putin");
  REQUIRE(lone);
  CHECK(lone != putin);
  CHECK(named(after, "Agenzia Sputnik"));
  CHECK(named(after, "Agenzia Sputnik")->type == EntityType::organization);
  CHECK_FALSE(with_alias(after, "Occidentali"));
  for (const Document& doc : after.documents) {
    for (const Mention& m : doc.mentions) {
      CHECK(m.entity >= 0);
      CHECK(m.entity < static_cast<std::int32_t>(after.entities.size()));
    }
  }
  REQUIRE(after.warnings.size() == 1);
  CHECK(after.warnings[0] == "correction 6: no entity is named \"Nessuno\"");
}

TEST_CASE("the same corpus in another order gives the same entities") {
  std::vector<Document> docs = {
      marked("it", "[PER Kassym-Jomart Tokayev] parla a [LOC Almaty]."),
      marked("it", "[PER Tokayev] risponde ad [LOC Astana]. [PER Rossi] annuisce."),
      marked("en", "[PER Mario Rossi] and [PER Kasim Tokaev] in [LOC Almaty]."),
  };
  const auto clusters = [](const AnalysisResult& r) {
    std::vector<Names> out;
    for (const Entity& e : r.entities) out.push_back(e.aliases);
    std::sort(out.begin(), out.end());
    return out;
  };
  const AnalysisResult forward = resolved(docs);
  std::reverse(docs.begin(), docs.end());
  const AnalysisResult backward = resolved(docs);
  CHECK(clusters(forward) == clusters(backward));
  CHECK(forward.entities.size() == 4);
}
