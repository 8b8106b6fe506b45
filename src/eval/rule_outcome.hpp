// Judging one rule for one project in one unit: its status, the trace of the
// parts that decided it and the facts that would decide it if unknown.
#pragma once

#include "compile/program.hpp"
#include "eval/conditions.hpp"
#include "model/model.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::eval {

/// A rule applies when its subject, scope and `where` hold; it is then
/// satisfied when it is complied with (`to have` holds, or `unless` does) and
/// violated otherwise. A ban has nothing to comply with but its `unless`.
/// Evaluation stops at the first part that is false.
Finding judge_rule(const model::Model& model, const ir::Rule& rule, const ProjectUnit& unit,
                   ConditionEvaluator& conditions);

}  // namespace zhunru::eval
