#include "ner/crf.h"

#include <cmath>
#include <random>

namespace cronaca {

namespace {

constexpr double kImpossible = -1e30;

double log_sum_exp(const double* x, int n) {
  double top = kImpossible;
  for (int i = 0; i < n; ++i) top = std::max(top, x[i]);
  if (top <= kImpossible) return kImpossible;
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += std::exp(x[i] - top);
  return top + std::log(sum);
}

class Crf {
 public:
  Crf(std::size_t features, const CrfOptions& o)
      : o_(o), weights_(features * kLabels), squares_(features * kLabels), transitions_((kLabels + 1) * kLabels), transition_squares_(transitions_.size()),
        settled_(features * kLabels),
        dropout_(static_cast<std::uint64_t>(o.dropout * 65536)), random_(o.seed + 1) {}

  // One stochastic step on one sentence; returns whether its best path was wrong.
  bool learn(const Example& x) {
    const std::size_t n = x.labels.size();
    if (n == 0) return false;
    kept_.resize(x.features.size());
    for (std::size_t i = 0; i < kept_.size(); ++i) kept_[i] = dropout_ == 0 || (random_() & 0xFFFF) >= dropout_;
    emissions_.assign(n * kLabels, 0);
    for (std::size_t t = 0; t < n; ++t) {
      for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
        if (!kept_[i]) continue;
        const double* w = &weights_[static_cast<std::size_t>(x.features[i]) * kLabels];
        for (int y = 0; y < kLabels; ++y) emissions_[t * kLabels + y] += w[y];
      }
    }
    const auto transition = [&](int p, int y) { return may_follow(p, y) ? transitions_[p * kLabels + y] : kImpossible; };
    // Forward and backward scores in log space.
    alpha_.assign(n * kLabels, kImpossible);
    beta_.assign(n * kLabels, 0);
    double terms[kLabels + 1];
    for (int y = 0; y < kLabels; ++y) alpha_[y] = transition(kLabels, y) + emissions_[y];
    for (std::size_t t = 1; t < n; ++t) {
      for (int y = 0; y < kLabels; ++y) {
        for (int p = 0; p < kLabels; ++p) terms[p] = alpha_[(t - 1) * kLabels + p] + transition(p, y);
        alpha_[t * kLabels + y] = log_sum_exp(terms, kLabels) + emissions_[t * kLabels + y];
      }
    }
    for (std::size_t t = n - 1; t-- > 0;) {
      for (int p = 0; p < kLabels; ++p) {
        for (int y = 0; y < kLabels; ++y) terms[y] = transition(p, y) + emissions_[(t + 1) * kLabels + y] + beta_[(t + 1) * kLabels + y];
        beta_[t * kLabels + p] = log_sum_exp(terms, kLabels);
      }
    }
    const double z = log_sum_exp(&alpha_[(n - 1) * kLabels], kLabels);
    // Gradient of the log-likelihood: observed minus expected counts.
    bool wrong = false;
    double gradient[kLabels];
    transition_gradient_.assign(transitions_.size(), 0);
    for (std::size_t t = 0; t < n; ++t) {
      int best = 0;
      for (int y = 0; y < kLabels; ++y) {
        gradient[y] = -std::exp(alpha_[t * kLabels + y] + beta_[t * kLabels + y] - z);
        if (alpha_[t * kLabels + y] + beta_[t * kLabels + y] > alpha_[t * kLabels + best] + beta_[t * kLabels + best]) best = y;
      }
      wrong |= best != x.labels[t];
      gradient[x.labels[t]] += 1;
      for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
        if (!kept_[i]) continue;
        const std::size_t row = static_cast<std::size_t>(x.features[i]) * kLabels;
        for (int y = 0; y < kLabels; ++y) feature_step(row + y, gradient[y]);
      }
      const int gold_previous = t ? x.labels[t - 1] : kLabels;
      transition_gradient_[gold_previous * kLabels + x.labels[t]] += 1;
      if (t == 0) {
        for (int y = 0; y < kLabels; ++y) transition_gradient_[kLabels * kLabels + y] -= std::exp(alpha_[y] + beta_[y] - z);
      } else {
        for (int p = 0; p < kLabels; ++p) {
          for (int y = 0; y < kLabels; ++y) {
            if (!may_follow(p, y)) continue;
            transition_gradient_[p * kLabels + y] -=
                std::exp(alpha_[(t - 1) * kLabels + p] + transitions_[p * kLabels + y] + emissions_[t * kLabels + y] + beta_[t * kLabels + y] - z);
          }
        }
      }
    }
    for (std::size_t i = 0; i < transitions_.size(); ++i) step(transitions_[i], transition_squares_[i], transition_gradient_[i]);
    ++step_;
    return wrong;
  }

  LinearModel model() {
    for (std::size_t i = 0; i < weights_.size(); ++i) settle(i);
    return {weights_, transitions_};
  }

 private:
  // AdaGrad ascent on one weight, with the L2 penalty's gradient.
  void step(double& w, double& squares, double gradient) {
    gradient -= o_.l2 * w;
    if (gradient == 0) return;
    squares += gradient * gradient;
    w += o_.rate * gradient / std::sqrt(squares);
  }

  // A feature weight's step, after the L1 penalty it has owed since it was last touched: a pull
  // towards zero of l1 per sentence of the data, which stops at zero. That is what leaves most
  // weights out of the model. The pull is applied late, when the weight is next used.
  void feature_step(std::size_t i, double gradient) {
    settle(i);
    step(weights_[i], squares_[i], gradient);
  }
  void settle(std::size_t i) {
    const std::uint32_t owed = step_ - settled_[i];
    settled_[i] = step_;
    if (owed == 0 || squares_[i] == 0 || o_.l1 == 0) return;
    const double pull = owed * o_.l1 * o_.rate / std::sqrt(squares_[i]);
    double& w = weights_[i];
    w = w > pull ? w - pull : w < -pull ? w + pull : 0;
  }

  CrfOptions o_;
  std::vector<double> weights_, squares_, transitions_, transition_squares_, transition_gradient_;
  std::vector<std::uint32_t> settled_;  // per weight: the step its L1 penalty is paid up to
  std::uint32_t step_ = 0;
  std::uint64_t dropout_;
  std::mt19937_64 random_;
  std::vector<double> emissions_, alpha_, beta_;
  std::vector<std::uint8_t> kept_;
};

}  // namespace

LinearModel train_crf(const std::vector<Example>& examples, std::size_t feature_count, const CrfOptions& options,
                      const EpochReport& report) {
  Crf crf(feature_count, options);
  return train_epochs(crf, examples, options.epochs, options.seed, report);
}

}  // namespace cronaca
