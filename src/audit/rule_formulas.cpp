#include "audit/rule_formulas.hpp"

#include <algorithm>

#include "audit/z3_terms.hpp"
#include "model/codes.hpp"

namespace zhunru::auditing {

z3::expr RuleFormulas::stops(RuleForm form) const {
  if (form == RuleForm::ban) return applies && !exempt;
  if (form == RuleForm::require || form == RuleForm::limit) return applies && !exempt && !complies;
  return applies.ctx().bool_val(false);
}

std::vector<UnitClass> possible_classes(const model::Model& m, const model::Rule& r) {
  std::vector<UnitClass> out;
  for (UnitClass c : {UnitClass::priority, UnitClass::key, UnitClass::general}) {
    if (r.classes && std::find(r.classes->begin(), r.classes->end(), c) == r.classes->end()) continue;
    const model::Tier& tier = m.tiers[r.tier];
    if (tier.level == TierLevel::unit) {
      const auto code = model::parse_unit_code(tier.code);
      if (code && code->unit_class != c) continue;
    }
    out.push_back(c);
  }
  return out;
}

RuleFormulas formulas_of(const model::Model& m, const model::Rule& r, Encoder& encoder, const PlaceEncoder& place,
                         const z3::expr& unit_class) {
  z3::context& ctx = unit_class.ctx();
  z3::expr applies = ctx.bool_val(true);
  if (r.subject) applies = applies && encoder.cond(*r.subject);
  std::vector<int> classes;
  for (UnitClass c : possible_classes(m, r)) classes.push_back(static_cast<int>(c));
  applies = applies && one_of_values(unit_class, std::move(classes)) && place.of(r);
  for (model::CondId s : r.spatial) applies = applies && encoder.cond(s);
  if (r.where) applies = applies && encoder.cond(*r.where);
  const z3::expr exempt = r.unless ? encoder.cond(*r.unless) : ctx.bool_val(false);
  const z3::expr complies = r.requirement ? encoder.cond(*r.requirement) : ctx.bool_val(true);
  return {applies, exempt, complies};
}

}  // namespace zhunru::auditing
