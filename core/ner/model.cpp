#include "ner/model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <vector>

#include "resources/binary_io.h"
#include "resources/range_coder.h"

namespace cronaca {

namespace {

constexpr std::string_view kMagic = "CRNNER05";
constexpr std::string_view kNamesMagic = "CRNNAM02";

// The adaptive contexts of the weights (format in model.h). A weight is coded in the context of
// its stage and label, of the weight before it in the same row (bucketed), and of the number of
// labels the row has (first stage) or of the previous stage's weight for that label (later ones):
// a feature's weights for related labels go together.
class WeightContexts {
 public:
  static std::size_t bucket(int weight) { return kBuckets[static_cast<std::uint8_t>(weight)]; }
  // The row's mask in the context of the previous stage's mask (none for the first stage).
  BitTree<kLabels>& mask(std::size_t stage, std::uint8_t previous_mask) { return masks_[stage == 0 ? 0 : 1 + previous_mask]; }
  // The last context of a row's weights: its label count in the first stage (a row's weights
  // share it), else the previous stage's weight for the label.
  static std::size_t row_context(std::uint8_t mask) { return kLabelCounts[mask]; }
  static std::size_t stage_context(int previous_stage) { return bucket(previous_stage); }
  BitTree<8>& weight(std::size_t stage, int label, int previous_in_row, std::size_t last) {
    return weights_[((std::min<std::size_t>(stage, 1) * kLabels + static_cast<std::size_t>(label)) * 9 + bucket(previous_in_row)) * 9 + last];
  }

 private:
  // 0 for no weight, else 4 -+ 1 .. 4 by magnitude (1 + |w| / 6, at most 4), by the weight's byte.
  static constexpr std::array<std::uint8_t, 256> kBuckets = [] {
    std::array<std::uint8_t, 256> buckets{};
    for (int weight = -128; weight < 128; ++weight) {
      const int magnitude = std::min(4, 1 + (weight < 0 ? -weight : weight) / 6);
      buckets[static_cast<std::uint8_t>(weight)] = static_cast<std::uint8_t>(weight == 0 ? 4 : 4 + (weight < 0 ? -magnitude : magnitude));
    }
    return buckets;
  }();
  static constexpr std::array<std::uint8_t, 1u << kLabels> kLabelCounts = [] {
    std::array<std::uint8_t, 1u << kLabels> counts{};
    for (std::size_t mask = 0; mask < counts.size(); ++mask) counts[mask] = static_cast<std::uint8_t>(std::popcount(mask));
    return counts;
  }();

