#include "spatial/locate.hpp"

#include <fmt/format.h>
#include <geos/geom/Location.h>
#include <geos/geom/Point.h>
#include <geos/util/GEOSException.h>

#include <algorithm>
#include <map>

#include "geo/time_budget.hpp"

namespace zhunru::spatial {
namespace {

using Result = Expected<SiteLocation, LocalizedText>;

/// Points: each point lies in every unit whose closure holds it.
SiteLocation locate_points(const maps::UnitMap& map, const Site& site) {
  const geo::Geometry& g = *site.geometry;
  const std::size_t n = g.getNumGeometries();
  if (g.getGeometryTypeId() == geos::geom::GEOS_POINT) {  // the common case, without the bookkeeping
    SiteLocation out;
    const geo::Coordinate& c = *g.getCoordinate();
    map.index().query(geo::Envelope(c), [&](std::uint32_t u) {
      if (map.index().locate(u, c) != geos::geom::Location::EXTERIOR) out.units.push_back({u, 1.0, nullptr});
    });
    out.outside = out.units.empty() ? 1.0 : 0.0;
    return out;
  }
  std::map<std::uint32_t, std::vector<geo::GeometryPtr>> in_unit;
  std::size_t outside = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const geo::Geometry& point = *g.getGeometryN(i);
    const geo::Coordinate& c = *point.getCoordinate();
    bool found = false;
    map.index().query(geo::Envelope(c), [&](std::uint32_t u) {
      if (map.index().locate(u, c) == geos::geom::Location::EXTERIOR) return;
      in_unit[u].push_back(point.clone());
      found = true;
    });
    if (!found) ++outside;
  }
  SiteLocation out;
  for (auto& [u, points] : in_unit) {
    const double share = static_cast<double>(points.size()) / static_cast<double>(n);
    out.units.push_back({u, share, site.factory->buildGeometry(std::move(points))});
  }
  out.outside = static_cast<double>(outside) / static_cast<double>(n);
  return out;
}

/// Lines and polygons: the share of the site's length or area in each unit.
Result locate_extent(const maps::UnitMap& map, const Site& site, const geo::MetricPool& metrics) {
  const geo::Geometry& g = *site.geometry;
  const geo::GeometryFactory& f = *site.factory;
  geo::MetricPool::Lease lease(metrics);
  geo::Coordinate centre;
  g.getEnvelopeInternal()->centre(centre);
  const auto metric = lease.centred_near(centre.x);
  if (!metric) return Result::failure(metric.error());
  const double total = measure(g, site.dimension, **metric, f);
  if (!(total > 0.0)) return Result::failure({"the site has no length or area", "选址没有长度或面积"});
  SiteLocation out;
  geo::GeometryPtr rest = g.clone();
  std::vector<std::uint32_t> candidates;
  map.index().query(*g.getEnvelopeInternal(), [&](std::uint32_t u) { candidates.push_back(u); });
  for (std::uint32_t u : candidates) {
    const geo::GeometryPtr unit = geo::copy_to(*map.feature(u).geometry, f);  // a copy the site's owner may use
    geo::GeometryPtr part = geo::parts_of_dimension(*geo::intersection(g, *unit), site.dimension);
    if (!part) continue;
    // Of the difference, only the site's own dimension: OverlayNG's fallbacks
    // may leave collapsed lines beside polygons, and a mixed-dimension input
    // makes the next difference throw (a 15 km box over Chongqing did).
    if (rest) rest = geo::parts_of_dimension(*geo::difference(*rest, *unit), site.dimension);
    const double share = measure(*part, site.dimension, **metric, f) / total;
    if (share <= 1e-12) continue;  // a sliver: in no unit, and not outside either
    out.units.push_back({u, std::min(share, 1.0), std::move(part)});
  }
  const auto left = rest ? geo::parts_of_dimension(*rest, site.dimension) : nullptr;  // null: nothing left
  out.outside = left ? std::clamp(measure(*left, site.dimension, **metric, f) / total, 0.0, 1.0) : 0.0;
  if (out.outside <= 1e-9) out.outside = 0.0;
  return out;
}

LocalizedText nowhere(const maps::UnitMap& map, const Site& site) {
  LocalizedText text{"the site touches no unit of the unit map " + map.path() +
                         "; a project outside every unit cannot be judged",
                     "选址未落入单元图 " + map.path() + " 的任何单元；不在任何单元内的项目无法判定"};
  // [lat, lon] instead of [lon, lat] puts Chongqing in the Indian Ocean.
  geo::Envelope all;
  for (std::uint32_t u = 0; u < map.size(); ++u) all.expandToInclude(map.feature(u).geometry->getEnvelopeInternal());
  geo::Coordinate c;
  site.geometry->getEnvelopeInternal()->centre(c);
  if (all.contains(c.y, c.x)) {
    text.en += "; its coordinates look swapped: GeoJSON positions are [longitude, latitude]";
    text.zh += "；其坐标似乎颠倒：GeoJSON 坐标顺序为 [经度, 纬度]";
  }
  return text;
}

}  // namespace

double measure(const geo::Geometry& lonlat, int dimension, const geo::LocalMetric& metric,
               const geo::GeometryFactory& factory) {
  if (dimension == 0) return static_cast<double>(lonlat.getNumGeometries());
  const geo::GeometryPtr metres = metric.project(lonlat, factory);
  return dimension == 1 ? metres->getLength() : metres->getArea();
}

Result locate(const maps::UnitMap& map, const Site& site, const geo::MetricPool& metrics, double seconds) {
  Result located = [&]() -> Result {
    try {
      const geo::TimeBudget budget(seconds);
      if (site.dimension == 0) return locate_points(map, site);
      return locate_extent(map, site, metrics);
    } catch (const geo::OutOfTime&) {
      const std::string limit = fmt::format("{:g}", seconds);
      return Result::failure({"the site could not be located on the unit map within " + limit +
                                  " s: its parts overlap or cross one another too often; simplify the geometry, "
                                  "or give the units it lies in",
                              "未能在 " + limit + " 秒内将选址定位到单元图上：其各部分重叠或交叉过多；"
                                  "请简化几何形状，或直接给出所在单元"});
    } catch (const geos::util::GEOSException& e) {
      return Result::failure({std::string("GEOS could not locate the site: ") + e.what(),
                              std::string("GEOS 无法定位该选址：") + e.what()});
    }
  }();
  if (!located) return located;
  SiteLocation& out = located.value();
  if (out.units.empty()) return Result::failure(nowhere(map, site));
  std::sort(out.units.begin(), out.units.end(), [&](const UnitPart& a, const UnitPart& b) {
    if (a.share != b.share) return a.share > b.share;
    return map.unit(a.unit).code < map.unit(b.unit).code;
  });
  return located;
}

}  // namespace zhunru::spatial
