#include "api/ruleset_data.hpp"

#include <tbb/parallel_sort.h>

#include "base/side_by_side.hpp"
#include "compile/lower.hpp"

namespace zhunru {

void Ruleset::Data::build_evaluation() {
  const auto lower = [this] {
    ir::Lowered lowered = ir::lower(model);
    program = std::move(lowered.program);
    rules = std::move(lowered.rules);
  };
  const auto index_rules = [this] { index = ir::RuleIndex(model); };
  const auto names = [this] { index_names(); };
  // Each task writes only its own members and reads the model, which no task changes.
  side_by_side(lower, index_rules, names);
}

void Ruleset::Data::index_names() {
  rules_by_id.clear();
  for (std::uint32_t i = 0; i < model.rules.size(); ++i) rules_by_id.emplace_back(model.rules[i].id, i);
  if constexpr (kUnderThreadSanitizer) {  // base/sanitizers.hpp
    std::sort(rules_by_id.begin(), rules_by_id.end());
  } else {
    tbb::parallel_sort(rules_by_id.begin(), rules_by_id.end());  // a national list: a million ids
  }
  facts_by_name.clear();
  // Names first, and a text already taken keeps its fact: a name wins over
  // a label.
  for (model::FactId i = 0; i < model.facts.size(); ++i) facts_by_name.emplace(model.facts[i].name, i);
  for (model::FactId i = 0; i < model.facts.size(); ++i) {
    if (!model.facts[i].label.empty()) facts_by_name.emplace(model.facts[i].label, i);
  }
}

}  // namespace zhunru
