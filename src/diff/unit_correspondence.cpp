#include "diff/unit_correspondence.hpp"

#include <geos/geom/Point.h>
#include <geos/util/GEOSException.h>

namespace zhunru::diffing {

namespace {

// Shares below this are slivers two surveys of one boundary leave, not area.
constexpr double kSliver = 1e-6;

}  // namespace

std::vector<UnitPair> corresponding_units(const maps::UnitMap& older, const maps::UnitMap& newer) {
  std::vector<UnitPair> out;
  for (std::uint32_t u = 0; u < older.size(); ++u) {
    const geo::Geometry& a = *older.feature(u).geometry;
    const double area_a = a.getArea();
    std::vector<std::uint32_t> near;
    newer.index().query(*a.getEnvelopeInternal(), [&](std::uint32_t v) { near.push_back(v); });
    for (std::uint32_t v : near) {
      const geo::Geometry& b = *newer.feature(v).geometry;
      geo::GeometryPtr both;
      try {
        both = geo::intersection(a, b);
      } catch (const geos::util::GEOSException&) {
        continue;  // an overlay every strategy fails on: not a place a witness can be sited in
      }
      const double shared = both ? both->getArea() : 0.0;
      if (area_a <= 0.0 || shared <= kSliver * area_a) continue;
      const double area_b = b.getArea();
      out.push_back({u, v, shared / area_a, area_b > 0.0 ? shared / area_b : 0.0,
                     *both->getInteriorPoint()->getCoordinate()});
    }
  }
  return out;
}

}  // namespace zhunru::diffing
