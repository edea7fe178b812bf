#pragma once
// Per-language data, loaded from resources under lang/<code>/. Adding a language means adding
// files there, not code.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"
#include "text/string_hash.h"
#include "text/word_map.h"

namespace cronaca {

struct LanguageProfile {
  std::string code;   // BCP 47, e.g. "it"
  std::string name;   // its own name, e.g. "italiano"
  bool analysed = false;  // false: known only to language detection
  StringSet stopwords;  // case-folded
  // Case-folded abbreviation (with its final period) -> whether it may end a sentence.
  StringMap<bool> abbreviations;
  std::vector<std::string> never_final_abbreviations;  // as written in the list
  // Case-folded elided prefixes that form their own token, apostrophe normalised to U+0027
  // ("l'", "dell'"); and suffix clitics split off a word ("'s", "n't").
  StringSet elisions;
  // Case-folded words that never begin a sentence after an abbreviation that may end one: the
  // time zone in "5 p.m. EST".
  StringSet continuations;
  std::vector<std::string> clitic_suffixes;
  std::string entity_model;  // resource name of its named-entity model, "" for none
  std::string entity_names;  // resource name of the name lists its model was trained with, or ""
  bool entity_names_capitalised = false;  // names always start with a capital (English, not Italian)

  bool is_stopword(std::string_view folded) const { return stopwords.find(folded) != stopwords.end(); }
};

class Languages {
 public:
  // Loads every lang/<code>/language.json found; errors name the offending file.
  static Languages load(const Resources& resources, std::vector<std::string>& errors);

  const LanguageProfile* find(std::string_view code) const;
  const std::vector<std::unique_ptr<LanguageProfile>>& all() const { return profiles_; }

  // The languages (bit i: all()[i], for the first 64) that list a case-folded word as a stopword.
  // Inline: language detection asks for every word of every document.
  std::uint64_t stopword_of(std::string_view folded) const {
    const std::uint64_t* found = stopword_languages_.find(folded);
    return found ? *found : 0;
  }

 private:
  std::vector<std::unique_ptr<LanguageProfile>> profiles_;  // sorted by code
  WordMap<std::uint64_t> stopword_languages_;               // one lookup per word, whatever the count
};

// Folds case and maps the typographic apostrophes to U+0027, the key for elision lookups.
std::string apostrophe_key(std::string_view s);

}  // namespace cronaca
