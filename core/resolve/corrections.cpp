#include "resolve/corrections.h"

#include <nlohmann/json.hpp>

namespace cronaca {

std::string parse_corrections(std::string_view text, Corrections& out) {
  out.clear();
  if (text.empty()) return {};
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_array()) return "corrections must be a JSON list";
  for (std::size_t i = 0; i < json.size(); ++i) {
    const auto& entry = json[i];
    const auto field = [&](const char* name) -> std::string {
      if (!entry.is_object() || !entry.contains(name) || !entry[name].is_string()) return {};
      return entry[name].get<std::string>();
    };
    const std::string where = "correction " + std::to_string(i + 1) + ": ";
    const std::string op = field("op");
    Correction correction;
    correction.entity = field("entity");
    if (correction.entity.empty()) return where + "\"entity\" is missing";
    if (op == "merge") {
      correction.op = CorrectionOp::merge;
      correction.argument = field("with");
    } else if (op == "split") {
      correction.op = CorrectionOp::split;
      correction.argument = field("alias");
    } else if (op == "rename") {
      correction.op = CorrectionOp::rename;
      correction.argument = field("name");
    } else if (op == "retype") {
      correction.op = CorrectionOp::retype;
      const std::string type = field("type");
      if (type == "PER") correction.type = EntityType::person;
      else if (type == "LOC") correction.type = EntityType::location;
      else if (type == "ORG") correction.type = EntityType::organization;
      else return where + "\"type\" must be PER, LOC or ORG";
      correction.argument = type;
    } else if (op == "remove") {
      correction.op = CorrectionOp::remove;
      correction.argument = "-";
    } else {
      return where + "\"op\" must be merge, split, rename, retype or remove";
    }
    if (correction.argument.empty()) return where + "a " + op + " needs its second name";
    out.push_back(std::move(correction));
  }
  return {};
}

}  // namespace cronaca
