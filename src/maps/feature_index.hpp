// An STR-tree (GEOS TemplateSTRtree) over a list of geometries, with a
// point-in-area locator (GEOS IndexedPointInAreaLocator, the engine of
// prepared polygons) for each areal one.
//
// GEOS builds both lazily, on the first query; the constructor forces every
// lazy part now, so that once a compiled ruleset is shared, queries only
// read and many threads may run them at once.
#pragma once

#include <geos/algorithm/locate/IndexedPointInAreaLocator.h>
#include <geos/geom/Location.h>
#include <geos/index/strtree/TemplateSTRtree.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "geo/geos.hpp"

namespace zhunru::maps {

class FeatureIndex {
 public:
  FeatureIndex() = default;
  explicit FeatureIndex(const std::vector<const geo::Geometry*>& geometries);
  FeatureIndex(FeatureIndex&&) noexcept;
  FeatureIndex& operator=(FeatureIndex&&) noexcept;
  ~FeatureIndex();

  /// Calls `visit(i)` for every geometry i whose envelope meets `envelope`.
  template <class Visit>
  void query(const geo::Envelope& envelope, Visit&& visit) const {
    if (tree_) tree_->query(envelope, [&](std::uint32_t i) { visit(i); });
  }

  /// Where `p` lies relative to areal geometry `i` (interior, boundary, exterior).
  [[nodiscard]] geos::geom::Location locate(std::uint32_t i, const geo::Coordinate& p) const;
  [[nodiscard]] bool is_areal(std::uint32_t i) const { return locators_[i] != nullptr; }

 private:
  // Queries are non-const only because GEOS builds on first use; it is built
  // in the constructor. Held by pointer: GEOS's tree must not be moved or
  // copied once built (its root points into its own node list).
  std::unique_ptr<geos::index::strtree::TemplateSTRtree<std::uint32_t>> tree_;
  std::vector<std::unique_ptr<geos::algorithm::locate::IndexedPointInAreaLocator>> locators_;
};

}  // namespace zhunru::maps
