// Units whose areas overlap: a defect of the map as a whole (a site there
// lies in both), found pairwise through the unit map's STR-tree. It costs an
// overlay per pair of touching units, so it runs for `zhunru check`
// (CompileOptions::lint_maps), not for every evaluation.
#pragma once

#include "maps/map_report.hpp"
#include "maps/unit_map.hpp"

namespace zhunru::maps {

/// Reports each overlapping pair once, under the first unit, as a
/// `map.overlap` warning with the overlap's area in m² and where it is.
/// Overlaps under 1 m² (rounding along shared boundaries) are not reported.
void report_unit_overlaps(const UnitMap& map, MapReport& report);

}  // namespace zhunru::maps
