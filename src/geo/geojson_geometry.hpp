// A GeoJSON geometry object (RFC 7946: lon/lat positions, straight edges in
// lon/lat) read into a GEOS geometry, refusing anything a map or a site must
// not be: non-finite or out-of-range numbers, [lat, lon] order, unclosed or
// short rings, empty or invalid geometries. With `repair`, what can be
// repaired is, and every repair is reported.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "geo/geos.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::geo {

struct ReadGeometryOptions {
  bool repair = false;   // close rings, drop degenerate parts, MakeValid
};

struct ReadGeometry {
  GeometryPtr geometry;                   // null when refused
  std::optional<LocalizedText> error;     // why it was refused
  bool degenerate = false;                // refused because repair left nothing (no extent)
  std::vector<LocalizedText> repairs;     // what was changed (repair mode only)
};

/// Why a GeoJSON object's `crs` member (GeoJSON 2008; RFC 7946 dropped it)
/// rules it out: zhunru reads longitude/latitude only — EPSG:4490
/// (CGCS2000), EPSG:4326 (WGS 84) or CRS84. nullopt when there is no `crs`
/// or it names one of those.
template <class Json>
std::optional<LocalizedText> crs_problem(const Json& object);

/// Reads `json` (a GeoJSON geometry object) with `factory`. Accepted types:
/// Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon.
/// Instantiated for nlohmann::json (maps) and nlohmann::ordered_json (sites).
template <class Json>
ReadGeometry read_geojson_geometry(const Json& json, const GeometryFactory& factory,
                                   const ReadGeometryOptions& options = {});

}  // namespace zhunru::geo
