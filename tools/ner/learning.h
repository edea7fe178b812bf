#pragma once
// What the trainer's learners share (perceptron.h, crf.h): training examples as feature indices,
// float models, decoding under the tagger's BIO constraints, and the seeded epoch loop.
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "ner/labels.h"

namespace cronaca {

// One sentence: for each token, its features as indices into the weight table, and the gold labels.
struct Example {
  std::vector<std::uint32_t> features;
  std::vector<std::uint32_t> offsets;  // token t has features[offsets[t] .. offsets[t + 1])
  std::vector<std::uint8_t> labels;
};

// Float weights, kLabels per feature, and (kLabels + 1) x kLabels transitions.
struct LinearModel {
  std::vector<double> weights, transitions;
};

// Called after each epoch with its number, the sentences still wrong, and the model so far.
using EpochReport = std::function<void(int, std::size_t, const LinearModel&)>;

// The best label sequence for one example under a float model.
std::vector<std::uint8_t> decode(const Example& x, const LinearModel& model);

// Runs `epochs` passes over the examples, each in a new order drawn from `seed`: the learner's
// learn(x) returns whether it got x wrong, model() gives its current model.
template <class Learner>
LinearModel train_epochs(Learner& learner, const std::vector<Example>& examples, int epochs, std::uint64_t seed, const EpochReport& report) {
  std::mt19937_64 random(seed);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with the generator's raw output: std::shuffle's algorithm differs between
    // standard libraries, and the order must not.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    std::size_t wrong = 0;
    for (std::size_t i : order) wrong += learner.learn(examples[i]) ? 1 : 0;
    if (report) report(epoch, wrong, learner.model());
  }
  return learner.model();
}

}  // namespace cronaca