  std::vector<BitTree<kLabels>> masks_ = std::vector<BitTree<kLabels>>(1 + (1u << kLabels));
  std::vector<BitTree<8>> weights_ = std::vector<BitTree<8>>(2 * kLabels * 9 * 9);
};

std::uint8_t mask_of(const LabelWeights& weights) {
  std::uint8_t mask = 0;
  for (int y = 0; y < kLabels; ++y) mask |= weights[y] != 0 ? static_cast<std::uint8_t>(1u << y) : 0;
  return mask;
}

void write_weights(const NerModel& model, ByteWriter& w) {
  std::vector<std::pair<std::uint32_t, StageWeights>> features;
  model.weights.for_each([&](std::uint32_t key, const StageWeights& weights) { features.emplace_back(key, weights); });
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.varint(features.size());
  const int shift = GapCoder::shift_for(features.size());
  w.u8(static_cast<std::uint8_t>(shift));
  std::string coded, low_bits;
  RangeEncoder out(coded);
  BitWriter low(low_bits);
  GapCoder gaps(shift);
  auto contexts = std::make_unique<WeightContexts>();
  std::uint32_t previous = 0;
  for (const auto& [key, weights] : features) {
    gaps.encode(out, low, key - previous);
    previous = key;
    std::uint8_t previous_mask = 0;
    for (std::size_t stage = 0; stage < model.stages; ++stage) {
      const std::uint8_t mask = mask_of(weights[stage]);
      contexts->mask(stage, previous_mask).encode(out, mask);
      previous_mask = mask;
      int previous_in_row = 0;
      for (int y = 0; y < kLabels; ++y) {
        const int weight = weights[stage][y];
        if (weight == 0) continue;
        const std::size_t last = stage == 0 ? WeightContexts::row_context(mask) : WeightContexts::stage_context(weights[stage - 1][y]);
        contexts->weight(stage, y, previous_in_row, last).encode(out, static_cast<std::uint8_t>(weight));
        previous_in_row = weight;
      }
    }
  }
  out.finish();
  low.finish();
  w.bytes(coded);
  w.bytes(low_bits);
}

// Returns what is wrong, or nullptr.
const char* read_weights(ByteReader& r, NerModel& model) {
  std::uint64_t count;
  std::uint8_t shift;
  std::string_view coded, low_bits;
  if (!r.varint(count) || count > (1u << 26)) return "bad feature count";
  if (!r.u8(shift) || shift > 31) return "bad key coding";
  if (!r.bytes(coded) || !r.bytes(low_bits)) return "truncated features";
  model.weights.reserve(static_cast<std::size_t>(count));
  RangeDecoder in(coded);
  BitReader low(low_bits);
  GapCoder gaps(shift);
  auto contexts = std::make_unique<WeightContexts>();
  std::uint64_t key = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint32_t gap;
    if (!gaps.decode(in, low, gap) || in.overrun() || low.overrun()) return "truncated features";
    key += gap;
    if (gap == 0 || key > 0xFFFFFFFFu) return "keys out of order";
    StageWeights weights{};
    std::uint8_t previous_mask = 0;
    for (std::size_t stage = 0; stage < model.stages; ++stage) {
      const auto mask = static_cast<std::uint8_t>(contexts->mask(stage, previous_mask).decode(in));
      previous_mask = mask;
      int previous_in_row = 0;
      const std::size_t row = WeightContexts::row_context(mask);
      for (unsigned labels = mask; labels != 0; labels &= labels - 1) {  // the labels with a weight, in order
        const int y = std::countr_zero(labels);
        const std::size_t last = stage == 0 ? row : WeightContexts::stage_context(weights[stage - 1][y]);
        const auto weight = static_cast<std::int8_t>(contexts->weight(stage, y, previous_in_row, last).decode(in));
        if (weight == 0) return "bad weights";
        weights[stage][y] = weight;
        previous_in_row = weight;
      }
    }
    model.weights.insert(static_cast<std::uint32_t>(key), weights);
  }
  if (in.overrun()) return "truncated weights";
  return nullptr;
}

}  // namespace

std::string write_model(const NerModel& model) {
  std::string out(kMagic);
  ByteWriter w(out);
  w.bytes(model.metadata);
  w.u8(static_cast<std::uint8_t>(model.feature_set));
  w.u8(model.context_window);
  w.u8(model.stages);
  for (std::size_t stage = 0; stage < model.stages; ++stage) {
    for (std::int16_t t : model.transitions[stage]) w.i16(t);
  }
  write_weights(model, w);
  return out;
}

std::string write_names(const PhraseLexicon& names) {
  std::string out(kNamesMagic);
  ByteWriter w(out);
  names.write(w);
  return out;
}

bool read_names(std::string_view bytes, PhraseLexicon& names, std::string& error) {
  ByteReader r(bytes);
  if (!r.literal(kNamesMagic) || !names.read(r) || !r.at_end()) {
    error = "not a usable list of names";
    return false;
  }
  return true;
}

bool read_model(std::string_view bytes, NerModel& model, std::string& error) {
  ByteReader r(bytes);
  std::string_view metadata;
  std::uint8_t feature_set;
  const auto fail = [&error](const char* what) {
    error = std::string("not a usable entity model: ") + what;
    return false;
  };
  if (!r.literal(kMagic)) return fail("bad magic");
  if (!r.bytes(metadata) || !r.u8(feature_set) || feature_set > 1 || !r.u8(model.context_window) || !r.u8(model.stages)) {
    return fail("truncated header");
  }
  if (model.stages == 0 || model.stages > kMaxStages) return fail("bad stage count");
  model.metadata.assign(metadata);
  model.feature_set = static_cast<FeatureSet>(feature_set);
  for (std::size_t stage = 0; stage < model.stages; ++stage) {
    for (std::int16_t& t : model.transitions[stage]) {
      if (!r.i16(t)) return fail("truncated transitions");
    }
  }
  if (const char* problem = read_weights(r, model)) return fail(problem);
  if (!r.at_end()) return fail("trailing bytes");
  return true;
}

}  // namespace cronaca
