#include <catch2/catch.hpp>

#include <cmath>

#include "ner/crf.h"
#include "ner/perceptron.h"

using namespace cronaca;

namespace {

// Features: 0 a first name, 1 a surname, 2 an ordinary word, 3 noise on every token.
constexpr std::uint32_t kFirst = 0, kSurname = 1, kWord = 2, kNoise = 3, kFeatures = 4;

Example sentence(std::initializer_list<std::uint32_t> words) {
  Example x;
  x.offsets.push_back(0);
  for (std::uint32_t w : words) {
    x.features.push_back(w);
    x.features.push_back(kNoise);
    x.offsets.push_back(static_cast<std::uint32_t>(x.features.size()));
    const std::uint8_t person = begin_label(EntityType::person);
    x.labels.push_back(w == kFirst ? person : w == kSurname ? static_cast<std::uint8_t>(person + 1) : kOutside);
  }
  return x;
}

std::vector<Example> toy_data() {
  return {sentence({kWord, kFirst, kSurname, kWord}), sentence({kFirst, kSurname}), sentence({kWord, kWord, kFirst, kSurname}),
          sentence({kWord})};
}

}  // namespace

TEST_CASE("both learners learn a toy person pattern, the same way for the same seed") {
  const std::vector<Example> data = toy_data();
  const Example unseen = sentence({kFirst, kSurname, kWord, kFirst, kSurname});

  PerceptronOptions p;
  p.epochs = 5;
  const LinearModel perceptron = train_perceptron(data, kFeatures, p);
  CHECK(decode(unseen, perceptron) == unseen.labels);
  CHECK(train_perceptron(data, kFeatures, p).weights == perceptron.weights);

  CrfOptions c;
  c.epochs = 20;
  c.rate = 0.5;
  int reports = 0;
  const LinearModel crf = train_crf(data, kFeatures, c, [&](int, std::size_t, const LinearModel&) { ++reports; });
  CHECK(reports == 20);
  CHECK(decode(unseen, crf) == unseen.labels);
  CHECK(train_crf(data, kFeatures, c).weights == crf.weights);
}

TEST_CASE("the CRF's L1 penalty leaves a feature that tells nothing at zero") {
  CrfOptions c;
  c.epochs = 20;
  c.rate = 0.5;
  const auto noise_weights = [](const LinearModel& m) {
    double sum = 0;
    for (int y = 0; y < kLabels; ++y) sum += std::abs(m.weights[kNoise * kLabels + y]);
    return sum;
  };
  CHECK(noise_weights(train_crf(toy_data(), kFeatures, c)) > 0.0);
  c.l1 = 0.05;
  const LinearModel crf = train_crf(toy_data(), kFeatures, c);
  CHECK(noise_weights(crf) == 0.0);
  CHECK(crf.weights[kFirst * kLabels + begin_label(EntityType::person)] > 0.0);
}
