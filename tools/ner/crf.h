#pragma once
// A linear-chain CRF over the same features and BIO constraints as the perceptron
// (perceptron.h), trained by stochastic gradient on the log-likelihood with AdaGrad step sizes,
// an L2 penalty, and an L1 penalty that keeps the model small. The model card compares the two.
#include <cstdint>

#include "ner/learning.h"

namespace cronaca {

struct CrfOptions {
  int epochs = 10;
  double rate = 0.1;      // AdaGrad's base step
  double l2 = 1e-6;       // penalty per feature occurrence
  double l1 = 0;          // penalty per sentence
  double dropout = 0;     // share of features hidden from each update, as for the perceptron
  std::uint64_t seed = 1;
};

LinearModel train_crf(const std::vector<Example>& examples, std::size_t feature_count, const CrfOptions& options,
                      const EpochReport& report = {});

}  // namespace cronaca
