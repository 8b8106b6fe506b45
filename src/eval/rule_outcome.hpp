// Judging one rule for one project in one unit: its status, whether it
// applies, the facts that would decide it if unknown and, on request, the
// trace of the parts that decided it.
#pragma once

#include <optional>
#include <vector>

#include "compile/program.hpp"
#include "eval/conditions.hpp"
#include "model/model.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::eval {

struct Judgement {
  Status status = Status::not_applicable;
  std::optional<bool> applies;       // nullopt: applicability itself is unknown
  std::vector<ir::Slot> missing;     // status unknown: the facts (slots) that would decide it
};

/// A rule applies when its subject, scope and `where` hold; it is then
/// satisfied when it is complied with (`to have` holds, or `unless` does) and
/// violated otherwise. A ban has nothing to comply with but its `unless`.
/// Evaluation stops at the first part that is false. `trace`, when given,
/// receives each part evaluated and its value.
Judgement judge_rule(const model::Rule& r, const ir::Rule& rule, const ProjectUnit& unit,
                     ConditionEvaluator& conditions, std::vector<TraceStep>* trace);

}  // namespace zhunru::eval
