#pragma once
// Titles, honorifics and role phrases around people's names.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "lang/language.h"
#include "text/string_hash.h"

namespace cronaca {

// Titles and honorifics, the words a person's name may come with but does not include.
struct NamePrefixes {
  static constexpr std::uint8_t title = 1, honorific = 2;
  StringMap<std::uint8_t> phrases;  // folded word or phrase ("primo ministro") -> kinds
  StringSet heads;                  // first words of the phrases of two words
};

// Roles and titles around a person's name: "il presidente kazako Tokayev", "Tokayev, presidente
// del Kazakistan neo eletto", "Peskov, portavoce del Cremlino", "Russian President Putin".
// A role phrase is: up to two qualifiers (demonyms, capitalised words), a title, then a demonym
// and/or a preposition with the capitalised name of what the title is of ("del Cremlino",
// "degli Esteri russo"). One reader serves one document.
class RoleReader {
 public:
  // `demonyms` maps folded demonyms to anything; `profile` may be null.
  RoleReader(const Document& doc, const NamePrefixes& prefixes, const StringMap<std::string>& demonyms, const LanguageProfile* profile)
      : doc_(doc), prefixes_(prefixes), demonyms_(demonyms), profile_(profile) {}

  // The number of tokens of the title starting at token i ("primo ministro" is two), or 0.
  std::size_t title_at(std::size_t i) const { return phrase_at(NamePrefixes::title, i); }
  // The same for a title or an honorific ("signor"): what a name does not begin with.
  std::size_t prefix_at(std::size_t i) const { return phrase_at(NamePrefixes::title | NamePrefixes::honorific, i); }

  // The description of the name whose mention spans tokens [mention_first, last) and whose name
  // proper starts at `name_first` (after any title inside the mention): a role phrase that ends
  // right where the name begins, else one in apposition after a comma. "" when there is none.
  std::string description(std::size_t mention_first, std::size_t name_first, std::size_t last) const;

 private:
  static constexpr std::size_t kReach = 5;  // tokens before a name a role phrase may start

  std::string_view word(std::size_t i) const;
  const std::string& folded(std::size_t i) const;
  std::string text(std::size_t first, std::size_t end) const;
  std::size_t phrase_at(std::uint8_t kinds, std::size_t i) const;
  bool is_demonym(std::size_t i) const { return demonyms_.count(folded(i)) > 0; }
  bool is_capitalised(std::size_t i) const;
  bool is_function_word(std::size_t i) const;
  // The end of the role phrase starting at token i, or i when none starts there.
  std::size_t phrase_end(std::size_t i) const;

  const Document& doc_;
  const NamePrefixes& prefixes_;
  const StringMap<std::string>& demonyms_;
  const LanguageProfile* profile_;
  mutable std::vector<std::string> folded_;  // by token, filled on demand
};

}  // namespace cronaca
