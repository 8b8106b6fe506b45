#include "spatial/site_oracle.hpp"

#include <geos/geom/Location.h>
#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/util/GEOSException.h>

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "spatial/locate.hpp"


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
        if (in || !layer.features().is_areal(f) || !picked(f)) return;
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
  const geo::GeometryPtr all = areas_meeting(layer, id, part, *mine);
  return all && all->covers(mine.get());
}

/// The union of the layer's polygons that meet `mine` (`part`, this
/// evaluation's copy). `only`: these features (meeting `mine`), instead of
/// all that do. `clip`: each first cut to a box a little larger than the
/// part — a dense farmland map merges only the plots near the parcel, not
/// the county's — for measuring areas and lengths, which the cut leaves as
/// they were; not for exact tests (`inside`), where the nodes it adds on an
/// edge may move it by a rounding. Null when none does.
geo::GeometryPtr SiteOracle::areas_meeting(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part,
                                           const geo::Geometry& mine, const std::vector<std::uint32_t>* only, bool clip) {
  geo::Envelope box(*part.getEnvelopeInternal());
  box.expandBy(1e-5);  // ≈ 1 m: the box's edges never touch the part
  const geo::GeometryPtr window = clip ? factory().toGeometry(&box) : nullptr;
  std::vector<geo::GeometryPtr> areas;
  const auto take = [&](std::uint32_t f) {
    if (!layer.features().is_areal(f) || !picked(f)) return;
    geo::GeometryPtr area = geo::copy_to(*layer.feature(f).geometry, factory());
    if (!area->intersects(&mine)) return;  // plays no part
    used(layer, id, f);
    if (clip && !box.contains(area->getEnvelopeInternal())) {
      // Only the cut's areas: a vertex just outside the box leaves a stray point.
      area = geo::parts_of_dimension(*geo::intersection(*area, *window), 2);
      if (!area) return;
    }
    areas.push_back(std::move(area));
  };
  if (only) {
    for (std::uint32_t f : *only) take(f);
  } else {
    layer.features().query(*part.getEnvelopeInternal(), take);
  }
  if (areas.empty()) return nullptr;
  return areas.size() == 1 ? std::move(areas.front()) : geo::union_of(*factory().buildGeometry(std::move(areas)));
}

/// How many of `points` lie in the interior of the layer's polygons' union
/// (stopping at the first when `any`). A point on a boundary two polygons
/// share lies inside their union; one on the layer's outer edge does not.
std::size_t SiteOracle::points_in_interior(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& points,
                                           bool any) {
  std::size_t in = 0;
  for (std::size_t i = 0; i < points.getNumGeometries() && !(any && in > 0); ++i) {
    if ((i & 4095) == 4095) geo::check_time_budget();
    const geo::Coordinate& c = *points.getGeometryN(i)->getCoordinate();
    bool inner = false;
    std::vector<std::uint32_t> edges;  // features the point lies on the boundary of
    layer.features().query(geo::Envelope(c), [&](std::uint32_t f) {
      if (inner || !layer.features().is_areal(f) || !picked(f)) return;
      const auto where = layer.features().locate(f, c);
      if (where == geos::geom::Location::INTERIOR) {
        inner = true;
        used(layer, id, f);
      } else if (where == geos::geom::Location::BOUNDARY) {
        edges.push_back(f);
      }
    });
    if (!inner && edges.size() >= 2) {
      std::vector<geo::GeometryPtr> areas;
      for (std::uint32_t f : edges) areas.push_back(geo::copy_to(*layer.feature(f).geometry, factory()));
      const geo::GeometryPtr all = geo::union_of(*factory().buildGeometry(std::move(areas)));
      const geo::GeometryPtr point(factory().createPoint(c));
      inner = all->contains(point.get());
      if (inner) {
        for (std::uint32_t f : edges) used(layer, id, f);
      }
    }
    if (inner) ++in;
  }
  return in;
}

/// Whether the interior of `mine` (a line or polygon) meets the interior of
/// the layer's polygons' union. One polygon whose interior it meets decides
/// at once (a dense map is not merged); only a part that lies along the
/// edges of several — between two plots — needs those merged.
bool SiteOracle::meets_interior(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part,
                                const geo::Geometry& mine) {
  bool meets = false;
  std::vector<std::uint32_t> touching;
  layer.features().query(*part.getEnvelopeInternal(), [&](std::uint32_t f) {
    if (meets || !layer.features().is_areal(f) || !picked(f)) return;
    const geo::GeometryPtr area = geo::copy_to(*layer.feature(f).geometry, factory());
    if (!area->intersects(&mine)) return;
    if (mine.relate(area.get(), "T********")) {
      meets = true;
      used(layer, id, f);
    } else {
      touching.push_back(f);
    }
  });
  if (meets) return true;
  if (touching.size() < 2) return false;
  const geo::GeometryPtr all = areas_meeting(layer, id, part, mine, &touching);
  return all && mine.relate(all.get(), "T********");
}

