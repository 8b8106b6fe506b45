// The members of a decision's JSON, for writers that put them in an object of
// their own (a screening record adds `record` and `id` before them).
#pragma once

#include "base/json_writer.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {

/// Writes the decision's members (not the braces) into the open object.
void write_decision_members(JsonWriter& w, const Decision& d, bool compact);
/// The verdict's members alone: verdict, best, worst, missing, violated, units (codes).
void write_verdict_members(JsonWriter& w, const Decision& d);

}  // namespace zhunru
