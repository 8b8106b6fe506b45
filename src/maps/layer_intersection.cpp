#include "maps/layer_intersection.hpp"

#include <algorithm>


namespace zhunru::maps {
namespace {

/// Where `a` and `b` meet, in the lower of their dimensions; null when they
/// do not (or only in a lower dimension).
geo::GeometryPtr meet(const geo::Geometry& a, const geo::Geometry& b) {
  if (!a.getEnvelopeInternal()->intersects(b.getEnvelopeInternal()) || !a.intersects(&b)) return nullptr;
  const int dimension = std::min(static_cast<int>(a.getDimension()), static_cast<int>(b.getDimension()));
  geo::GeometryPtr shared = geo::parts_of_dimension(*geo::intersection(a, b), dimension);
  if (shared && shared->isEmpty()) return nullptr;
  return shared;
}

std::vector<LocalizedText> repairs_of(const MapFeature& a, const MapFeature& b) {
  std::vector<LocalizedText> out = a.repairs;
  out.insert(out.end(), b.repairs.begin(), b.repairs.end());
  return out;
}

}  // namespace

std::unique_ptr<const GeoLayer> intersect_layers(const std::string& name, const std::vector<const GeoLayer*>& layers) {
  // The first layer's features, copied, then cut down by each further layer.
  std::vector<MapFeature> kept;
  const GeoLayer& first = *layers.front();
  for (std::uint32_t i = 0; i < first.size(); ++i) {
    const MapFeature& f = first.feature(i);
    kept.push_back({i, first.name() + "#" + std::to_string(f.index), f.geometry->clone(), f.repairs});
  }
  for (std::size_t l = 1; l < layers.size(); ++l) {
    const GeoLayer& other = *layers[l];
    std::vector<MapFeature> next;
    for (const MapFeature& f : kept) {
      other.features().query(*f.geometry->getEnvelopeInternal(), [&](std::uint32_t j) {
        const MapFeature& g = other.feature(j);
        geo::GeometryPtr shared = meet(*f.geometry, *g.geometry);
        if (!shared) return;
        const std::string label = f.label + " ∩ " + other.name() + "#" + std::to_string(g.index);
        next.push_back({next.size(), label, std::move(shared), repairs_of(f, g)});
      });
    }
    kept = std::move(next);
  }
  std::string path;
  for (const GeoLayer* l : layers) path += (path.empty() ? "" : " ∩ ") + l->name();
  return std::make_unique<const GeoLayer>(name, path, std::move(kept));
}

}  // namespace zhunru::maps
