#include "eval/rule_outcome.hpp"

#include <algorithm>

namespace zhunru::eval {
namespace {

Truth both(Truth a, Truth b) {
  if (a == Truth::is_false || b == Truth::is_false) return Truth::is_false;
  if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
  return Truth::is_true;
}

Truth either(Truth a, Truth b) {
  if (a == Truth::is_true || b == Truth::is_true) return Truth::is_true;
  if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
  return Truth::is_false;
}

/// The scope beyond the unit class (which the index has already matched).
Truth scope(const model::Rule& r, const ir::Rule& rule, const ProjectUnit& unit, ConditionEvaluator& conditions) {
  const ir::Program& p = conditions.program();
  const auto units = p.scope_units.begin() + rule.units_at;
  if (rule.has_units && !std::binary_search(units, units + rule.units_count, unit.code)) return Truth::is_false;
  for (const model::RegionScope& region : r.regions) {
    if (!region.holds(unit.code, unit.district)) return Truth::is_false;
  }
  Truth t = Truth::is_true;
  for (std::uint32_t i = 0; i < rule.spatial_count; ++i) {
    t = both(t, conditions.eval(p.scope_tests[rule.spatial_at + i]));
    if (t == Truth::is_false) break;
  }
  return t;
}

}  // namespace

Judgement judge_rule(const model::Rule& r, const ir::Rule& rule, const ProjectUnit& unit,
                     ConditionEvaluator& conditions, std::vector<TraceStep>* trace) {
  Judgement j;
  conditions.missing().clear();
  const model::RuleTexts& zh = r.texts_in(Lang::zh);
  // The part's text in both keyword languages, for answers in either.
  auto step = [&](const char* part, model::RuleTexts::Part text, Truth value) {
    if (trace) trace->push_back({part, std::string(r.texts[text]), std::string(zh[text]), value});
    return value;
  };

  // Applicability: subject, scope, where.
  Truth applies = Truth::is_true;
  if (rule.subject != ir::kNone) {
    applies = step("subject", model::RuleTexts::subject, conditions.eval(rule.subject));
  }
  if (applies != Truth::is_false && !r.texts[model::RuleTexts::scope].empty()) {
    applies = both(applies, step("scope", model::RuleTexts::scope, scope(r, rule, unit, conditions)));
  }
  if (applies != Truth::is_false && rule.where != ir::kNone) {
    applies = both(applies, step("where", model::RuleTexts::where, conditions.eval(rule.where)));
  }
  if (applies == Truth::is_false) {
    j.applies = false;
    return j;
  }
  if (applies == Truth::is_true) j.applies = true;

  // A positive-list entry is reported only when it matches (and its `unless`
  // does not hold); it never decides anything.
  if (r.form == RuleForm::allow || r.form == RuleForm::encourage) {
    Truth excepted = Truth::is_false;
    if (applies == Truth::is_true && rule.unless != ir::kNone) {
      excepted = step("unless", model::RuleTexts::unless, conditions.eval(rule.unless));
    }
    j.status = applies == Truth::is_true && excepted == Truth::is_false ? Status::satisfied : Status::not_applicable;
    return j;
  }

  // Compliance: `to have` (require, limit) or `unless`.
  Truth complies = Truth::is_false;
  if (rule.requirement != ir::kNone) {
    complies = step("requirement", model::RuleTexts::requirement, conditions.eval(rule.requirement));
  }
  if (complies != Truth::is_true && rule.unless != ir::kNone) {
    complies = either(complies, step("unless", model::RuleTexts::unless, conditions.eval(rule.unless)));
  }

  if (complies == Truth::is_true) {
    j.status = Status::satisfied;
  } else if (complies == Truth::is_false && applies == Truth::is_true) {
    j.status = Status::violated;
  } else {
    j.status = Status::unknown;
    j.missing = conditions.missing();
  }
  return j;
}

}  // namespace zhunru::eval