bool SiteOracle::overlaps(const maps::GeoLayer& layer, const model::SiteSpatial& test, const geo::Geometry& part) {
  using model::OverlapMeasure;
  // Shares and areas are compared with room for rounding in the projection.
  constexpr double kSlack = 1e-9;
  if (all_points(part)) {
    if (test.by == OverlapMeasure::area) return false;  // points have no area
    const bool any = test.by == OverlapMeasure::any;
    const std::size_t in = points_in_interior(layer, test.layer, part, any);
    if (any) return in > 0;
    return static_cast<double>(in) >= test.amount * static_cast<double>(part.getNumGeometries()) * (1.0 - kSlack);
  }
  const geo::GeometryPtr mine = geo::copy_to(part, factory());
  if (test.by == OverlapMeasure::any) return meets_interior(layer, test.layer, part, *mine);
  const int dimension = part.getDimension() == geos::geom::Dimension::L ? 1 : 2;
  if (test.by == OverlapMeasure::area && dimension < 2) return false;  // lines have no area
  const geo::GeometryPtr all = areas_meeting(layer, test.layer, part, *mine, nullptr, true);
  if (!all) return false;
  geo::GeometryPtr shared = geo::parts_of_dimension(*geo::intersection(*mine, *all), dimension);
  // A line's stretch along L's edge is on L, not in it (as for `overlapping`).
  if (shared && dimension == 1) shared = geo::parts_of_dimension(*geo::difference(*shared, *all->getBoundary()), 1);
  if (!shared) return false;
  const geo::LocalMetric& m = metric(part);
  const double in = measure(*shared, dimension, m, factory());
  if (test.by == OverlapMeasure::area) return in >= test.amount * (1.0 - kSlack);
  const double whole = measure(*mine, dimension, m, factory());
  return whole > 0.0 && in >= test.amount * whole * (1.0 - kSlack);
}

bool SiteOracle::touches_area(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part) {
  if (!layer.has_areas()) return false;
  bool touches = false;
  // The site's part, prepared once (this evaluation's own) and tested
  // against each candidate area.
  geo::GeometryPtr mine;
  std::unique_ptr<geos::geom::prep::PreparedGeometry> prepared;
  layer.features().query(*part.getEnvelopeInternal(), [&](std::uint32_t f) {
    if (touches || !layer.features().is_areal(f) || !picked(f)) return;
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
    if (near || !picked(layer.feature_of_piece(p))) return;
    const geo::GeometryPtr piece = m.project(layer.piece(p), factory());
    if (mine->isWithinDistance(piece.get(), distance_m)) {
      near = true;
      used(layer, id, layer.feature_of_piece(p));
    }
  });
  return near;
}

Truth SiteOracle::test(const model::SiteSpatial& s, const geo::Geometry* part, std::uint32_t key,
                       const FeaturePick* pick) {
  const model::LayerId layer = s.layer;
  pick_ = pick;
  const maps::GeoLayer* l = layer < maps_.layers.size() ? maps_.layers[layer].get() : nullptr;
  if (!part || !l) return Truth::unknown;
  // `outside` and `not overlapping` are their tests negated: one memo entry,
  // so a ruleset that tests both ways pays once.
  if (const auto [positive, negated] = model::positive_form(s); negated) {
    const Truth t = test(positive, part, key, pick);
    return t == Truth::unknown ? t : (t == Truth::is_true ? Truth::is_false : Truth::is_true);
  }
  const auto memo_key = std::make_tuple(key, static_cast<int>(s.op), layer, s.amount, static_cast<int>(s.by));
  if (const auto hit = memo_.find(memo_key); hit != memo_.end()) return hit->second ? Truth::is_true : Truth::is_false;
  if (failure_) return Truth::unknown;  // the evaluation fails already; no more work for it
  if (!deadline_) deadline_ = geo::deadline_after(seconds_);
  bool result = false;
  try {
    const geo::TimeBudget budget(*deadline_);
    switch (s.op) {
      case ast::SpatialOp::inside: result = inside(*l, layer, *part); break;
      case ast::SpatialOp::within: result = within(*l, layer, s.amount, *part); break;
      case ast::SpatialOp::overlaps: result = overlaps(*l, s, *part); break;
      case ast::SpatialOp::outside:
      case ast::SpatialOp::clear: break;  // answered above, as the negation of their test
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
