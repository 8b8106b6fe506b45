// A rule as three formulas over one project and one place — where it
// applies, what exempts, what complies — shared by the auditor (rules of one
// version) and the diff (rules of two versions on one Z3 context).
#pragma once

#include <z3++.h>

#include <chrono>
#include <vector>

#include "audit/encoder.hpp"
#include "audit/place.hpp"
#include "model/model.hpp"

namespace zhunru::auditing {

struct RuleFormulas {
  z3::expr applies;    // subject, scope (class, place, layers), where
  z3::expr exempt;     // unless
  z3::expr complies;   // requirement (true for bans and positive entries)

  /// A project the rule stops: a ban that applies unexempted, a requirement
  /// unmet (false for allow and encourage, which stop nothing).
  [[nodiscard]] z3::expr stops(RuleForm form) const;
};

/// The unit classes `r` can apply in: its scope's, narrowed by a unit tier's own class.
std::vector<UnitClass> possible_classes(const model::Model& m, const model::Rule& r);

/// `unit_class`: the variable for the class of the unit the project lies in.
RuleFormulas formulas_of(const model::Model& m, const model::Rule& r, Encoder& encoder, const PlaceEncoder& place,
                         const z3::expr& unit_class);

inline bool in_force(const model::Rule& r, const std::chrono::year_month_day& day) {
  return (!r.effective_from || *r.effective_from <= day) && (!r.effective_until || day <= *r.effective_until);
}

}  // namespace zhunru::auditing
