// `layer reserve-shore = reserve and shoreline-belt;`: the places where every
// operand layer lies, computed once when the maps are loaded, as a layer like
// any other — so `inside`, `within` and `overlapping` need nothing new.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "maps/geo_layer.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::maps {

/// Bounds on one intersection, so a pair of dense, overlapping layers fails
/// with a message instead of running for hours: pieces of the result, and
/// seconds (GEOS interrupted past them).
inline constexpr std::size_t kMaxIntersectionPieces = 200'000;
inline constexpr double kIntersectionSeconds = 30.0;

/// Each feature of the result is where one feature of every operand meets,
/// kept in the lower of their dimensions, as a GIS "intersect" does: two
/// areas meet in an area (an edge they only share is dropped), an area and a
/// line in the line's stretch inside the area. A feature built from a
/// repaired one says so. `layers` holds two or more, none null. Fails past
/// the bounds above, or when GEOS cannot intersect two features.
Expected<std::unique_ptr<const GeoLayer>, LocalizedText> intersect_layers(const std::string& name,
                                                                          const std::vector<const GeoLayer*>& layers);

}  // namespace zhunru::maps
