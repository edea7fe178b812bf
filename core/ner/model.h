#pragma once
// A trained tagger model (models/ner-*.bin): quantised feature weights, label transitions, and
// the organisation names the training baked in, since the runtime
// cannot read the training data. Format (little-endian):
//   "CRNNER01", metadata (u32 length + UTF-8 JSON), u8 feature set,
//   (kLabels + 1) x kLabels i16 transitions (last row: sentence start),
//   varint feature count, then per feature in key order: varint key delta, u8 label mask,
//     one i8 weight per label in the mask,
//   organisation names (PhraseLexicon::write).
// Weights and transitions share one scale, so decoding adds integers only: the same bytes give
// the same tags natively and in WebAssembly.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "ner/features.h"
#include "ner/flat_table.h"
#include "ner/labels.h"
#include "ner/phrase_lexicon.h"

namespace cronaca {

using LabelWeights = std::array<std::int8_t, 8>;  // kLabels used, padded for alignment

struct NerModel {
  std::string metadata;  // JSON: language, training data, scores (the model card's numbers)
  FeatureSet feature_set = FeatureSet::full;
  std::array<std::int16_t, (kLabels + 1) * kLabels> transitions{};
  FlatTable<std::uint32_t, LabelWeights> weights;
  PhraseLexicon organisations;
};

std::string write_model(const NerModel& model);
// Returns false with a message when the bytes are not a well-formed model.
bool read_model(std::string_view bytes, NerModel& model, std::string& error);

}  // namespace cronaca
