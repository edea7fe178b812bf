#include "ner/model.h"

#include <algorithm>
#include <vector>

#include "resources/binary_io.h"

namespace cronaca {

namespace {

constexpr std::string_view kMagic = "CRNNER04";
constexpr std::string_view kNamesMagic = "CRNNAM01";

void write_weights(const NerModel& model, ByteWriter& w) {
  std::vector<std::pair<std::uint32_t, StageWeights>> features;
  model.weights.for_each([&](std::uint32_t key, const StageWeights& weights) { features.emplace_back(key, weights); });
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.varint(features.size());
  std::uint32_t previous = 0;
  for (const auto& [key, weights] : features) {
    w.varint(key - previous);
    previous = key;
    for (std::size_t stage = 0; stage < model.stages; ++stage) {
      std::uint8_t mask = 0;
      for (int y = 0; y < kLabels; ++y) mask |= weights[stage][y] != 0 ? static_cast<std::uint8_t>(1u << y) : 0;
      w.u8(mask);
      for (int y = 0; y < kLabels; ++y) {
        if (weights[stage][y] != 0) w.u8(static_cast<std::uint8_t>(weights[stage][y]));
      }
    }
  }
}

// Returns what is wrong, or nullptr.
const char* read_weights(ByteReader& r, NerModel& model) {
  std::uint64_t count, key = 0;
  if (!r.varint(count) || count > (1u << 26)) return "bad feature count";
  model.weights.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t delta;
    if (!r.varint(delta)) return "truncated features";
    key += delta;
    StageWeights weights{};
    for (std::size_t stage = 0; stage < model.stages; ++stage) {
      std::uint8_t mask;
      if (!r.u8(mask)) return "truncated features";
      for (int y = 0; y < kLabels; ++y) {
        std::uint8_t byte = 0;
        if ((mask >> y & 1) && !r.u8(byte)) return "truncated weights";
        weights[stage][y] = static_cast<std::int8_t>(byte);
      }
    }
    model.weights.insert(static_cast<std::uint32_t>(key), weights);
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
