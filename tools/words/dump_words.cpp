// Build step: writes the words the temporal and event lexicons take from ICU's CLDR data (month
// and weekday names, numbers spelled out), for each language with a temporal.json, so that the
// core reads them from the resource pack and the browser's build links none of ICU's calendar and
// number formatting (RuleBasedNumberFormat alone brings decimal formatting and collation):
//   dump_words ASSETS OUT_DIR     -> OUT_DIR/words/LANG.txt
// Format (one item a line, fields separated by a tab; `#` starts a comment line):
//   calendar  NAMES  INDEX  NAME     NAMES: {format,standalone}-{months,short-months,weekdays},
//                                    in that order, every index ICU gives (weekday 0 is empty)
//   spellout  RULE-SET  NUMBER  WORDS   every rule set of temporal.json (cardinal, then ordinal),
//                                    numbers 0-100, round hundreds and thousands to 10,000, as
//                                    ICU's spell-out writes them, soft hyphens removed
#include <unicode/dtfmtsym.h>
#include <unicode/rbnf.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "text/utf8.h"
#include "time/number_words.h"

namespace fs = std::filesystem;

namespace {

bool dump(const std::string& lang, const nlohmann::json& config, std::ostream& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols{icu::Locale(lang.c_str()), status};
  if (U_FAILURE(status)) {
    std::cerr << "dump_words: ICU has no calendar names for " << lang << ": " << u_errorName(status) << "\n";
    return false;
  }
  out << "# Written by tools/words/dump_words.cpp from ICU " << U_ICU_VERSION << " (CLDR): calendar names and spelled-out numbers.\n";
  for (const auto& [context, context_name] : {std::pair{icu::DateFormatSymbols::FORMAT, "format"}, std::pair{icu::DateFormatSymbols::STANDALONE, "standalone"}}) {
    int32_t count = 0;
    const auto write = [&](const char* names, const icu::UnicodeString* items) {
      for (int32_t i = 0; i < count; ++i) out << "calendar\t" << context_name << '-' << names << '\t' << i << '\t' << cronaca::to_utf8(items[i]) << '\n';
    };
    const icu::UnicodeString* items = symbols.getMonths(count, context, icu::DateFormatSymbols::WIDE);
    write("months", items);
    items = symbols.getMonths(count, context, icu::DateFormatSymbols::ABBREVIATED);
    write("short-months", items);
    items = symbols.getWeekdays(count, context, icu::DateFormatSymbols::WIDE);
    write("weekdays", items);
  }

  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), status);
  if (U_FAILURE(status)) {
    std::cerr << "dump_words: ICU has no spell-out rules for " << lang << ": " << u_errorName(status) << "\n";
    return false;
  }
  std::vector<std::string> sets = config.value("cardinal_rule_sets", std::vector<std::string>{});
  for (const std::string& set : config.value("ordinal_rule_sets", std::vector<std::string>{})) sets.push_back(set);
  for (const std::string& set : sets) {
    status = U_ZERO_ERROR;
    spellout.setDefaultRuleSet(icu::UnicodeString::fromUTF8(set), status);
    if (U_FAILURE(status)) {
      std::cerr << "dump_words: ICU spell-out rule set " << set << " is unknown for " << lang << "\n";
      return false;
    }
    for (int n : cronaca::kSpelledNumbers) {
      icu::UnicodeString words;
      spellout.format(static_cast<int32_t>(n), words);
      // Italian rules mark hyphenation points in compounds ("venti\u00ADquattro"); text has none.
      words.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00AD)), icu::UnicodeString());
      out << "spellout\t" << set << '\t' << n << '\t' << cronaca::to_utf8(words) << '\n';
    }
  }
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dump_words ASSETS OUT_DIR\n";
    return 2;
  }
  const fs::path out_dir = fs::path(argv[2]) / "words";
  fs::create_directories(out_dir);
  for (const auto& entry : fs::directory_iterator(fs::path(argv[1]) / "lang")) {
    const fs::path config_path = entry.path() / "temporal" / "temporal.json";
    if (!fs::exists(config_path)) continue;
    std::ifstream config_file(config_path);
    const auto config = nlohmann::json::parse(std::string((std::istreambuf_iterator<char>(config_file)), std::istreambuf_iterator<char>()), nullptr, false);
    if (config.is_discarded()) {
      std::cerr << "dump_words: " << config_path << " is not valid JSON\n";
      return 1;
    }
    const std::string lang = entry.path().filename().string();
    std::ofstream out(out_dir / (lang + ".txt"), std::ios::binary);
    if (!dump(lang, config, out)) return 1;
  }
  return 0;
}
