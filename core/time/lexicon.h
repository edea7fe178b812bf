#pragma once
// The words a language uses to talk about time, each with the category rules refer to it by and
// the Meaning it carries. Month and weekday names come from ICU's CLDR data, numbers written as
// words from ICU's spell-out rules, everything else from assets/lang/<code>/temporal/lexicon.txt.
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"
#include "text/word_map.h"
#include "time/meaning.h"

namespace cronaca {

// Categories are the vocabulary of rules.txt. Built-in ones are recognised from the digits of a
// token; the others come from lexicon entries.
enum class Category : std::uint8_t {
  // From ICU
  month, month_abbr, weekday,
  // Built in, from digits (NUM also covers number words)
  num, ord, day, month_num, year, hour, minute, clock, decade, decade_num, roman,
  // From lexicon.txt
  dayref, unit, shift, this_, ago, later, earlier, ref, part, season, mod, quant, holiday, ampm,
  setword, half, decade_word, century_word, list_sep, range_sep, range_open, time_zone, position, count
};
constexpr std::size_t kCategoryCount = static_cast<std::size_t>(Category::count);

// "MONTH" -> Category::month; false when the name is unknown.
bool category_from_name(std::string_view name, Category& category);
const char* category_name(Category category);

// Sets the Meaning field named `key` ("offset", "unit", "mod", ...) from its text. Strings live
// in `store`. Returns an error message, or "" when it applied.
std::string apply_meaning_flag(Meaning& meaning, std::string_view key, std::string_view value,
                               std::deque<std::string>& store);

struct LexiconEntry {
  Category category;
  bool capitalised = false;  // the first token must start with a capital letter (English "May")
  Meaning meaning;
  std::vector<std::string> tokens;  // case-folded, apostrophes as U+0027
};

class TemporalLexicon {
 public:
  // Reads lang/<code>/temporal/{lexicon.txt,temporal.json}; throws std::runtime_error naming the
  // file and line of any problem.
  TemporalLexicon(const Resources& resources, const std::string& lang);

  // Entries whose tokens are `folded[at...]`, of those `starting` with folded[at] (starting_with
  // gives them, for the caller to look each word up once); `capitalised(at)` tells whether the
  // original token starts with a capital letter.
  template <class Visit, class Capitalised>
  void lookup(const std::vector<std::uint32_t>& starting, const std::vector<std::string_view>& folded, std::size_t at,
              Capitalised&& capitalised, Visit&& visit) const {
    for (std::uint32_t index : starting) {
      const LexiconEntry& entry = entries_[index];
      if (at + entry.tokens.size() > folded.size()) continue;
      bool same = true;
      for (std::size_t k = 1; k < entry.tokens.size() && same; ++k) same = folded[at + k] == entry.tokens[k];
      if (same && (!entry.capitalised || capitalised(at))) visit(entry);
    }
  }

  std::size_t size() const { return entries_.size(); }
  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // The entries whose first token is `folded_word`, as lookup takes them; null when none.
  const std::vector<std::uint32_t>* starting_with(std::string_view folded_word) const { return by_first_token_.find(folded_word); }

 private:
  void add(LexiconEntry entry);
  void add_calendar_names(const Resources& resources, const std::string& lang, bool capitalised);
  void add_number_words(const Resources& resources, const std::string& lang, const std::vector<std::string>& cardinal_sets,
                        const std::vector<std::string>& ordinal_sets);

  std::vector<LexiconEntry> entries_;
  WordMap<std::vector<std::uint32_t>> by_first_token_;
  std::deque<std::string> store_;  // strings Meaning fields point to
};

// Splits a phrase into the tokens the segmenter would produce for it: at spaces, and around
// hyphens, keeping an elided article's apostrophe on its word ("l'altro" -> "l'" "altro").
std::vector<std::string> phrase_tokens(std::string_view phrase);

}  // namespace cronaca
