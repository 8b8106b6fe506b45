#include "maps/unit_overlaps.hpp"

#include <geos/util/GEOSException.h>

#include <fmt/format.h>

#include "geo/local_metric.hpp"

namespace zhunru::maps {
namespace {

/// Below this, an overlap is floating-point noise where two units share a
/// boundary (a vertex of one a hair off the other's edge), not a defect.
constexpr double kNoiseM2 = 1.0;

/// The overlap's area in m², and its centre; 0 when the units only touch.
std::pair<double, geo::Coordinate> overlap(const geo::Geometry& a, const geo::Geometry& b) {
  const geo::GeometryPtr shared = geo::parts_of_dimension(*geo::intersection(a, b), 2);
  if (!shared) return {0.0, {}};
  geo::Coordinate centre;
  shared->getEnvelopeInternal()->centre(centre);
  auto metric = geo::LocalMetric::centred_at(centre.x);
  if (!metric) return {0.0, {}};
  return {metric->project(*shared, *shared->getFactory())->getArea(), centre};
}

}  // namespace

void report_unit_overlaps(const UnitMap& map, MapReport& report) {
  for (std::uint32_t u = 0; u < map.size(); ++u) {
    const geo::Geometry& a = *map.feature(u).geometry;
    map.index().query(*a.getEnvelopeInternal(), [&](std::uint32_t v) {
      if (v <= u) return;
      const geo::Geometry& b = *map.feature(v).geometry;
      try {
        if (!a.intersects(&b)) return;
        const auto [area, at] = overlap(a, b);
        if (area < kNoiseM2) return;
        const std::string other = map.unit(v).code + " (features[" + std::to_string(map.feature(v).index) + "])";
        report.feature(Severity::warning, "map.overlap", map.feature(u).index, map.unit(u).code,
                       {fmt::format("overlaps unit {} by {:.0f} m² around ({:.4f}, {:.4f}); a site there lies in both",
                                    other, area, at.x, at.y),
                        fmt::format("与单元 {} 重叠 {:.0f} 平方米，位于 ({:.4f}, {:.4f}) 附近；落在此处的选址同属两个单元",
                                    other, area, at.x, at.y)});
      } catch (const geos::util::GEOSException& e) {
        report.feature(Severity::warning, "map.overlap", map.feature(u).index, map.unit(u).code,
                       {std::string("could not compare with unit ") + map.unit(v).code + ": " + e.what(),
                        std::string("无法与单元 ") + map.unit(v).code + " 比较：" + e.what()});
      }
    });
  }
}

}  // namespace zhunru::maps
