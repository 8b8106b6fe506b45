#include "api/ruleset_data.hpp"

#include <algorithm>
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

namespace {

/// Facts by name, then by label: a text already taken keeps its fact, so a
/// name wins over a label.
void index_facts(const model::Model& model, std::unordered_map<std::string_view, model::FactId>& out,
                 std::vector<model::FactId>& dated) {
  dated.clear();
  for (model::FactId i = 0; i < model.facts.size(); ++i) {
    const model::Fact& f = model.facts[i];
    const model::Fact& keyed = f.kind == model::FactKind::amounts && f.per ? model.facts[*f.per] : f;  // by its set's values
    if (std::any_of(keyed.values.begin(), keyed.values.end(), [](const model::EnumValue& v) { return !v.in_force.empty(); })) {
      dated.push_back(i);
    }
  }
  out.clear();
  for (model::FactId i = 0; i < model.facts.size(); ++i) out.emplace(model.facts[i].name, i);
  for (model::FactId i = 0; i < model.facts.size(); ++i) {
    if (!model.facts[i].label.empty()) out.emplace(model.facts[i].label, i);
  }
}

}  // namespace

void Ruleset::Data::index_names() {
  rules_by_id.clear();
  for (std::uint32_t i = 0; i < model.rules.size(); ++i) rules_by_id.emplace_back(model.rules[i].id, i);
  if constexpr (kUnderThreadSanitizer) {  // base/sanitizers.hpp
    std::sort(rules_by_id.begin(), rules_by_id.end());
  } else {
    tbb::parallel_sort(rules_by_id.begin(), rules_by_id.end());  // a national list: a million ids
  }
  index_facts(model, facts_by_name, dated_facts);
}

bool Ruleset::Data::index_names(const std::vector<std::uint32_t>& order) {
  if (order.size() != model.rules.size()) return false;
  std::vector<std::pair<std::string_view, std::uint32_t>> by_id;
  by_id.reserve(order.size());
  for (const std::uint32_t i : order) {
    if (i >= model.rules.size()) return false;
    by_id.emplace_back(model.rules[i].id, i);
    // Strictly after the one before: no rule twice (and so none left out).
    if (by_id.size() > 1 && !(by_id[by_id.size() - 2] < by_id[by_id.size() - 1])) return false;
  }
  rules_by_id = std::move(by_id);
  index_facts(model, facts_by_name, dated_facts);
  return true;
}

std::vector<std::uint32_t> Ruleset::Data::rule_order() const {
  std::vector<std::uint32_t> out;
  out.reserve(rules_by_id.size());
  for (const auto& [id, i] : rules_by_id) out.push_back(i);
  return out;
}

}  // namespace zhunru
