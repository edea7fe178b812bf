// Rewrites entity models and name lists of the earlier formats ("CRNNER04" models,
// "CRNNAM01" names: varint key deltas, bytes of weights) in the current ones (core/ner/model.h),
// with the same keys, weights and names:
//   cronaca-convert-model FILE...   (each file is rewritten in place; current files are left alone)
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "common/shipped_pack.h"
#include "ner/model.h"
#include "resources/binary_io.h"

namespace cronaca {

class LegacyModelReader {
 public:
  // "CRNNAM01": three tables (phrases, first tokens, tokens), each a varint count and, in key
  // order, a varint key delta and a u8 value.
  static bool names(ByteReader& in, PhraseLexicon& names) {
    for (FlatTable<std::uint32_t, std::uint8_t>* table : {&names.phrases_, &names.first_tokens_, &names.tokens_}) {
      std::uint64_t count, key = 0;
      if (!in.varint(count) || count > (1u << 26)) return false;
      table->reserve(static_cast<std::size_t>(count));
      for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t delta;
        std::uint8_t value;
        if (!in.varint(delta) || !in.u8(value)) return false;
        key += delta;
        table->insert(static_cast<std::uint32_t>(key), value);
      }
    }
    return in.at_end();
  }

  // "CRNNER04": the header of today's format, then a varint feature count and per feature in key
  // order a varint key delta and, per stage, a u8 label mask and one i8 weight per label in it.
  static bool model(ByteReader& in, NerModel& model) {
    std::string_view metadata;
    std::uint8_t feature_set;
    if (!in.bytes(metadata) || !in.u8(feature_set) || !in.u8(model.context_window) || !in.u8(model.stages)) return false;
    if (feature_set > 1 || model.stages == 0 || model.stages > kMaxStages) return false;
    model.metadata.assign(metadata);
    model.feature_set = static_cast<FeatureSet>(feature_set);
    for (std::size_t stage = 0; stage < model.stages; ++stage) {
      for (std::int16_t& t : model.transitions[stage]) {
        if (!in.i16(t)) return false;
      }
    }
    std::uint64_t count, key = 0;
    if (!in.varint(count) || count > (1u << 26)) return false;
    for (std::uint64_t i = 0; i < count; ++i) {
      std::uint64_t delta;
      if (!in.varint(delta)) return false;
      key += delta;
      StageWeights weights{};
      for (std::size_t stage = 0; stage < model.stages; ++stage) {
        std::uint8_t mask;
        if (!in.u8(mask)) return false;
        for (int y = 0; y < kLabels; ++y) {
          std::uint8_t byte = 0;
          if ((mask >> y & 1) && !in.u8(byte)) return false;
          weights[stage][y] = static_cast<std::int8_t>(byte);
        }
      }
      model.weights.insert(static_cast<std::uint32_t>(key), weights);
    }
    return in.at_end();
  }
};

}  // namespace cronaca

int main(int argc, char** argv) {
  using namespace cronaca;
  if (argc < 2) {
    std::cerr << "usage: cronaca-convert-model FILE...\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    std::string bytes;
    try {
      bytes = tools::read_all(argv[i]);
    } catch (const std::exception& e) {
      std::cerr << e.what() << "\n";
      return 1;
    }
    ByteReader reader(bytes);
    std::string converted, error;
    if (reader.literal("CRNNER04")) {
      NerModel model;
      if (!LegacyModelReader::model(reader, model)) {
        std::cerr << argv[i] << ": malformed CRNNER04 model\n";
        return 1;
      }
      converted = write_model(model);
      NerModel check;
      if (!read_model(converted, check, error) || write_model(check) != converted) {
        std::cerr << argv[i] << ": the converted model does not read back: " << error << "\n";
        return 1;
      }
    } else if (reader.literal("CRNNAM01")) {
      PhraseLexicon names;
      if (!LegacyModelReader::names(reader, names)) {
        std::cerr << argv[i] << ": malformed CRNNAM01 names\n";
        return 1;
      }
      converted = write_names(names);
      PhraseLexicon check;
      if (!read_names(converted, check, error) || write_names(check) != converted) {
        std::cerr << argv[i] << ": the converted names do not read back: " << error << "\n";
        return 1;
      }
    } else {
      std::cerr << argv[i] << ": not in an earlier format, left alone\n";
      continue;
    }
    std::ofstream out(argv[i], std::ios::binary | std::ios::trunc);
    out << converted;
    if (!out) {
      std::cerr << argv[i] << ": cannot write\n";
      return 1;
    }
    std::cerr << argv[i] << ": " << bytes.size() << " -> " << converted.size() << " bytes\n";
  }
  return 0;
}
