// Renders diagnostics for a terminal:
//
//   rules/city.rules:3:36: error: expected a unit class — … — after `in`, found `prority`
//       3 |     CQ-01: ban two-high projects in prority units
//         |                                     ^^^^^^^
//     help: did you mean `priority`?
#pragma once

#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru {

/// `sources` supplies the line shown under the message; a diagnostic whose
/// file is not among them is printed without it.
std::string render(const Diagnostic& diagnostic, const SourceSet& sources, Lang lang);

/// Every diagnostic, in order; `sources` may be null (no source lines then).
std::string render_all(const std::vector<Diagnostic>& diagnostics, const SourceSet* sources, Lang lang);

}  // namespace zhunru
