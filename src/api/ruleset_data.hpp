// What a compiled Ruleset holds: the checked model (for messages, traces and
// the auditor), the IR and the rule index (for evaluation), and the content
// hash. Built once by compile_*(), never modified after.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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
  // Rule ids in order, with the rule's index, for Ruleset::rule(id). Views
  // into model.rules, which never changes once built.
  std::vector<std::pair<std::string_view, std::uint32_t>> rules_by_id;

  void index_rule_ids() {
    rules_by_id.clear();
    for (std::uint32_t i = 0; i < model.rules.size(); ++i) rules_by_id.emplace_back(model.rules[i].id, i);
    std::sort(rules_by_id.begin(), rules_by_id.end());
  }
};

}  // namespace zhunru
