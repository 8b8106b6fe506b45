// What evaluation runs on, stored in a snapshot beside the model so that a
// loader builds nothing: the IR, the rule index and the rules' order by id.
// A national list spent 0.4 s of its load rebuilding them (docs/benchmarks.md).
// They are verified before they are used (compile/verify_program.hpp,
// RuleIndex::damaged): a forged snapshot can make them disagree with its
// model — as it can forge the model itself — but never make evaluation read
// out of bounds or never end.
#pragma once

#include <cstdint>
#include <vector>

#include "api/ruleset_data.hpp"
#include "api/snapshot_codec.hpp"

namespace zhunru::snapshot {

/// The evaluation parts as read, not yet checked against the model.
struct StoredEvaluation {
  ir::Program program;
  std::vector<ir::Rule> rules;
  ir::RuleIndex::Buckets index;
  std::vector<std::uint32_t> order;  // rule indices sorted by id
};

void write_evaluation(Writer& out, const Ruleset::Data& data);
/// Throws Damaged on bytes that do not decode.
StoredEvaluation read_evaluation(Reader& in);
/// Puts `stored` into `data`, whose model and maps are loaded and checked;
/// throws Damaged when it does not fit them.
void adopt_evaluation(Ruleset::Data& data, StoredEvaluation stored);

}  // namespace zhunru::snapshot
