#pragma once
// Events of one document: each sentence (or clause) anchored in time becomes an event, dated by
// the temporal expression that governs it, or by the document's date for statements that carry
// none; sentences that go on telling the same happening add their figures and participants to
// it. Cross-article merging is event_merger.h's.
#include <string>
#include <vector>

#include "analysis/document.h"
#include "events/event_lexicon.h"
#include "lang/language.h"
#include "resources/resources.h"
#include "text/word_map.h"
#include "time/tense.h"

namespace cronaca {

// A headline from a stretch of text: one line, capitalised, cut at a word when long.
std::string headline_text(std::string_view text);

// Which categories an article may go on with while telling one happening (events/categories.txt).
class CategoryRelations {
 public:
  explicit CategoryRelations(const Resources& resources);
  // Whether a sentence of category `later` may go on telling an event of category `earlier`.
  bool related(std::string_view later, std::string_view earlier) const;
  // A category that goes with anything ("statement"), so says little about which happening it is.
  bool says_little(std::string_view category) const { return to_all_.count(category) > 0; }

 private:
  StringMap<StringSet> related_;
  StringSet to_all_;
};

class EventBuilder {
 public:
  // Throws std::runtime_error when the language's event or tense words are missing or malformed.
  // `profile` (for function words) may be null.
  EventBuilder(const Resources& resources, const std::string& lang, const CategoryRelations& relations, const LanguageProfile* profile);
  static bool available(const Resources& resources, const std::string& lang);

  // Appends the events of result.documents[doc] to `out`, one per happening told in it.
  void build(const AnalysisResult& result, std::uint32_t doc, std::vector<Event>& out) const;

  // What a word is whatever its context, looked up once as written: most words recur.
  struct WordFacts {
    std::string folded;  // apostrophe_key
    Tense tense = Tense::unknown;
    EventLexicon::Starts starts;  // of phrases
  };
  using WordCache = WordMap<WordFacts>;

 private:
  EventLexicon lexicon_;
  TenseCues tense_;
  const CategoryRelations& relations_;
  const LanguageProfile* profile_;
  mutable WordCache words_;  // grows with the vocabulary, not with the corpus
};

}  // namespace cronaca
