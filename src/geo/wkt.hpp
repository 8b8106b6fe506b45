// Well-known text (what a spreadsheet or a database export holds in a
// geometry column), as GeoJSON for a site.
#pragma once

#include <string>
#include <string_view>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::geo {

/// `POINT (106.5 29.5)` → `{"type":"Point","coordinates":[106.5,29.5]}`,
/// or why the text is not WKT.
Expected<std::string, LocalizedText> wkt_to_geojson(std::string_view wkt);

}  // namespace zhunru::geo
