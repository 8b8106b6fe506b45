// What a compiled Ruleset holds: the checked model (for messages, traces and
// the auditor), the IR and the rule index (for evaluation), and the content
// hash. Built once by compile_*(), never modified after.
#pragma once

#include <string>
#include <vector>

#include "compile/program.hpp"
#include "compile/rule_index.hpp"
#include "geo/metric_pool.hpp"
#include "maps/maps.hpp"
#include "model/model.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

struct Ruleset::Data {
  model::Model model;
  ir::Program program;
  std::vector<ir::Rule> rules;   // parallel to model.rules
  ir::RuleIndex index;
  maps::Maps maps;               // the unit map and the layers, by model::LayerId
  geo::MetricPool metrics;       // PROJ projections reused by evaluations (a cache behind a mutex)
  std::string hash;
};

}  // namespace zhunru
