// The unit map's changes between two versions, from the units that share
// area: added, removed, reclassified (the same area, another class),
// re-coded (the same area and class, another code), and area moved between
// units that both versions keep.
#pragma once

#include <vector>

#include "diff/unit_correspondence.hpp"
#include "zhunru/diff.hpp"

namespace zhunru::diffing {

void unit_map_changes(const maps::UnitMap& older, const maps::UnitMap& newer, const std::vector<UnitPair>& pairs,
                      std::vector<Change>& out);

}  // namespace zhunru::diffing
