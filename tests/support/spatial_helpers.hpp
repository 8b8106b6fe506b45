// A synthetic spatial world for tests: three units of 渝中区 and one of
// 南岸区 on a 0.05° grid near 106.5°E 29.5°N, a point layer, a line layer
// and a park polygon; plus the geodesic reference distance (PROJ's
// geodesic library, Karney's algorithm) that metres are checked against.
#pragma once

#include <geodesic.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "support/eval_helpers.hpp"

namespace zhunru::testing {

inline std::string rect(double x0, double y0, double x1, double y1) {
  return fmt::format(R"({{"type": "Polygon", "coordinates": [[[{0}, {1}], [{2}, {1}], [{2}, {3}], [{0}, {3}], [{0}, {1}]]]}})",
                     x0, y0, x1, y1);
}

inline std::string unit_feature(const std::string& code, const std::string& geometry) {
  return R"({"type": "Feature", "properties": {"code": ")" + code + R"("}, "geometry": )" + geometry + "}";
}

inline std::string collection(const std::vector<std::string>& features) {
  std::string out = R"({"type": "FeatureCollection", "features": [)";
  for (std::size_t i = 0; i < features.size(); ++i) out += (i ? ", " : "") + features[i];
  return out + "]}";
}

inline std::string plain_feature(const std::string& geometry) {
  return R"({"type": "Feature", "properties": {}, "geometry": )" + geometry + "}";
}

// Units: A (priority) and B (key) side by side, C (general) north of both,
// D (general, district 500108) east of them all.
inline const std::string kUnitsMap = collection({
    unit_feature("ZH50010310001", rect(106.50, 29.50, 106.55, 29.55)),
    unit_feature("ZH50010320001", rect(106.55, 29.50, 106.60, 29.55)),
    unit_feature("ZH50010330001", rect(106.50, 29.55, 106.60, 29.60)),
    unit_feature("ZH50010830001", rect(106.60, 29.50, 106.65, 29.60)),
});
inline const std::string kWaterMap =
    collection({plain_feature(R"({"type": "Point", "coordinates": [106.575, 29.525]})")});
inline const std::string kRiverMap =
    collection({plain_feature(R"({"type": "LineString", "coordinates": [[106.58, 29.40], [106.58, 29.70]]})")});
inline const std::string kParksMap = collection({plain_feature(rect(106.52, 29.52, 106.53, 29.53))});

inline const char* const kSpatialSchema = R"(
ruleset "空间测试" version "1" effective 2024-01-01;
fact industry : industry;
fact low-voc : bool;
kind chemical = industry in [C26];
units from "maps/units.geojson";
layer water from "maps/water.geojson";
layer river from "maps/river.geojson";
layer parks from "maps/parks.geojson";
)";

inline std::vector<SourceText> spatial_sources(const std::string& tiers) {
  return {{"schema.rules", kSpatialSchema}, {"tiers.rules", tiers},       {"maps/units.geojson", kUnitsMap},
          {"maps/water.geojson", kWaterMap},  {"maps/river.geojson", kRiverMap}, {"maps/parks.geojson", kParksMap}};
}

/// Metres between two lon/lat points on the CGCS2000 (GRS80) ellipsoid.
inline double geodesic_m(double lon1, double lat1, double lon2, double lat2) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1.0 / 298.257222101);
  double s12 = 0.0;
  geod_inverse(&g, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
  return s12;
}

/// The point `metres` from (lon, lat) along `azimuth` (degrees from north).
inline std::pair<double, double> geodesic_point(double lon, double lat, double azimuth, double metres) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1.0 / 298.257222101);
  double lat2 = 0.0, lon2 = 0.0;
  geod_direct(&g, lat, lon, azimuth, metres, &lat2, &lon2, nullptr);
  return {lon2, lat2};
}

inline std::string point(double lon, double lat) {
  return fmt::format(R"({{"type": "Point", "coordinates": [{:.12f}, {:.12f}]}})", lon, lat);
}

}  // namespace zhunru::testing
