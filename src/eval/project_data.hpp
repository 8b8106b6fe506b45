// A project as the evaluator reads it: one value per fact slot.
#pragma once

#include <string>
#include <vector>

#include "zhunru/project.hpp"

namespace zhunru {

/// A fact's value. Numbers, quantities (canonical unit), dates (days since
/// 1970-01-01), booleans (0/1) and enum values (index) live in `number`;
/// industry codes and text in `text`.
struct FactValue {
  bool known = false;
  double number = 0.0;
  std::string text;
};

struct Project::Data {
  std::string ruleset_hash;          // the ruleset the values were checked against
  std::vector<FactValue> values;     // by fact slot
  std::vector<ProjectUnit> units;
  std::string metadata_json;         // the file's `project` member, echoed in decisions
};

}  // namespace zhunru
