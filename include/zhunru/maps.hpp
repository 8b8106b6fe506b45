// The ruleset's maps for drawing: the unit map, the districts it covers,
// and each layer, as GeoJSON FeatureCollections in lon/lat (what a web map
// or a GIS draws; the service's GET /v1/maps/{name}).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

/// The maps `map_geojson` can give: "units" and "districts" when the
/// ruleset has a unit map, then every layer by name.
std::vector<std::string> map_names(const Ruleset& ruleset);

/// "units": every unit, properties `code`, `name`, `class`, `district`.
/// "districts": the units dissolved by district, properties `district`,
/// `units` (how many). A layer's name: its features, properties `index`
/// (in the layer's file) and `label`. Refused (with the names there are)
/// for any other name. Compact, one line; coordinates as the maps hold them.
Expected<std::string, LocalizedText> map_geojson(const Ruleset& ruleset, std::string_view name);

}  // namespace zhunru
