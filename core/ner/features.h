#pragma once
// The tagger's features: for each token of a sentence, a list of 32-bit keys, each the hash of a
// template and its values (the word, its neighbours, shapes, affixes, gazetteer and cue matches).
// The trainer and the tagger share this code, so a model always sees the features it was
// trained on. Keys are computed from per-token hashes (WordInfo) without building strings.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "ner/context_window.h"
#include "ner/feature_key.h"
#include "ner/phrase_lexicon.h"
#include "ner/word_info.h"
#include "text/word_map.h"

namespace cronaca {

// full: every template (a language's own model). neutral: none that name words, only shapes,
// capitalisation, gazetteers and cue classes, for languages without their own training data.
enum class FeatureSet : std::uint8_t { full = 0, neutral = 1 };

// Classes of cue phrases (lang/<code>/entity-cues.txt).
enum CueClass : std::uint8_t {
  kCueTitle = 1,         // precedes a person: "presidente", "portavoce", "Mr."
  kCueOrganisation = 2,  // heads or precedes an organisation: "agenzia", "ministero", "Inc."
  kCuePlace = 4,         // heads or precedes a place: "piazza", "città di", "Mount"
  kCueCommon = 8,        // a capitalised word that names nothing: "Lunedì", "January", "The"
};

// Classes of the names a model carries (NerModel::names).
enum NameClass : std::uint8_t {
  kNameOrganisation = 1,
  kNameGiven = 2,   // a person's first name: "Mario", "Nikol"
  kNameFamily = 4,  // a surname
};

struct EntityLexicons {
  const PhraseLexicon* places = nullptr;  // classes: 1 << PlaceKind
  const PhraseLexicon* names = nullptr;   // NameClass bits
  const PhraseLexicon* cues = nullptr;    // CueClass bits
};

// An allocator that leaves a vector's new elements uninitialised: SentenceFeatures are sized for
// the most keys a sentence can have, then written; zeroing them first cost more than writing them.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  template <class U>
  void construct(U* at) {
    ::new (static_cast<void*>(at)) U;
  }
  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
  }
};

// A tagger's weights of the small templates' keys (feature_key.h) in both stages, widened to the
// sums it keeps (kLabels of 8 lanes used): the slot's row in `sums`, by slot.
using SlotSums = std::array<std::array<std::int16_t, 8>, 2>;
struct SlotWeights {
  std::vector<std::uint32_t> rows;
  std::vector<SlotSums> sums;
};

// Keys of one sentence: token i has keys[offsets[i] .. offsets[i + 1]). With `slot_weights` (the
// tagger's way), the keys of small templates (feature_key.h) are not listed but their weights
// summed as they come: token i's in slot_totals[i].
struct SentenceFeatures {
  using Keys = std::vector<std::uint32_t, UninitialisedAllocator<std::uint32_t>>;
  const SlotWeights* slot_weights = nullptr;
  Keys keys, offsets;
  std::vector<SlotSums> slot_totals;

  std::span<const std::uint32_t> of(std::size_t token) const {
    return std::span(keys).subspan(offsets[token], offsets[token + 1] - offsets[token]);
  }
  std::size_t size() const { return offsets.size() - 1; }
};

// A token's keys are of two kinds: those of one word alone at a fixed offset from the token
// (its form, affixes, shape; the neighbours' forms and shapes), which the tagger sums once per
// word, and those of the context (casing by position, gazetteer and cue matches, bigrams).
class FeatureExtractor {
 public:
  static constexpr int kReach = 2;  // word keys come from the words at -2 .. +2
  // Word ids of the positions before the first word and after the last one.
  static constexpr std::uint32_t kBeforeSentence = 0, kAfterSentence = 1;

  FeatureExtractor(FeatureSet set, EntityLexicons lexicons);

  // Not thread-safe: the extractor keeps its per-sentence buffers. Every key of every token.
  void extract(std::span<const std::string_view> words, SentenceFeatures& out) { extract(words, out, true); }
  // Only the context keys: the word keys are word_keys() of the word_window() around each token.
  void extract_context(std::span<const std::string_view> words, SentenceFeatures& out) { extract(words, out, false); }

  // What the last extract saw of each word, for the second stage and the mention rules.
  std::span<const TokenTrace> traces() const { return traces_; }
  // The last sentence's words as ids, with kReach positions before and after it (kBeforeSentence,
  // kAfterSentence), valid until generation() changes.
  std::span<const std::uint32_t> word_window() const { return ids_; }
  std::uint64_t generation() const { return generation_; }
  // Appends the keys the word `id` gives the token `offset` (-kReach .. kReach) words away.
  void word_keys(std::uint32_t id, int offset, std::vector<std::uint32_t>& out) const;

 private:
  void extract(std::span<const std::string_view> words, SentenceFeatures& out, bool with_word_keys);
  std::uint32_t id_of(std::string_view word);

  FeatureSet set_;
  EntityLexicons lexicons_;
  static constexpr std::size_t kDescribedLimit = 1 << 17;  // words remembered, to bound memory
  WordMap<std::uint32_t> described_;                       // word -> id
  std::vector<WordInfo> words_;                            // by id
  // What the lexicons (places, names, cues) say of a word on its own, by id.
  struct Listed {
    PhraseLexicon::TokenFacts facts[3] = {};
    bool opens_clause = false;     // a mark after which a capitalised word is as good as sentence-initial
  };
  std::vector<Listed> listed_;
  // The keys a word gives as the neighbour of a token that no place or name matches (most
  // tokens): the same for every such token, so hashed once per word. By id.
  struct UnmatchedKeys {
    std::uint32_t before_place = 0, before_name = 0, after_place = 0;
  };
  std::vector<UnmatchedKeys> unmatched_;
  void add_unmatched_keys(const WordInfo& word);
  // The keys a word gave the last token it stood before and after that pair it with a value of
  // that token (casing, shape): a word's neighbours are mostly alike, so hashed again only when
  // the value changes. By id.
  struct RememberedKey {
    std::uint64_t value = 0;
    std::uint32_t key = 0;
    bool known = false;

    // The key remembered for `value`, else hash(), then remembered.
    template <class Hash>
    std::uint32_t for_value(std::uint64_t of, Hash hash) {
      if (!known || value != of) *this = {of, hash(), true};
      return key;
    }
  };
  struct NeighbourKeys {
    RememberedKey form_before, form_after;      // kFormPrev, kFormNext by casing
    RememberedKey folded_before, folded_after;  // kFoldedPrevShape, kShapeFoldedNext by shape
  };
  std::vector<NeighbourKeys> neighbour_keys_;
  std::vector<PhraseLexicon::TokenFacts> facts_[3];  // of the sentence's words, by lexicon
  std::uint64_t generation_ = 0;
  // The last sentence's, with kReach positions before and after it (see extract).
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint64_t> folded_;
  std::vector<PhraseMatch> places_, names_, cues_;
  std::vector<TokenTrace> traces_;
  std::vector<std::uint32_t> word_keys_;
  TripleKeyMemo shape_windows_;  // kShapeWindow
};

// The second stage's own keys for one sentence (context_keys.h).
void context_features(std::span<const TokenTrace> sentence, const ContextWindow& window, SentenceFeatures& out);

}  // namespace cronaca
