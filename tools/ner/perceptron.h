#pragma once
// The trainer's learner: an averaged structured perceptron over sparse binary features, decoded
// with the tagger's BIO-constrained Viterbi. Deterministic for a given seed.
#include <cstdint>

#include "ner/learning.h"

namespace cronaca {

struct PerceptronOptions {
  int epochs = 20;
  double dropout = 0;  // share of features hidden from each update
  std::uint64_t seed = 1;
};

// Trains on `examples` (features below `feature_count`); `report` sees the averaged model.
LinearModel train_perceptron(const std::vector<Example>& examples, std::size_t feature_count, const PerceptronOptions& options,
                             const EpochReport& report = {});

}  // namespace cronaca
