#include "maps/feature_index.hpp"

namespace zhunru::maps {

FeatureIndex::FeatureIndex(const std::vector<const geo::Geometry*>& geometries)
    : tree_(std::make_unique<geos::index::strtree::TemplateSTRtree<std::uint32_t>>(10, geometries.size())) {
  locators_.resize(geometries.size());
  for (std::uint32_t i = 0; i < geometries.size(); ++i) {
    const geo::Geometry& g = *geometries[i];
    geo::warm_envelopes(g);
    tree_->insert(*g.getEnvelopeInternal(), i);
    if (g.getDimension() == geos::geom::Dimension::A) {
      locators_[i] = std::make_unique<geos::algorithm::locate::IndexedPointInAreaLocator>(g);
      geo::Coordinate probe;
      g.getEnvelopeInternal()->centre(probe);
      (void)locators_[i]->locate(&probe);  // builds the locator's segment index now
    }
  }
  tree_->build();
}

FeatureIndex::FeatureIndex(FeatureIndex&&) noexcept = default;
FeatureIndex& FeatureIndex::operator=(FeatureIndex&&) noexcept = default;
FeatureIndex::~FeatureIndex() = default;

geos::geom::Location FeatureIndex::locate(std::uint32_t i, const geo::Coordinate& p) const {
  return locators_[i]->locate(&p);
}

}  // namespace zhunru::maps
