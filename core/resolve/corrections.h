#pragma once
// The user's corrections to entity resolution, kept as data and re-applied on every analysis so
// that nothing fixed is lost when more articles arrive. A JSON list, applied in order:
//
//   {"op": "merge",  "entity": "Putin", "with": "V. Putin"}           one entity from two
//   {"op": "split",  "entity": "Vladimir Putin", "alias": "Putina"}   an alias becomes its own entity
//   {"op": "rename", "entity": "Csto", "name": "CSTO"}                a different display name
//   {"op": "retype", "entity": "Sputnik", "type": "ORG"}              PER, LOC or ORG
//   {"op": "remove", "entity": "Occidentali"}                         not an entity at all
//
// Entities are named by any of their names or aliases, compared case-insensitively, so a
// correction survives re-analysis even when the canonical name changes.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document.h"

namespace cronaca {

enum class CorrectionOp : std::uint8_t { merge, split, rename, retype, remove };

struct Correction {
  CorrectionOp op = CorrectionOp::merge;
  std::string entity;
  std::string argument;  // merge: the other entity; split: the alias; rename: the new name
  EntityType type = EntityType::person;  // retype
};

using Corrections = std::vector<Correction>;

// Parses the JSON list; returns "" or a message saying what is wrong with which entry.
std::string parse_corrections(std::string_view json, Corrections& out);

}  // namespace cronaca
