#include "ner/learning.h"

#include "ner/viterbi.h"

namespace cronaca {

std::vector<std::uint8_t> decode(const Example& x, const LinearModel& model) {
  const std::size_t n = x.labels.size();
  std::vector<double> emissions(n * kLabels, 0), best;
  std::vector<std::uint8_t> path(n), back;
  for (std::size_t t = 0; t < n; ++t) {
    for (std::uint32_t i = x.offsets[t]; i < x.offsets[t + 1]; ++i) {
      for (int y = 0; y < kLabels; ++y) emissions[t * kLabels + y] += model.weights[static_cast<std::size_t>(x.features[i]) * kLabels + y];
    }
  }
  viterbi<double>(emissions, model.transitions, path, best, back);
  return path;
}

}  // namespace cronaca
