#include "maps/layer_intersection.hpp"

#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/util/GEOSException.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "geo/time_budget.hpp"

namespace zhunru::maps {
namespace {

using Prepared = std::unique_ptr<geos::geom::prep::PreparedGeometry>;

/// Where `a` and `b` meet, in the lower of their dimensions; null when they
/// do not (or only in a lower dimension). `b_prepared` answers the common
/// case — `a` wholly inside `b` (a plot inside a reserve) — without an overlay.
geo::GeometryPtr meet(const geo::Geometry& a, const geo::Geometry& b, const geos::geom::prep::PreparedGeometry& b_prepared) {
  if (!b_prepared.intersects(&a)) return nullptr;
  const int dimension = std::min(static_cast<int>(a.getDimension()), static_cast<int>(b.getDimension()));
  if (dimension == static_cast<int>(a.getDimension()) && b_prepared.covers(&a)) return a.clone();
  geo::GeometryPtr shared = geo::parts_of_dimension(*geo::intersection(a, b), dimension);
  if (shared && shared->isEmpty()) return nullptr;
  return shared;
}

std::vector<LocalizedText> repairs_of(const MapFeature& a, const MapFeature& b) {
  std::vector<LocalizedText> out = a.repairs;
  out.insert(out.end(), b.repairs.begin(), b.repairs.end());
  return out;
}

/// `kept` cut down by `other`: each piece where a kept feature meets one of its features.
std::vector<MapFeature> cut_by(const std::vector<MapFeature>& kept, const GeoLayer& other) {
  std::map<std::uint32_t, Prepared> prepared;  // other's features, prepared once each
  std::vector<MapFeature> next;
  for (const MapFeature& f : kept) {
    other.features().query(*f.geometry->getEnvelopeInternal(), [&](std::uint32_t j) {
      const MapFeature& g = other.feature(j);
      Prepared& p = prepared[j];
      if (!p) p = geos::geom::prep::PreparedGeometryFactory::prepare(g.geometry.get());
      geo::GeometryPtr shared = meet(*f.geometry, *g.geometry, *p);
      if (!shared) return;
      if (next.size() >= kMaxIntersectionPieces) throw std::length_error("too many pieces");
      next.push_back({next.size(), f.label + " ∩ " + other.name() + "#" + std::to_string(g.index), std::move(shared),
                      repairs_of(f, g)});
    });
  }
  return next;
}

}  // namespace

Expected<std::unique_ptr<const GeoLayer>, LocalizedText> intersect_layers(const std::string& name,
                                                                          const std::vector<const GeoLayer*>& layers) {
  using R = Expected<std::unique_ptr<const GeoLayer>, LocalizedText>;
  std::string path;
  for (const GeoLayer* l : layers) path += (path.empty() ? "" : " ∩ ") + l->name();
  try {
    const geo::TimeBudget budget(kIntersectionSeconds);
    // The first layer's features, copied, then cut down by each further layer.
    std::vector<MapFeature> kept;
    const GeoLayer& first = *layers.front();
    for (std::uint32_t i = 0; i < first.size(); ++i) {
      const MapFeature& f = first.feature(i);
      kept.push_back({i, first.name() + "#" + std::to_string(f.index), f.geometry->clone(), f.repairs});
    }
    for (std::size_t l = 1; l < layers.size(); ++l) kept = cut_by(kept, *layers[l]);
    return R(std::make_unique<const GeoLayer>(name, path, std::move(kept)));
  } catch (const geo::OutOfTime&) {
    const std::string limit = fmt::format("{:g}", kIntersectionSeconds);
    return R::failure({"layer " + name + " (" + path + ") took longer than " + limit +
                           " s to compute: its layers overlap too densely; cut them to the area the rules need",
                       "图层 " + name + "（" + path + "）的计算超过 " + limit + " 秒：其图层重叠过密；请裁剪到规则所需范围"});
  } catch (const std::length_error&) {
    const std::string limit = fmt::format("{}", kMaxIntersectionPieces);
    return R::failure({"layer " + name + " (" + path + ") would have more than " + limit +
                           " pieces: its layers overlap too densely; cut them to the area the rules need",
                       "图层 " + name + "（" + path + "）将超过 " + limit + " 块：其图层重叠过密；请裁剪到规则所需范围"});
  } catch (const geos::util::GEOSException& e) {
    return R::failure({"layer " + name + " (" + path + ") could not be computed: " + e.what(),
                       "图层 " + name + "（" + path + "）无法计算：" + e.what()});
  }
}

}  // namespace zhunru::maps
