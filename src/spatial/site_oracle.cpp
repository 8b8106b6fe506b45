#include "spatial/site_oracle.hpp"

#include <geos/geom/Location.h>
#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/util/GEOSException.h>

#include <fmt/format.h>

#include <cmath>
#include <numbers>


namespace zhunru::spatial {
namespace {

/// `part`'s envelope grown by at least `metres` in every direction.
geo::Envelope grown(const geo::Envelope& e, double metres) {
  const double dlat = metres / 110000.0;  // a degree of latitude is ≥ 110.57 km
  const double lat = std::min(89.0, std::max(std::fabs(e.getMinY()), std::fabs(e.getMaxY())) + dlat);
  const double dlon = std::min(360.0, metres / (111000.0 * std::cos(lat * std::numbers::pi / 180.0)));
  geo::Envelope out(e);
  out.expandBy(dlon, dlat);
  return out;
}

bool all_points(const geo::Geometry& g) { return g.getDimension() == geos::geom::Dimension::P; }

}  // namespace

const geo::GeometryFactory& SiteOracle::factory() {
  if (!factory_) factory_ = geo::make_factory();
  return *factory_;
}

/// Metres around `part` (each unit's part has its own centre).
const geo::LocalMetric& SiteOracle::metric(const geo::Geometry& part) {
  if (!lease_) lease_.emplace(metrics_);
  geo::Coordinate c;
  part.getEnvelopeInternal()->centre(c);
  auto m = lease_->centred_near(c.x);
  if (!m) throw geos::util::GEOSException(m.error().en);  // reported as the oracle's failure
  return **m;
}

void SiteOracle::used(const maps::GeoLayer& layer, model::LayerId id, std::uint32_t feature) {
  if (layer.feature(feature).repaired()) repaired_.emplace(id, feature);
}

bool SiteOracle::inside(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part) {
  if (all_points(part)) {
    for (std::size_t i = 0; i < part.getNumGeometries(); ++i) {
      if ((i & 4095) == 4095) geo::check_time_budget();  // many points: our loop, not GEOS's
      const geo::Coordinate& c = *part.getGeometryN(i)->getCoordinate();
      bool in = false;
      layer.features().query(geo::Envelope(c), [&](std::uint32_t f) {
        if (in || !layer.features().is_areal(f)) return;
        if (layer.features().locate(f, c) != geos::geom::Location::EXTERIOR) {
          in = true;
          used(layer, id, f);
        }
      });
      if (!in) return false;
    }
    return true;
  }
  const geo::GeometryPtr mine = geo::copy_to(part, factory());
  std::vector<geo::GeometryPtr> areas;
  layer.features().query(*part.getEnvelopeInternal(), [&](std::uint32_t f) {
    if (!layer.features().is_areal(f)) return;
    geo::GeometryPtr area = geo::copy_to(*layer.feature(f).geometry, factory());
    if (!area->intersects(mine.get())) return;  // plays no part
    used(layer, id, f);
    areas.push_back(std::move(area));
  });
  if (areas.empty()) return false;
  const geo::GeometryPtr all = areas.size() == 1 ? std::move(areas.front()) : geo::union_of(*factory().buildGeometry(std::move(areas)));
  return all->covers(mine.get());
}

bool SiteOracle::touches_area(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part) {
  if (!layer.has_areas()) return false;
  bool touches = false;
  // The site's part, prepared once (this evaluation's own) and tested
  // against each candidate area.
  geo::GeometryPtr mine;
  std::unique_ptr<geos::geom::prep::PreparedGeometry> prepared;
  layer.features().query(*part.getEnvelopeInternal(), [&](std::uint32_t f) {
    if (touches || !layer.features().is_areal(f)) return;
    if (all_points(part)) {
      for (std::size_t i = 0; i < part.getNumGeometries() && !touches; ++i) {
        if ((i & 4095) == 4095) geo::check_time_budget();
        touches = layer.features().locate(f, *part.getGeometryN(i)->getCoordinate()) != geos::geom::Location::EXTERIOR;
      }
    } else {
      if (!prepared) {
        mine = geo::copy_to(part, factory());
        prepared = geos::geom::prep::PreparedGeometryFactory::prepare(mine.get());
      }
      const geo::GeometryPtr area = geo::copy_to(*layer.feature(f).geometry, factory());
      touches = prepared->intersects(area.get());
    }
    if (touches) used(layer, id, f);
  });
  return touches;
}

bool SiteOracle::within(const maps::GeoLayer& layer, model::LayerId id, double distance_m, const geo::Geometry& part) {
  if (touches_area(layer, id, part)) return true;  // distance 0
  const geo::LocalMetric& m = metric(part);
  const geo::GeometryPtr mine = m.project(part, factory());
  bool near = false;
  layer.pieces().query(grown(*part.getEnvelopeInternal(), distance_m), [&](std::uint32_t p) {
    if (near) return;
    const geo::GeometryPtr piece = m.project(layer.piece(p), factory());
    if (mine->isWithinDistance(piece.get(), distance_m)) {
      near = true;
      used(layer, id, layer.feature_of_piece(p));
    }
  });
  return near;
}

Truth SiteOracle::test(ast::SpatialOp op, model::LayerId layer, double distance_m, const geo::Geometry* part,
                       std::uint32_t key) {
  const maps::GeoLayer* l = layer < maps_.layers.size() ? maps_.layers[layer].get() : nullptr;
  if (!part || !l) return Truth::unknown;
  const auto memo_key = std::make_tuple(key, static_cast<int>(op), layer, distance_m);
  if (const auto hit = memo_.find(memo_key); hit != memo_.end()) return hit->second ? Truth::is_true : Truth::is_false;
  if (failure_) return Truth::unknown;  // the evaluation fails already; no more work for it
  if (!deadline_) deadline_ = geo::deadline_after(seconds_);
  bool result = false;
  try {
    const geo::TimeBudget budget(*deadline_);
    switch (op) {
      case ast::SpatialOp::inside: result = inside(*l, layer, *part); break;
      case ast::SpatialOp::outside: result = !inside(*l, layer, *part); break;
      case ast::SpatialOp::within: result = within(*l, layer, distance_m, *part); break;
    }
  } catch (const geo::OutOfTime&) {
    const std::string limit = fmt::format("{:g}", seconds_);
    failure_ = LocalizedText{"the spatial tests of this project took longer than " + limit +
                                 " s: simplify the site's geometry",
                             "本项目的空间判断超过 " + limit + " 秒：请简化选址几何"};
    return Truth::unknown;
  } catch (const geos::util::GEOSException& e) {
    if (!failure_) {
      failure_ = LocalizedText{std::string("a spatial test failed: ") + e.what(), std::string("空间判断失败：") + e.what()};
    }
    return Truth::unknown;
  }
  memo_.emplace(memo_key, result);
  return result ? Truth::is_true : Truth::is_false;
}

}  // namespace zhunru::spatial
