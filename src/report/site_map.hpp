// The report's map: an inline SVG of the site, the units it lies in and the
// features of the layers that the deciding rules (violated, or not yet
// known) test, in a local equirectangular view around the site.
#pragma once

#include <string>
#include <vector>

#include "api/ruleset_data.hpp"
#include "eval/project_data.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::report {

/// The layers a deciding rule of `decision` names in its spatial scope, by model::LayerId, each once.
std::vector<model::LayerId> deciding_layers(const Ruleset::Data& ruleset, const Decision& decision);

/// "" when there is nothing to draw (no site and no unit map).
std::string site_map_svg(const Ruleset::Data& ruleset, const Project::Data& project, const Decision& decision,
                         Lang lang);

}  // namespace zhunru::report
