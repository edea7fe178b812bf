#pragma once
// Finds and normalises the temporal expressions of a document: one engine for every language,
// driven by the language's files under assets/lang/<code>/temporal/ (lexicon, rules, tense cues).
#include <string>
#include <vector>

#include "analysis/document.h"
#include "resources/resources.h"
#include "text/string_hash.h"
#include "text/word_map.h"
#include "time/grammar.h"
#include "time/lexicon.h"
#include "time/tense.h"

namespace cronaca {

class TemporalTagger {
 public:
  // Throws std::runtime_error when the language's temporal resources are missing or malformed.
  TemporalTagger(const Resources& resources, const std::string& lang);
  // known_words_ points into lexicon_.
  TemporalTagger(const TemporalTagger&) = delete;
  TemporalTagger& operator=(const TemporalTagger&) = delete;

  // Fills doc.timexes and doc.intervals, and doc.anchor_date (refining a month-precision document
  // date, or dating an undated document, when the text pins the day).
  void tag(Document& doc) const;

  static bool available(const Resources& resources, const std::string& lang);

 private:
  std::string lang_;
  TemporalLexicon lexicon_;
  TemporalGrammar grammar_;
  // What the lexicon and the rules know of a word, so that each token is looked up once.
  struct KnownWord {
    const std::vector<std::uint32_t>* lexicon_entries = nullptr;  // TemporalLexicon::starting_with
    std::uint32_t grammar_word = TemporalGrammar::kNoWord;
  };
  WordMap<KnownWord> known_words_;
  TenseCues tense_;
  char decimal_separator_ = '.';
  FutureCost future_cost_;
};

}  // namespace cronaca
