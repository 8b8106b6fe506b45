#include "geo/geos.hpp"

#include <geos/geom/Polygon.h>
#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/CoordinateSequenceFactory.h>
#include <geos/geom/GeometryCollection.h>
#include <geos/geom/LineString.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/MultiLineString.h>
#include <geos/geom/MultiPoint.h>
#include <geos/geom/MultiPolygon.h>
#include <geos/geom/Point.h>
#include <geos/operation/overlayng/OverlayNGRobust.h>

#include <cmath>
#include <vector>

#include "geo/time_budget.hpp"

namespace zhunru::geo {

GeometryPtr intersection(const Geometry& a, const Geometry& b) {
  return geos::operation::overlayng::OverlayNGRobust::Intersection(&a, &b);
}

GeometryPtr difference(const Geometry& a, const Geometry& b) {
  return geos::operation::overlayng::OverlayNGRobust::Difference(&a, &b);
}

GeometryPtr union_of(const Geometry& g) { return geos::operation::overlayng::OverlayNGRobust::Union(&g); }

void warm_envelopes(const Geometry& g) {
  (void)g.getEnvelopeInternal();
  for (std::size_t i = 0; i < g.getNumGeometries(); ++i) {
    const Geometry* part = g.getGeometryN(i);
    if (part != &g) warm_envelopes(*part);
  }
  if (const auto* polygon = dynamic_cast<const geos::geom::Polygon*>(&g)) {
    (void)polygon->getExteriorRing()->getEnvelopeInternal();
    for (std::size_t i = 0; i < polygon->getNumInteriorRing(); ++i) {
      (void)polygon->getInteriorRingN(i)->getEnvelopeInternal();
    }
  }
}

namespace {

// The coordinates of `line`, with every edge longer than `max_edge` split
// into equal pieces (none when `max_edge` is 0).
std::unique_ptr<geos::geom::CoordinateSequence> coordinates(const geos::geom::LineString& line, double max_edge) {
  const geos::geom::CoordinateSequence& in = *line.getCoordinatesRO();
  if (max_edge <= 0.0 || in.size() < 2) return in.clone();
  std::vector<Coordinate> out;
  out.reserve(in.size());
  for (std::size_t i = 0; i + 1 < in.size(); ++i) {
    const Coordinate& a = in.getAt(i);
    const Coordinate& b = in.getAt(i + 1);
    out.push_back(a);
    const double pieces = std::ceil(a.distance(b) / max_edge);
    for (double k = 1; k < pieces; ++k) {
      if ((out.size() & 4095) == 0) check_time_budget();  // long edges split into millions of points
      out.emplace_back(a.x + (b.x - a.x) * k / pieces, a.y + (b.y - a.y) * k / pieces, a.z);
    }
  }
  out.push_back(in.getAt(in.size() - 1));
  return line.getFactory()->getCoordinateSequenceFactory()->create(std::move(out), in.getDimension());
}

std::unique_ptr<geos::geom::LinearRing> ring_to(const geos::geom::LinearRing& r, const GeometryFactory& f,
                                                double max_edge) {
  return f.createLinearRing(coordinates(r, max_edge));
}

}  // namespace

GeometryPtr copy_to(const Geometry& g, const GeometryFactory& f, double max_edge) {
  using namespace geos::geom;
  switch (g.getGeometryTypeId()) {
    case GEOS_POINT:
      if (g.isEmpty()) return f.createPoint();
      return GeometryPtr(f.createPoint(*g.getCoordinate()));
    case GEOS_LINESTRING:
      return f.createLineString(coordinates(static_cast<const LineString&>(g), max_edge));
    case GEOS_LINEARRING: return ring_to(static_cast<const LinearRing&>(g), f, max_edge);
    case GEOS_POLYGON: {
      const auto& p = static_cast<const Polygon&>(g);
      if (p.isEmpty()) return f.createPolygon();
      std::vector<std::unique_ptr<LinearRing>> holes;
      for (std::size_t i = 0; i < p.getNumInteriorRing(); ++i) holes.push_back(ring_to(*p.getInteriorRingN(i), f, max_edge));
      return f.createPolygon(ring_to(*p.getExteriorRing(), f, max_edge), std::move(holes));
    }
    default: {  // collections
      std::vector<GeometryPtr> parts;
      for (std::size_t i = 0; i < g.getNumGeometries(); ++i) parts.push_back(copy_to(*g.getGeometryN(i), f, max_edge));
      switch (g.getGeometryTypeId()) {
        case GEOS_MULTIPOINT: return f.createMultiPoint(std::move(parts));
        case GEOS_MULTILINESTRING: return f.createMultiLineString(std::move(parts));
        case GEOS_MULTIPOLYGON: return f.createMultiPolygon(std::move(parts));
        default: return f.createGeometryCollection(std::move(parts));
      }
    }
  }
}

namespace {

void collect(const Geometry& g, int dimension, std::vector<GeometryPtr>& out) {
  if (g.isEmpty()) return;
  if (g.getGeometryTypeId() >= geos::geom::GEOS_MULTIPOINT) {  // any collection
    for (std::size_t i = 0; i < g.getNumGeometries(); ++i) collect(*g.getGeometryN(i), dimension, out);
    return;
  }
  if (static_cast<int>(g.getDimension()) == dimension) out.push_back(g.clone());
}

}  // namespace

GeometryPtr parts_of_dimension(const Geometry& g, int dimension) {
  std::vector<GeometryPtr> parts;
  collect(g, dimension, parts);
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return std::move(parts.front());
  return g.getFactory()->buildGeometry(std::move(parts));
}

}  // namespace zhunru::geo
