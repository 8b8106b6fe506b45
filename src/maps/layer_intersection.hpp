// `layer reserve-shore = reserve and shoreline-belt;`: the places where every
// operand layer lies, computed once when the maps are loaded, as a layer like
// any other — so `inside`, `within` and `overlapping` need nothing new.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "maps/geo_layer.hpp"

namespace zhunru::maps {

/// Each feature of the result is where one feature of every operand meets,
/// kept in the lower of their dimensions, as a GIS "intersect" does: two
/// areas meet in an area (an edge they only share is dropped), an area and a
/// line in the line's stretch inside the area. A feature built from a
/// repaired one says so. `layers` holds two or more, none null.
std::unique_ptr<const GeoLayer> intersect_layers(const std::string& name, const std::vector<const GeoLayer*>& layers);

}  // namespace zhunru::maps
