#pragma once
// Named-entity tagging of tokenised sentences with BIO labels over PER, LOC and ORG: a linear model
// over rich features (features.h), decoded with Viterbi under BIO constraints. Each language names
// its model in lang/<code>/language.json ("entity_model"); Italian has one trained on KIND, English
// uses a model of language-neutral features (see assets/models/README.md).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/document.h"
#include "geo/places.h"
#include "lang/language.h"
#include "ner/features.h"
#include "ner/model.h"
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

  // Labels (labels.h) for one sentence, valid until the next call; not thread-safe.
  std::span<const std::uint8_t> tag(std::span<const std::string_view> words);

  const NerModel& model() const { return model_; }

 private:
  // Rules over the decoded labels: a mention drops punctuation at its edges, and one made only
  // of "common" cue words ("Monday", "American") is none; in languages that capitalise names
  // (profile: entity_names_capitalised), a mention starts with a capital or a digit.
  void apply_mention_rules();

  bool capitalised_names_;
  NerModel model_;
  PhraseLexicon cues_;
  FeatureExtractor extractor_;
  SentenceFeatures features_;
  std::array<std::int32_t, (kLabels + 1) * kLabels> transitions_{};
  std::vector<std::int32_t> emissions_, best_;
  std::vector<std::uint8_t> back_, labels_;
};

// Appends the mentions described by one label per token (an I- without its B- starts a mention).
void append_mentions(std::span<const Token> tokens, std::span<const std::uint8_t> labels, std::vector<Mention>& out);

}  // namespace cronaca
