#include "maps/geo_layer.hpp"

#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/LineString.h>
#include <geos/geom/Polygon.h>

namespace zhunru::maps {
namespace {

constexpr std::size_t kPieceVertices = 32;  // a piece of linework: at most this many vertices

void cut_line(const geos::geom::CoordinateSequence& seq, const geo::GeometryFactory& f,
              std::vector<geo::GeometryPtr>& out) {
  const std::size_t n = seq.size();
  for (std::size_t start = 0; start + 1 < n; start += kPieceVertices - 1) {
    const std::size_t end = std::min(n, start + kPieceVertices);
    std::vector<geo::Coordinate> part;
    part.reserve(end - start);
    for (std::size_t i = start; i < end; ++i) part.push_back(seq.getAt(i));
    out.push_back(f.createLineString(std::move(part)));
  }
}

void cut(const geo::Geometry& g, std::vector<geo::GeometryPtr>& out) {
  const geo::GeometryFactory& f = *g.getFactory();
  if (g.getGeometryTypeId() >= geos::geom::GEOS_MULTIPOINT) {
    for (std::size_t i = 0; i < g.getNumGeometries(); ++i) cut(*g.getGeometryN(i), out);
  } else if (const auto* polygon = dynamic_cast<const geos::geom::Polygon*>(&g)) {
    cut_line(*polygon->getExteriorRing()->getCoordinatesRO(), f, out);
    for (std::size_t i = 0; i < polygon->getNumInteriorRing(); ++i) {
      cut_line(*polygon->getInteriorRingN(i)->getCoordinatesRO(), f, out);
    }
  } else if (const auto* line = dynamic_cast<const geos::geom::LineString*>(&g)) {
    cut_line(*line->getCoordinatesRO(), f, out);
  } else {
    out.push_back(g.clone());  // a point
  }
}

std::vector<const geo::Geometry*> pointers(const std::vector<geo::GeometryPtr>& v) {
  std::vector<const geo::Geometry*> out;
  for (const auto& g : v) out.push_back(g.get());
  return out;
}

}  // namespace

GeoLayer::GeoLayer(std::string name, std::string path, std::vector<MapFeature> features)
    : name_(std::move(name)), path_(std::move(path)), features_(std::move(features)) {
  std::vector<const geo::Geometry*> geometries;
  for (std::uint32_t i = 0; i < features_.size(); ++i) {
    const geo::Geometry& g = *features_[i].geometry;
    geometries.push_back(&g);
    has_areas_ = has_areas_ || g.getDimension() == geos::geom::Dimension::A;
    cut(g, pieces_);
    piece_feature_.resize(pieces_.size(), i);
  }
  feature_index_ = FeatureIndex(geometries);
  piece_index_ = FeatureIndex(pointers(pieces_));
}

}  // namespace zhunru::maps
