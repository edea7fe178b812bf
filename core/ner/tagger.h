#pragma once
// Named-entity tagging of tokenised sentences with BIO tags over PER, LOC and ORG.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resources.h"

namespace cronaca {

enum class EntityType : std::uint8_t { person, location, organization };

struct BioTag {
  char prefix = 'O';  // 'O', 'B' or 'I'
  EntityType type = EntityType::person;

  std::string str() const;  // "O", "B-PER", "I-LOC", ...
};

const char* label(EntityType type);  // "PER", "LOC", "ORG"

class EntityTagger {
 public:
  EntityTagger(const Resources& resources, std::string lang);

  // One tag per word of one sentence.
  std::vector<BioTag> tag(std::span<const std::string_view> words) const;

 private:
  std::string lang_;
};

}  // namespace cronaca
