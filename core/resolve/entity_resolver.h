#pragma once
// Entity resolution: the mentions of every document become entities, one per real-world person,
// place and organisation, across spellings, scripts and articles.
//
// Within a document, a surname joins the full name introduced before it and an acronym joins the
// expansion the text gives it. Across documents, people meet by the keys of their first and last
// names (NameKeys), places by the gazetteer place they name, organisations by their name or
// acronym. Demonyms ("kazako", "Russians") become related mentions of their country. The user's
// corrections (corrections.h) are applied last. Cost grows with the number of mentions: every
// comparison goes through a hash table.
#include <bitset>
#include <memory>
#include <span>
#include <string>

#include "analysis/document.h"
#include "geo/places.h"
#include "lang/language.h"
#include "resolve/corrections.h"
#include "resolve/name_keys.h"
#include "resolve/roles.h"
#include "resources/resources.h"
#include "text/string_hash.h"

namespace cronaca {

class EntityResolver {
 public:
  // `places` may be null (no gazetteer): places then meet by name only.
  EntityResolver(const Resources& resources, const Languages& languages, const Places* places);
  ~EntityResolver();

  // Fills result.entities and result.cooccurrences, sets each mention's entity, and adds the
  // demonym mentions. Problems with corrections go to result.warnings.
  void resolve(AnalysisResult& result, const Corrections& corrections) const;

 private:
  struct LanguageData {
    NamePrefixes prefixes;           // titles ("presidente", "primo ministro") and honorifics ("signor")
    StringMap<std::string> demonyms;  // folded form -> country code
    // A cheap test that rules out most words before folding them: the first two letters of the
    // demonyms (case-blind; any word not in ASCII passes) and their lengths in bytes.
    std::bitset<27 * 27> demonym_starts;
    std::pair<std::size_t, std::size_t> demonym_lengths{SIZE_MAX, 0};
    static std::size_t start_of(std::string_view word) {
      const auto letter = [&](std::size_t i) -> std::size_t {
        const unsigned char c = i < word.size() ? static_cast<unsigned char>(word[i] | 0x20) : 0;
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;  // 0: not an ASCII letter
      };
      return letter(0) * 27 + letter(1);
    }
    bool may_be_demonym(std::string_view word) const {
      if (word.size() < demonym_lengths.first || word.size() > demonym_lengths.second) return false;
      const std::size_t start = start_of(word);
      return start < 27 || start % 27 == 0 || demonym_starts.test(start);
    }
    StringSet generic_words;          // "senato", "procura": names made of them stay in their article
    const LanguageProfile* profile = nullptr;
  };
  const LanguageData* language(const std::string& code) const;

  // What a name's words say, whatever the document: its keys, the gazetteer place it names
  // (directly, as another name of a country, or as a state's formal name), and whether it is a
  // generic institution ("Procura"). Computed once per name and language, kept in `known`.
  struct NameFacts {
    const std::vector<std::string>* keys = nullptr;
    std::string name_key;  // keys joined by spaces
    std::int32_t place = -1;
    bool generic = false;
  };
  // `scratch` holds the key while it is looked up.
  const NameFacts& facts_of(const LanguageData& lang, std::span<const std::string_view> words, StringMap<NameFacts>& known,
                            std::string& scratch) const;

  const Resources& resources_;
  const Languages& languages_;
  const Places* places_;
  NameKeys keys_;
  StringMap<std::string> country_aliases_;  // folded name -> country code
  StringMap<std::int32_t> country_places_;   // country code -> its gazetteer place
  StringSet state_words_;
  mutable std::map<std::string, std::unique_ptr<LanguageData>> languages_data_;
};

}  // namespace cronaca
