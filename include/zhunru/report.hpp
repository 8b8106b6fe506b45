// The applicant's report: one self-contained HTML page (printable to PDF)
// with the verdict, what must change with 理由 and 依据, the facts still
// needed, the units with their shares, every rule judged with its trace,
// the ruleset's title, version, hash and as-of date, and an inline SVG map
// of the site, the units it touches and the layers of the rules that
// decided. Chinese by default. (`zhunru eval --format html`, the service's
// /v1/report; docs/report.md.)
//
//   auto decision = zhunru::evaluate(*ruleset, project);
//   std::ofstream("report.html") << zhunru::to_html(*ruleset, project, *decision);
#pragma once

#include <string>

#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

struct ReportOptions {
  Lang lang = Lang::zh;  // the applicant's language first: Chinese unless asked
};

/// `decision` must be what evaluate() gave for `project` against `ruleset`
/// (with findings). Deterministic: the same inputs give the same bytes.
std::string to_html(const Ruleset& ruleset, const Project& project, const Decision& decision,
                    const ReportOptions& options = {});

}  // namespace zhunru
