#pragma once
// A trained tagger model (models/ner-*.bin): one or two stages of quantised feature weights and
// label transitions. Format (little-endian):
//   "CRNNER03", metadata (u32 length + UTF-8 JSON), u8 feature set, u8 context window,
//   u8 stage count, per stage: (kLabels + 1) x kLabels i16 transitions (last row: sentence
//     start), varint feature count, then per feature in key order: varint key delta,
//     u8 label mask, one i8 weight per label in the mask.
// The name lists the training baked in (the runtime cannot read the training data) are a file of
// their own (models/entity-names.bin: "CRNNAM01", then PhraseLexicon::write with NameClass
// bits), shared by every language's model, so the page downloads them once.
// Within a stage, weights and transitions share one scale, so decoding adds integers only: the
// same bytes give the same tags natively and in WebAssembly.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "ner/flat_table.h"
#include "ner/labels.h"
#include "ner/phrase_lexicon.h"

namespace cronaca {

using LabelWeights = std::array<std::int8_t, 8>;  // kLabels used, padded for alignment

struct NerStage {
  std::array<std::int16_t, (kLabels + 1) * kLabels> transitions{};
  FlatTable<std::uint32_t, LabelWeights> weights;
};

struct NerModel {
  std::string metadata;  // JSON: language, training data, scores (the model card's numbers)
  FeatureSet feature_set = FeatureSet::full;
  // The first stage tags each sentence on its own; a second, when present, also sees what the
  // first said about the same words in the `context_window` sentences before and after.
  std::uint8_t context_window = 0;
  std::vector<NerStage> stages;
  PhraseLexicon names;  // NameClass bits: read from the names file, not the model's
};

// The model without its names, and the names file.
std::string write_model(const NerModel& model);
std::string write_names(const PhraseLexicon& names);
// Return false with a message when the bytes are not well formed.
bool read_model(std::string_view bytes, NerModel& model, std::string& error);
bool read_names(std::string_view bytes, PhraseLexicon& names, std::string& error);

}  // namespace cronaca
