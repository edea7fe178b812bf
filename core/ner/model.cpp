#include "ner/model.h"

#include <algorithm>
#include <vector>

#include "resources/binary_io.h"

namespace cronaca {

namespace {

constexpr std::string_view kMagic = "CRNNER03";
constexpr std::string_view kNamesMagic = "CRNNAM01";
constexpr std::size_t kMaxStages = 2;

void write_stage(const NerStage& stage, ByteWriter& w) {
  for (std::int16_t t : stage.transitions) w.i16(t);
  std::vector<std::pair<std::uint32_t, LabelWeights>> features;
  stage.weights.for_each([&](std::uint32_t key, const LabelWeights& weights) { features.emplace_back(key, weights); });
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.varint(features.size());
  std::uint32_t previous = 0;
  for (const auto& [key, weights] : features) {
    w.varint(key - previous);
    previous = key;
    std::uint8_t mask = 0;
    for (int y = 0; y < kLabels; ++y) mask |= weights[y] != 0 ? static_cast<std::uint8_t>(1u << y) : 0;
    w.u8(mask);
    for (int y = 0; y < kLabels; ++y) {
      if (weights[y] != 0) w.u8(static_cast<std::uint8_t>(weights[y]));
    }
  }
}

// Returns what is wrong, or nullptr.
const char* read_stage(ByteReader& r, NerStage& stage) {
  for (std::int16_t& t : stage.transitions) {
    if (!r.i16(t)) return "truncated transitions";
  }
  std::uint64_t count, key = 0;
  if (!r.varint(count) || count > (1u << 26)) return "bad feature count";
  stage.weights.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t delta;
    std::uint8_t mask;
    if (!r.varint(delta) || !r.u8(mask)) return "truncated features";
    key += delta;
    LabelWeights weights{};
    for (int y = 0; y < kLabels; ++y) {
      std::uint8_t byte = 0;
      if ((mask >> y & 1) && !r.u8(byte)) return "truncated weights";
      weights[y] = static_cast<std::int8_t>(byte);
    }
    stage.weights.insert(static_cast<std::uint32_t>(key), weights);
  }
  return nullptr;
}

}  // namespace

std::string write_model(const NerModel& model) {
  std::string out(kMagic);
  ByteWriter w(out);
  w.bytes(model.metadata);
  w.u8(static_cast<std::uint8_t>(model.feature_set));
  w.u8(model.context_window);
  w.u8(static_cast<std::uint8_t>(model.stages.size()));
  for (const NerStage& stage : model.stages) write_stage(stage, w);
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
  std::uint8_t feature_set, stages;
  const auto fail = [&error](const char* what) {
    error = std::string("not a usable entity model: ") + what;
    return false;
  };
  if (!r.literal(kMagic)) return fail("bad magic");
  if (!r.bytes(metadata) || !r.u8(feature_set) || feature_set > 1 || !r.u8(model.context_window) || !r.u8(stages)) {
    return fail("truncated header");
  }
  if (stages == 0 || stages > kMaxStages) return fail("bad stage count");
  model.metadata.assign(metadata);
  model.feature_set = static_cast<FeatureSet>(feature_set);
  model.stages.assign(stages, NerStage{});
  for (NerStage& stage : model.stages) {
    if (const char* problem = read_stage(r, stage)) return fail(problem);
  }
  if (!r.at_end()) return fail("trailing bytes");
  return true;
}

}  // namespace cronaca
