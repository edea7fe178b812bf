#include "time/lexicon.h"

#include "time/number_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "lang/language.h"
#include "text/utf8.h"

namespace cronaca {

namespace {

constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "MONTH", "MONTHABBR", "WEEKDAY", "NUM", "ORD", "DAY", "MONTHNUM", "YEAR", "HOUR", "MINUTE",
    "CLOCK", "DECADE", "DECADENUM", "ROMAN", "DAYREF", "UNIT", "SHIFT", "THIS", "AGO", "LATER", "EARLIER",
    "REF", "PART", "SEASON", "MOD", "QUANT", "HOLIDAY", "AMPM", "SETWORD", "HALF", "DECADEWORD",
    "CENTURYWORD", "LISTSEP", "RANGESEP", "RANGEOPEN", "TZ", "POSMOD"};

// Closed vocabularies of TimeML, so a typo in a data file is an error, not a silent new value.
constexpr std::array<std::string_view, 12> kUnits = {"Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "HALF", "WE"};
constexpr std::array<std::string_view, 4> kSeasons = {"SP", "SU", "FA", "WI"};
constexpr std::array<std::string_view, 5> kParts = {"MO", "AF", "EV", "NI", "DT"};
constexpr std::array<std::string_view, 3> kRefs = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"};
constexpr std::array<std::string_view, 12> kMods = {"START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN",
                                                    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "BEFORE", "AFTER",
                                                    "ON_OR_BEFORE", "ON_OR_AFTER"};
constexpr std::array<std::string_view, 2> kQuants = {"EVERY", "EACH"};

template <std::size_t N>
std::string_view canonical(const std::array<std::string_view, N>& allowed, std::string_view value) {
  for (std::string_view candidate : allowed) {
    if (candidate == value) return candidate;
  }
  return {};
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  bool negative = text[0] == '-';
  std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size()) return false;
  long value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || value > 100000000) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = static_cast<int>(negative ? -value : value);
  return true;
}

// Folded, with the accents removed: "lunedì" is often typed "lunedi".
std::string without_accents(std::string_view folded) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(folded);
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(folded), status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    if (u_getCombiningClass(decomposed.charAt(i)) == 0) stripped.append(decomposed.charAt(i));
  }
  return to_utf8(stripped);
}

}  // namespace

bool category_from_name(std::string_view name, Category& category) {
  for (std::size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) {
      category = static_cast<Category>(i);
      return true;
    }
  }
  return false;
}

const char* category_name(Category category) { return kCategoryNames[static_cast<std::size_t>(category)].data(); }

std::string apply_meaning_flag(Meaning& m, std::string_view key, std::string_view value, std::deque<std::string>& store) {
  const auto integer = [&](int& field) -> std::string {
    return parse_int(value, field) ? "" : "\"" + std::string(value) + "\" is not a whole number";
  };
  const auto closed = [&](std::string_view& field, std::string_view found) -> std::string {
    if (found.empty()) return "\"" + std::string(value) + "\" is not a valid " + std::string(key);
    field = found;
    return "";
  };
  if (key == "year") return integer(m.year);
  if (key == "month") return integer(m.month);
  if (key == "day") return integer(m.day);
  if (key == "weekday") return integer(m.weekday);
  if (key == "decade") return integer(m.decade);
  if (key == "century") return integer(m.century);
  if (key == "quarter") return integer(m.quarter);
  if (key == "half") return integer(m.half);
  if (key == "hour") return integer(m.hour);
  if (key == "minute") return integer(m.minute);
  if (key == "offset") return integer(m.day_offset);
  if (key == "shift") return integer(m.shift);
  if (key == "easter") return integer(m.easter_offset);
  if (key == "ordinal") return integer(m.ordinal);
  if (key == "year_base") return integer(m.year_base);
  if (key == "quantity") {
    // Whole or with one decimal part: "0.5" for "mezz'ora".
    const std::size_t dot = value.find('.');
    int whole = 0, tenths = 0;
    if (!parse_int(value.substr(0, dot), whole) ||
        (dot != std::string_view::npos && (value.size() != dot + 2 || !parse_int(value.substr(dot + 1), tenths)))) {
      return "\"" + std::string(value) + "\" is not a quantity";
    }
    m.quantity = whole + tenths / 10.0;
    m.has_quantity = true;
    return "";
  }
  if (key == "vague") return (m.vague = true, "");
  if (key == "partial") return (m.partial = true, "");
  if (key == "ignore") return (m.ignore = true, "");
  if (key == "reported") return (m.reported = true, "");
  if (key == "half_more") return (m.half_more = true, "");
  if (key == "pm") return (m.pm = true, "");
  if (key == "am") return (m.am = true, "");
  if (key == "unit") return closed(m.unit, canonical(kUnits, value));
  if (key == "season") return closed(m.season, canonical(kSeasons, value));
  if (key == "part") return closed(m.part, canonical(kParts, value));
  if (key == "ref") return closed(m.ref, canonical(kRefs, value));
  if (key == "mod") return closed(m.mod, canonical(kMods, value));
  if (key == "quant") return closed(m.quant, canonical(kQuants, value));
  if (key == "relation") {
    if (value == "ago") m.relation = Relation::ago;
    else if (value == "later") m.relation = Relation::later;
    else if (value == "earlier") m.relation = Relation::earlier;
    else return "\"" + std::string(value) + "\" is not ago, later or earlier";
    return "";
  }
  if (key == "value") {
    store.emplace_back(value);
    m.value = store.back();
    return "";
  }
  return "unknown field \"" + std::string(key) + "\"";
}

