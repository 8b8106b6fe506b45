// What the checker guarantees and the evaluator relies on, checked again for
// a model read from a snapshot (whose bytes anyone may have crafted): every
// id names something that exists, no walk over conditions loops or nests
// deeper than the checker allows (operands and numbers refer only to earlier
// nodes; kind tests may refer forward, but never back to themselves), a fact
// is tested as its own type, and a tier's parent is a level above it.
#pragma once

#include "model/model.hpp"

namespace zhunru::snapshot {

/// Throws Damaged naming the first inconsistency found.
void check_references(const model::Model& model);

}  // namespace zhunru::snapshot
