#include "ner/perceptron.h"

#include <array>
#include <random>

#include "ner/viterbi.h"

namespace cronaca {

namespace {

class Perceptron {
 public:
  Perceptron(std::size_t features, double dropout, std::uint64_t seed)
      : weights_(features * kLabels), totals_(features * kLabels), dropout_(static_cast<std::uint64_t>(dropout * 65536)), random_(seed) {}

  // Trains on one example; returns whether the prediction was wrong. With dropout, a random share
  // of the features is left out of both the prediction and the update, so that the model cannot
  // lean on word identities alone (they are what is missing for unseen names).
  bool learn(const Example& x) {
    const std::size_t n = x.labels.size();
    emissions_.assign(n * kLabels, 0);
    kept_.resize(x.features.size());
    for (std::size_t i = 0; i < kept_.size(); ++i) kept_[i] = dropout_ == 0 || (random_() & 0xFFFF) >= dropout_;
    for (std::size_t t = 0; t < n; ++t) {
      for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
        if (!kept_[i]) continue;
        const std::int32_t* w = &weights_[static_cast<std::size_t>(x.features[i]) * kLabels];
        for (int y = 0; y < kLabels; ++y) emissions_[t * kLabels + y] += w[y];
      }
    }
    predicted_.resize(n);
    viterbi<std::int32_t>(emissions_, transitions_, predicted_, best_, back_);
    bool wrong = false;
    for (std::size_t t = 0; t < n; ++t) {
      const int gold_previous = t ? x.labels[t - 1] : kLabels, predicted_previous = t ? predicted_[t - 1] : kLabels;
      if (x.labels[t] != predicted_[t]) {
        wrong = true;
        for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
          if (!kept_[i]) continue;
          const std::size_t row = static_cast<std::size_t>(x.features[i]) * kLabels;
          update(weights_, totals_, row + x.labels[t], 1);
          update(weights_, totals_, row + predicted_[t], -1);
        }
      }
      if (x.labels[t] != predicted_[t] || gold_previous != predicted_previous) {
        update(transitions_, transition_totals_, gold_previous * kLabels + x.labels[t], 1);
        update(transitions_, transition_totals_, predicted_previous * kLabels + predicted_[t], -1);
      }
    }
    ++step_;
    return wrong;
  }

  // The averaged weights: each weight's mean over every step so far.
  LinearModel model() const {
    return {average(weights_, totals_), average(std::vector<std::int32_t>(transitions_.begin(), transitions_.end()),
                                                std::vector<std::int64_t>(transition_totals_.begin(), transition_totals_.end()))};
  }

 private:
  template <class Weights, class Totals>
  void update(Weights& w, Totals& u, std::size_t i, int delta) {
    w[i] += delta;
    u[i] += static_cast<std::int64_t>(step_) * delta;
  }
  std::vector<double> average(const std::vector<std::int32_t>& w, const std::vector<std::int64_t>& u) const {
    std::vector<double> out(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) out[i] = w[i] - static_cast<double>(u[i]) / static_cast<double>(step_);
    return out;
  }

  std::vector<std::int32_t> weights_;
  std::vector<std::int64_t> totals_;
  std::array<std::int32_t, (kLabels + 1) * kLabels> transitions_{};
  std::array<std::int64_t, (kLabels + 1) * kLabels> transition_totals_{};
  std::uint64_t step_ = 1;
  std::uint64_t dropout_;  // in 1/65536
  std::mt19937_64 random_;
  std::vector<std::int32_t> emissions_, best_;
  std::vector<std::uint8_t> predicted_, back_, kept_;
};

}  // namespace

LinearModel train_perceptron(const std::vector<Example>& examples, std::size_t feature_count, const PerceptronOptions& options,
                             const EpochReport& report) {
  Perceptron perceptron(feature_count, options.dropout, options.seed + 1);
  return train_epochs(perceptron, examples, options.epochs, options.seed, report);
}

}  // namespace cronaca