std::vector<std::string> phrase_tokens(std::string_view phrase) {
  std::vector<std::string> tokens;
  std::string current;
  const auto flush = [&] {
    if (!current.empty()) tokens.push_back(apostrophe_key(current));
    current.clear();
  };
  for (char c : phrase) {
    if (c == ' ' || c == '\t') {
      flush();
    } else if (c == '-') {
      flush();
      tokens.emplace_back("-");
    } else {
      current.push_back(c);
    }
  }
  flush();
  return tokens;
}

void TemporalLexicon::add(LexiconEntry entry) {
  if (entry.tokens.empty()) return;
  by_first_token_[entry.tokens.front()].push_back(static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
}

void TemporalLexicon::add_calendar_names(const Resources& resources, const std::string& lang, bool capitalised) {
  const auto add_names = [&](const std::vector<std::string>& names, Category category, int first_index, auto&& field) {
    for (int i = first_index; i < static_cast<int>(names.size()); ++i) {
      const std::string folded = apostrophe_key(names[static_cast<std::size_t>(i)]);
      if (folded.empty()) continue;
      std::vector<std::string> forms = {folded};
      if (std::string plain = without_accents(folded); plain != folded) forms.push_back(std::move(plain));
      for (const std::string& form : forms) {
        LexiconEntry entry{category, capitalised, {}, {form}};
        field(entry.meaning, i);
        if (category == Category::month_abbr) {
          add(entry);
          entry.tokens = {form + "."};  // "gen.", "Jan."
        }
        add(std::move(entry));
      }
    }
  };
  for (const std::string context : {"format-", "standalone-"}) {
    add_names(calendar_names(resources, lang, context + "months"), Category::month, 0, [](Meaning& m, int i) { m.month = i + 1; });
    add_names(calendar_names(resources, lang, context + "short-months"), Category::month_abbr, 0,
              [](Meaning& m, int i) { m.month = i + 1; });
    // ICU numbers weekdays from Sunday = 1; index 0 is empty.
    add_names(calendar_names(resources, lang, context + "weekdays"), Category::weekday, 1,
              [](Meaning& m, int i) { m.weekday = i == 1 ? 7 : i - 1; });
  }
}

void TemporalLexicon::add_number_words(const Resources& resources, const std::string& lang,
                                       const std::vector<std::string>& cardinal_sets, const std::vector<std::string>& ordinal_sets) {
  // Temporal expressions count to a hundred or so; round hundreds and thousands are enough beyond.
  for (SpelledNumber& number : spelled_numbers(resources, lang, cardinal_sets, 10000)) {
    LexiconEntry entry{Category::num, false, {}, std::move(number.tokens)};
    entry.meaning.quantity = number.value;
    entry.meaning.has_quantity = true;
    add(std::move(entry));
  }
  for (SpelledNumber& number : spelled_numbers(resources, lang, ordinal_sets, 100)) {
    LexiconEntry entry{Category::ord, false, {}, std::move(number.tokens)};
    entry.meaning.ordinal = number.value;
    add(std::move(entry));
  }
}

TemporalLexicon::TemporalLexicon(const Resources& resources, const std::string& lang) {
  const std::string dir = "lang/" + lang + "/temporal/";
  const std::string* config_text = resources.find(dir + "temporal.json");
  const std::string* lexicon_text = resources.find(dir + "lexicon.txt");
  if (!config_text || !lexicon_text) throw std::runtime_error("no temporal resources for \"" + lang + "\"");
  nlohmann::json config;
  try {
    config = nlohmann::json::parse(*config_text);
    add_calendar_names(resources, lang, config.value("capitalised_calendar_names", false));
    add_number_words(resources, lang, config.value("cardinal_rule_sets", std::vector<std::string>{}),
                     config.value("ordinal_rule_sets", std::vector<std::string>{}));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(dir + "temporal.json: " + e.what());
  }

  std::size_t line_number = 0;
  std::size_t pos = 0;
  const std::string_view text = *lexicon_text;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (const auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto fail = [&](const std::string& message) {
      throw std::runtime_error(dir + "lexicon.txt:" + std::to_string(line_number) + ": " + message);
    };
    // phrase TAB CATEGORY [TAB key=value ...]
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) fail("expected a phrase, a tab and a category");
    LexiconEntry entry;
    entry.tokens = phrase_tokens(fold_case(trim(line.substr(0, tab))));
    std::string_view rest = trim(line.substr(tab + 1));
    const std::size_t space = rest.find_first_of(" \t");
    const std::string_view category = rest.substr(0, space);
    if (!category_from_name(category, entry.category)) fail("unknown category " + std::string(category));
    rest = space == std::string_view::npos ? std::string_view{} : trim(rest.substr(space));
    for (std::string_view flag : list_words(rest)) {
      const std::size_t equals = flag.find('=');
      const std::string_view key = flag.substr(0, equals);
      const std::string_view value = equals == std::string_view::npos ? std::string_view{} : flag.substr(equals + 1);
      if (key == "capitalised") {
        entry.capitalised = true;
        continue;
      }
      if (const std::string error = apply_meaning_flag(entry.meaning, key, value, store_); !error.empty()) fail(error);
    }
    add(std::move(entry));
  }
}

}  // namespace cronaca
