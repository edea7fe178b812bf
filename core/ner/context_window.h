#pragma once
// The second stage's view of a document: for each word form, how the first stage labelled its
// occurrences and how they were written, over a window of sentences around the current one. A
// name is usually tagged right somewhere in an article ("Vladimir Putin" after "presidente"),
// and the window carries that to its other mentions ("Putin", "Alinghi" at a sentence start).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "text/flat_table.h"
#include "ner/labels.h"
#include "ner/word_info.h"

namespace cronaca {

// What the second stage and the mention rules need of a token once the first stage has run.
struct TokenTrace {
  std::uint64_t folded = 0;
  Casing casing = Casing::symbol;
  bool initial = false;  // first word, or after an opening quote, bracket, colon or dash
  bool clitic = false;   // a short word with an apostrophe ("'s"), dropped at a mention's edge
  bool common = false;   // a "common" cue word ("Lunedì"), never a mention on its own
  std::uint8_t label = kOutside;  // the first stage's
};

struct FormCounts {
  std::array<std::uint16_t, kLabels> labels{};  // the first stage's labels of the occurrences
  std::uint16_t lower = 0;                      // occurrences written in lower case
  std::uint16_t capitalised_inner = 0;          // capitalised where the sentence does not ask for it
};

class ContextWindow {
 public:
  void clear() { counts_.clear(); }
  void add(std::span<const TokenTrace> sentence) { update(sentence, 1); }
  void remove(std::span<const TokenTrace> sentence) { update(sentence, -1); }
  // The form's other occurrences in the window: `token` itself must be in the window.
  FormCounts others(const TokenTrace& token) const;

  // Calls visit(s) for each sentence s of a document, in order, with the window holding
  // sentences s - width .. s + width (those that exist) and nothing else.
  template <class Visit>
  void slide(std::span<const std::vector<TokenTrace>> sentences, std::size_t width, Visit&& visit) {
    clear();
    const std::size_t count = sentences.size();
    for (std::size_t s = 0; s < count && s <= width; ++s) add(sentences[s]);
    for (std::size_t s = 0; s < count; ++s) {
      if (s > 0 && s + width < count) add(sentences[s + width]);
      if (s > width) remove(sentences[s - width - 1]);
      visit(s);
    }
  }

 private:
  void update(std::span<const TokenTrace> sentence, int delta);
  static std::uint32_t key(std::uint64_t folded) { return FlatTable<std::uint32_t, FormCounts>::nonzero(static_cast<std::uint32_t>(folded >> 32)); }

  FlatTable<std::uint32_t, FormCounts> counts_;
};

}  // namespace cronaca
