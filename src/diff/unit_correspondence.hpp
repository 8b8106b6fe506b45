// Which units of two unit maps share area: the places a project can lie in
// under both versions of a list. The diff's solver chooses among them, its
// witnesses are sited in them, and the unit-map changes are read from them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "maps/unit_map.hpp"

namespace zhunru::diffing {

struct UnitPair {
  std::uint32_t old_unit = 0;
  std::uint32_t new_unit = 0;
  double old_share = 0.0;   // of the OLD unit's area, in the NEW one
  double new_share = 0.0;   // of the NEW unit's area, in the OLD one
  geo::Coordinate inside;   // a point inside both
};

/// Every pair of units, one of each map, whose interiors meet (by area, not
/// at a shared edge), with a point inside both.
std::vector<UnitPair> corresponding_units(const maps::UnitMap& older, const maps::UnitMap& newer);

}  // namespace zhunru::diffing
