// One feature of a map file, as compiled: its geometry (lon/lat, valid) and
// what was repaired in it, if anything.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::maps {

struct MapFeature {
  std::size_t index = 0;              // position in the file's "features" list
  std::string label;                  // a unit code, an id or a name, for messages; may be empty
  geo::GeometryPtr geometry;          // lon/lat, valid
  std::vector<LocalizedText> repairs; // empty unless the feature was repaired

  [[nodiscard]] bool repaired() const { return !repairs.empty(); }
  /// "feature 3 (ZH50010310001)", for messages.
  [[nodiscard]] LocalizedText describe(const std::string& file) const;
};

}  // namespace zhunru::maps
