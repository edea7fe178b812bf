#pragma once
// Named-entity tagging of tokenised documents with BIO labels over PER, LOC and ORG: linear models
// over rich features (features.h), decoded with Viterbi under BIO constraints, in two stages: the
// second sees what the first said of the same words elsewhere in the document
// (context_window.h). Each language names its model in lang/<code>/language.json
// ("entity_model"); Italian has one trained on KIND, English uses a model of language-neutral
// features (see assets/models/README.md).
#include <array>
#include <cstdint>
#include <span>
#include <type_traits>
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "geo/places.h"
#include "lang/language.h"
#include "ner/features.h"
#include "ner/key_filter.h"
#include "ner/model.h"
#include "ner/viterbi.h"
#include "resources/resources.h"

namespace cronaca {

// The cue phrases of a language (lang/<code>/entity-cues.txt): "CLASS phrase", one per line,
// CLASS one of title, organisation, place, common. Throws std::invalid_argument for a bad line.
PhraseLexicon load_entity_cues(const Resources& resources, const LanguageProfile& profile);

// The model a language's profile names; throws std::invalid_argument when it is missing or broken.
NerModel load_entity_model(const Resources& resources, const LanguageProfile& profile);

class EntityTagger {
 public:
  // Throws std::invalid_argument when the language has no model or it is broken.
  EntityTagger(const Resources& resources, const LanguageProfile& profile, const Places& places);
  // A model held in memory (the trainer's), with its language's cues.
  EntityTagger(NerModel model, PhraseLexicon cues, const Places& places, bool capitalised_names = false);
  EntityTagger(const EntityTagger&) = delete;
  EntityTagger& operator=(const EntityTagger&) = delete;

  // Labels (labels.h) for each sentence of one document, in order, valid until the next call;
  // not thread-safe. A model with a second stage reads each sentence in the light of the
  // sentences around it, so a document is tagged whole.
  std::span<const std::vector<std::uint8_t>> tag(std::span<const std::vector<std::string_view>> sentences);

  const NerModel& model() const { return model_; }

 private:
  using Transitions = std::array<std::int32_t, (kLabels + 1) * kLabels>;

  // One token's scores in one stage, kLabels used, the eighth lane so that adding a row of
  // weights is one vector operation. 16 bits hold them: a token has at most 22 word keys and 24
  // context keys, each weight at most 128 in size, so |score| <= 46 x 128 = 5888.
  using LabelSums = std::array<std::int16_t, 8>;
  using StageSums = SlotSums;
  static_assert(std::is_same_v<StageSums, std::array<LabelSums, kMaxStages>>);
  // What a word's own keys add to a token's scores, by offset from the token and stage: summed
  // once per word rather than looked up for every token.
  using WordScores = std::array<StageSums, 2 * FeatureExtractor::kReach + 1>;

  // The first stage's emission scores of the last extracted sentence into emissions_ and, when
  // `second` is given, the second stage's (without its context keys, which come later).
  void score(const SentenceFeatures& context, std::vector<std::int32_t>* second);
  // Makes word_scores_[id] ready.
  void sum_word_scores(std::uint32_t id);
  // Adds the weights of a token's keys and slots in both stages to `sums` (one lookup per key
  // serves both).
  void add_features(const SentenceFeatures& features, std::size_t token, StageSums& sums) const;
  struct SecondStageSink;
  // Adds the weights of keys in both stages to `sums`.
  void add_keys(std::span<const std::uint32_t> keys, StageSums& sums) const;
  template <class Weight>
  static void add_weights(const std::array<Weight, 8>& weights, LabelSums& sums) {
    for (std::size_t y = 0; y < sums.size(); ++y) sums[y] = static_cast<std::int16_t>(sums[y] + weights[y]);
  }
  // Rules over the decoded labels: a mention drops punctuation at its edges (but for a closing
  // "!" after a word, as in "Yahoo !"), and one made only of "common" cue words ("Monday",
  // "American") is none; in languages that capitalise names (profile: entity_names_capitalised),
  // a mention starts with a capital or a digit.
  void apply_mention_rules(std::span<const TokenTrace> tokens, std::vector<std::uint8_t>& labels) const;

  bool capitalised_names_;
  NerModel model_;
  KeyFilter keys_held_;  // model_.weights' keys
  PhraseLexicon cues_;
  FeatureExtractor extractor_;
  std::array<Transitions, kMaxStages> transitions_{};
  std::array<LaneTransitions, kMaxStages> lane_transitions_{LaneTransitions(transitions_[0]), LaneTransitions(transitions_[1])};
  // The weights of each small template's key, by slot (feature_key.h): an index into the
  // distinct weights of the keys the model has (row 0: none), widened to sums so that adding them
  // takes no conversion.
  SlotWeights slot_weights_;
  ContextWindow window_;
  SentenceFeatures features_;
  // Per sentence of the current document.
  std::vector<std::vector<TokenTrace>> traces_;
  std::vector<std::vector<std::uint8_t>> labels_;
  std::vector<std::vector<std::int32_t>> second_emissions_;
  // By the extractor's word id, for its current generation; a word not yet summed is not ready.
  std::vector<WordScores> word_scores_;
  std::vector<std::uint8_t> word_scores_ready_;
  std::uint64_t word_scores_generation_ = 0;
  std::vector<std::uint32_t> word_keys_;
  std::vector<std::int32_t> emissions_, best_;
  std::vector<std::uint8_t> back_;
};

// Appends the mentions described by one label per token (an I- without its B- starts a mention).
void append_mentions(std::span<const Token> tokens, std::span<const std::uint8_t> labels, std::vector<Mention>& out);

}  // namespace cronaca
