// Spatial conditions of one evaluation: `inside L`, `outside L`, `within Q
// of L`, `overlapping L [by at least Q]`, `not overlapping L` for the part of
// the site in one unit (docs/spatial.md):
//   inside  — the whole part lies in the layer's polygons (their boundary counts);
//   outside — not inside: some of the part lies outside them;
//   within  — some of the part is at most Q from the layer, in metres on the ground;
//   overlaps — the part's interior meets the interior of the polygons' union
//             (DE-9IM T********: a shared edge or corner is not enough); by
//             at least a share — of the part's points, length or area; by at
//             least an area — of the part's area in m² (points and lines: 0);
//   clear   — not overlaps.
// Containment is tested in lon/lat, where GeoJSON edges are straight;
// distances in metres (geo::LocalMetric centred on the site).
//
// Belongs to one evaluation in one thread: every geometry it computes is
// built with its own factory; the ruleset's maps are only read.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "geo/metric_pool.hpp"
#include "geo/time_budget.hpp"
#include "maps/maps.hpp"
#include "model/model.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::spatial {

/// The time all spatial tests of one evaluation may take together (a site of
/// hundreds of thousands of vertices, measured against long layers); past it
/// the evaluation fails with eval.spatial, saying why.
inline constexpr double kSpatialTestSeconds = 10.0;

/// Which features of a layer picked per project take part (`where function
/// = cargo`): the project's own; the oracle asks only about candidates.
using FeaturePick = std::function<bool(std::uint32_t feature)>;

class SiteOracle {
 public:
  SiteOracle(const maps::Maps& maps, const geo::MetricPool& metrics, double seconds = kSpatialTestSeconds)
      : maps_(maps), metrics_(metrics), seconds_(seconds) {}

  /// The test on `part` (lon/lat; null: the site is not known here —
  /// unknown). `key` identifies the part for memoising. `pick`: only these
  /// features of the layer (the same for every test of one evaluation).
  Truth test(const model::SiteSpatial& test, const geo::Geometry* part, std::uint32_t key,
             const FeaturePick* pick = nullptr);

  /// Layer features that were repaired and took part in some test: (layer, feature).
  [[nodiscard]] const std::set<std::pair<model::LayerId, std::uint32_t>>& repaired_used() const { return repaired_; }
  /// Why a test could not be computed (GEOS or PROJ failed), if one could not.
  [[nodiscard]] const std::optional<LocalizedText>& failure() const { return failure_; }

 private:
  bool inside(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part);
  bool overlaps(const maps::GeoLayer& layer, const model::SiteSpatial& test, const geo::Geometry& part);
  std::size_t points_in_interior(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& points, bool any);
  bool meets_interior(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part,
                      const geo::Geometry& mine);
  geo::GeometryPtr areas_meeting(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part,
                                 const geo::Geometry& mine, const std::vector<std::uint32_t>* only = nullptr,
                                 bool clip = false);
  bool within(const maps::GeoLayer& layer, model::LayerId id, double distance_m, const geo::Geometry& part);
  bool touches_area(const maps::GeoLayer& layer, model::LayerId id, const geo::Geometry& part);
  const geo::GeometryFactory& factory();
  const geo::LocalMetric& metric(const geo::Geometry& part);
  void used(const maps::GeoLayer& layer, model::LayerId id, std::uint32_t feature);
  bool picked(std::uint32_t feature) const { return !pick_ || (*pick_)(feature); }

  const maps::Maps& maps_;
  const geo::MetricPool& metrics_;
  geo::GeometryFactory::Ptr factory_;
  std::optional<geo::MetricPool::Lease> lease_;   // taken at the first distance
  std::map<std::tuple<std::uint32_t, int, model::LayerId, double, int>, bool> memo_;
  std::set<std::pair<model::LayerId, std::uint32_t>> repaired_;
  std::optional<LocalizedText> failure_;
  double seconds_;
  std::optional<geo::Deadline> deadline_;  // set by the first test
  const FeaturePick* pick_ = nullptr;      // the current test's
};

}  // namespace zhunru::spatial
