#pragma once
// A trained tagger model (models/ner-*.bin): one or two stages of quantised feature weights and
// label transitions. The second stage sees the first stage's features too, so the stages share one
// table: a key is stored once and one lookup gives its weights in every stage. Format
// (little-endian):
//   "CRNNER05", metadata (u32 length + UTF-8 JSON), u8 feature set, u8 context window,
//   u8 stage count, per stage (kLabels + 1) x kLabels i16 transitions (last row: sentence
//   start), varint feature count, u8 key shift, then a u32 length and the features range-coded
//   (resources/range_coder.h) in key order: the gap from the previous key (GapCoder with that
//   shift) and, per stage, the mask of labels with a weight (in the context of the previous
//   stage's mask) and each of those i8 weights (in the context of stage, label, the row's
//   previous weight and the row's label count or the previous stage's weight for the label).
//   The hashed keys and small weights are most of the file; coded this way they take 0.72 MB,
//   where gzip made 0.99 MB of the earlier varint layout (CRNNER04).
// The name lists the training baked in (the runtime cannot read the training data) are a file of
// their own (models/entity-names.bin: "CRNNAM02", then PhraseLexicon::write with NameClass
// bits), shared by every language's model, so the page downloads them once.
// Within a stage, weights and transitions share one scale, so decoding adds integers only: the
// same bytes give the same tags natively and in WebAssembly.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "text/flat_table.h"
#include "ner/labels.h"
#include "ner/phrase_lexicon.h"

namespace cronaca {

inline constexpr std::size_t kMaxStages = 2;

using LabelWeights = std::array<std::int8_t, 8>;  // kLabels used, padded for alignment
using StageWeights = std::array<LabelWeights, kMaxStages>;
using StageTransitions = std::array<std::int16_t, (kLabels + 1) * kLabels>;

struct NerModel {
  std::string metadata;  // JSON: language, training data, scores (the model card's numbers)
  FeatureSet feature_set = FeatureSet::full;
  // The first stage tags each sentence on its own; a second, when present, also sees what the
  // first said about the same words in the `context_window` sentences before and after.
  std::uint8_t context_window = 0;
  std::uint8_t stages = 0;
  std::array<StageTransitions, kMaxStages> transitions{};
  FlatTable<std::uint32_t, StageWeights> weights;  // a stage's weights are zero where it lacks the feature
  PhraseLexicon names;  // NameClass bits: read from the names file, not the model's

  void set_weights(std::size_t stage, std::uint32_t key, const LabelWeights& label_weights) {
    weights.insert(key, StageWeights{})[stage] = label_weights;
  }
};

// The model without its names, and the names file.
std::string write_model(const NerModel& model);
std::string write_names(const PhraseLexicon& names);
// Return false with a message when the bytes are not well formed.
bool read_model(std::string_view bytes, NerModel& model, std::string& error);
bool read_names(std::string_view bytes, PhraseLexicon& names, std::string& error);

}  // namespace cronaca
