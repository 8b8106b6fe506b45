// A project's site: a GeoJSON geometry in lon/lat (CGCS2000 ≈ WGS84) — a
// point, a line for roads and pipelines, a polygon for a plant. Invalid
// sites are refused with the reason, never repaired behind the applicant's
// back; a site in another coordinate system (a `crs` that is not lon/lat)
// is refused, never read as lon/lat — except GCJ-02, converted when the site
// says `"crs": "GCJ-02"` (docs/spatial.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/json_input.hpp"
#include "geo/geos.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::spatial {

struct Site {
  geo::GeometryFactory::Ptr factory;   // first: it outlives the geometries built with it
  geo::GeometryPtr geometry;           // lon/lat, valid, not empty
  int dimension = 0;                   // 0 points, 1 lines, 2 polygons
  bool from_gcj02 = false;             // given in GCJ-02 and converted (answers say so)
};

struct SiteError {
  std::string code;        // input.* for the JSON, project.site-crs, project.site-geometry
  LocalizedText message;
};

/// Reads a site from the GeoJSON text of one geometry object.
Expected<std::shared_ptr<const Site>, SiteError> read_site(std::string_view geojson, const json_input::Limits& limits);

}  // namespace zhunru::spatial
