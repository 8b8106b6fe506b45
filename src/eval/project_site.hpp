// Where a project is: its site located on the ruleset's unit map and
// combined with the units given in `units` (docs/spatial.md):
//  - with a unit map, the site decides the units and their shares; units
//    given as well must be among them (a cross-check, never silently merged);
//  - without one, the units must be given, and spatial conditions test the
//    whole site in every unit.
#pragma once

#include <vector>

#include "api/ruleset_data.hpp"
#include "eval/project_data.hpp"

namespace zhunru::eval {

/// Fills `data.units`, `data.parts` and `data.notes` from `data.site` and
/// the units given; problems go to `errors` under "site" or "units".
void place_site(const Ruleset::Data& ruleset, Project::Data& data, std::vector<ProjectError>& errors);

}  // namespace zhunru::eval
