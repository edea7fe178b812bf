#pragma once
// Figures: counts attached to the noun they count, with their qualifier. "Sono almeno 164 le
// persone morte, 103 delle quali ad Almaty", "più di 2200 persone sono rimaste ferite", "quasi
// 8000 sono state arrestate", "decine di morti", "le vittime sono sette", "seven dead".
#include <span>
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "events/event_lexicon.h"

namespace cronaca {

// The tokens of one sentence, as the event layer reads them.
struct SentenceView {
  const Document& doc;
  std::uint32_t doc_index = 0;
  std::span<const std::string_view> folded;  // the document's tokens, case-folded
  std::size_t first = 0, end = 0;            // the sentence's tokens
  std::span<const std::uint8_t> in_timex;    // per document token: 1 inside a temporal expression
  std::span<const std::int32_t> mention_at;  // per document token: index into doc.mentions, or -1
  std::span<const std::uint16_t> kinds;      // per document token: EventLexicon::kinds_at
};

// The figures of a sentence, in text order. A part ("103 delle quali") takes the kind of the
// figure before it in the same sentence.
std::vector<Figure> read_figures(const SentenceView& sentence, const EventLexicon& lexicon);

}  // namespace cronaca
