// Locating a site on the unit map: every unit it touches, with the share of
// the site in each — of its points (a point: 1), of its length (lines), of
// its area (polygons) — measured in metres (geo::LocalMetric).
#pragma once

#include <cstdint>
#include <vector>

#include "geo/local_metric.hpp"
#include "geo/metric_pool.hpp"
#include "maps/unit_map.hpp"
#include "spatial/site.hpp"

namespace zhunru::spatial {

struct UnitPart {
  std::uint32_t unit = 0;       // in the unit map
  double share = 0.0;           // 0–1
  geo::GeometryPtr part;        // the site within the unit, lon/lat, built with the site's factory;
                                // null when it is the whole site
};

struct SiteLocation {
  std::vector<UnitPart> units;  // largest share first, then by code
  double outside = 0.0;         // the share of the site in no unit
};

/// How long locating one site may take: overlay of a site whose parts overlap
/// or cross many times is quadratic in time and memory.
inline constexpr double kLocateSeconds = 10.0;

/// Where `site` lies; an error when it touches no unit (with a hint when
/// the coordinates look swapped), when GEOS cannot intersect it, or when that
/// takes longer than `seconds`. Projections come from `metrics`.
Expected<SiteLocation, LocalizedText> locate(const maps::UnitMap& map, const Site& site, const geo::MetricPool& metrics,
                                             double seconds = kLocateSeconds);

/// The site's size in metres: number of points, length (m) or area (m²).
double measure(const geo::Geometry& lonlat, int dimension, const geo::LocalMetric& metric,
               const geo::GeometryFactory& factory);

}  // namespace zhunru::spatial
