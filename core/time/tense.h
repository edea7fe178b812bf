#pragma once
// Tense cues of a language (assets/lang/<code>/temporal/tense.txt): words and suffixes that mark
// a clause as past or future. The temporal tagger uses them to decide whether "giovedì" lies
// before or after the document date; the event layer, whether an event happened or is announced.
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "text/word_map.h"
#include "time/resolver.h"

namespace cronaca {

class TenseCues {
 public:
  TenseCues() = default;
  // Parses tense.txt; `name` is used in error messages. Throws std::runtime_error.
  TenseCues(std::string_view text, const std::string& name);

  // The tense a case-folded word marks, or unknown.
  Tense of(std::string_view folded_word) const;

  // Whether a date right after this case-folded word lies no later than the document date ("since").
  bool since(std::string_view folded_word) const { return (kinds(folded_word) & kSince) != 0; }

  // The tense of the nearest cue to the tokens [begin, end) within their sentence, `folded` being
  // the sentence's document's tokens, case-folded. Semicolons, colons, dashes and brackets end the
  // clause the search stays in; cues at the same distance on both sides cancel out. Cues more than
  // 64 tokens away are not looked at.
  Tense near(const std::vector<std::string_view>& folded, const Sentence& sentence, std::size_t begin, std::size_t end) const;

 private:
  // The tense a token marks in its clause: a participle after a passive auxiliary ("will be held",
  // "had been scheduled") marks none, leaving the tense to the auxiliary's own cue; nor does a verb
  // after a modal or an infinitive marker ("will succeed", "to proceed"), whatever its ending, nor
  // a word past only by its ending that an agent marker follows ("markets untouched by"), nor a
  // noun after a determiner ("announced the plan": "plan" is no verb).
  Tense at(const std::vector<std::string_view>& folded, std::size_t i) const;
  // The tense a word marks, given the word's kinds.
  Tense of(std::string_view folded_word, std::uint8_t word_kinds) const;

  // The word lists a word is on, as bits: one lookup answers every question about the word.
  enum Kind : std::uint8_t {
    kPast = 1, kFuture = 2, kPassiveAuxiliary = 4, kInfinitiveMarker = 8, kAgentMarker = 16, kDeterminer = 32, kSince = 64
  };
  std::uint8_t kinds(std::string_view folded_word) const {
    const std::uint8_t* found = kinds_.find(folded_word);
    return found ? *found : 0;
  }

  WordMap<std::uint8_t> kinds_;  // looked up for every word around every date
  std::vector<std::string> past_suffixes_, future_suffixes_;
  // The last bytes of each list's suffixes: most words end in none of them and skip the list.
  std::bitset<256> past_last_bytes_, future_last_bytes_;
};

}  // namespace cronaca
