// Plausibility lints a reviewer would want (issue #16, item 4): things the
// solver cannot call wrong but a person would question — a limit far looser
// than the same limit in sibling tiers (a 万吨 typed for a 吨), a citation
// left empty or as a placeholder.
#pragma once

#include <vector>

#include "model/model.hpp"
#include "zhunru/audit.hpp"

namespace zhunru::auditing {

/// How much looser than its siblings' median a limit must be to be questioned.
inline constexpr double kImplausibleRatio = 100.0;

/// Findings for the rules in `live` (those in force).
void plausibility_lints(const model::Model& m, const std::vector<std::uint32_t>& live, std::vector<AuditFinding>& out);

}  // namespace zhunru::auditing
