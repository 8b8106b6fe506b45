// What a compiled Ruleset holds: the checked model (for messages, traces and
// the auditor), the IR and the rule index (for evaluation), and the content
// hash. Built once by compile_*(), never modified after.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // Facts by name and by label, for every project read (project files and
  // CSV headers may use either). Views into model.facts. Hashing cannot be
  // made to collide by input: the keys are the ruleset's own names.
  std::unordered_map<std::string_view, model::FactId> facts_by_name;
  // The facts whose values (or, for amounts, whose set's values) hold in
  // periods only: each evaluation checks just these against its date.
  std::vector<model::FactId> dated_facts;

  /// Builds what evaluation runs on from `model`: the IR, the rule index
  /// and the name indexes — independent of each other, so built side by
  /// side (api/ruleset_data.cpp). Compiling and loading a snapshot both end here.
  void build_evaluation();

  /// rules_by_id, facts_by_name and dated_facts, from the model.
  void index_names();
  /// The same, with the rules in `order` (a snapshot's: rule indices sorted
  /// by id). False, changing nothing, unless it lists every rule once, in
  /// order of their ids.
  [[nodiscard]] bool index_names(const std::vector<std::uint32_t>& order);
  /// The rules' indices in order of their ids, as rules_by_id holds them.
  [[nodiscard]] std::vector<std::uint32_t> rule_order() const;

  /// The index of the rule with id `id` (rules_by_id is sorted by id).
  [[nodiscard]] std::optional<std::uint32_t> find_rule(std::string_view id) const {
    const auto it = std::lower_bound(rules_by_id.begin(), rules_by_id.end(), id,
                                     [](const auto& entry, std::string_view wanted) { return entry.first < wanted; });
    if (it == rules_by_id.end() || it->first != id) return std::nullopt;
    return it->second;
  }

  /// The fact named `text`, or else the one labelled `text` ("建设性质"):
  /// project files and CSV headers may use either.
  [[nodiscard]] std::optional<model::FactId> find_fact_or_label(std::string_view text) const {
    const auto found = facts_by_name.find(text);
    if (found == facts_by_name.end()) return std::nullopt;
    return found->second;
  }
};

}  // namespace zhunru
