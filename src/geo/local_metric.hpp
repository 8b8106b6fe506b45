// Metres on the ground around one place, with PROJ.
//
// The projection is Gauss-Krüger (transverse Mercator) on the CGCS2000
// ellipsoid — the projection of the national 3° zones EPSG:4534–4554 — but
// with its central meridian at the place itself rather than at the zone's.
// At the edge of a 3° zone the scale error is 2.6e-4 (2.6 m in 10 km);
// centred on the site it stays below 2e-6 within 20 km of it, so distances
// and areas near a site are correct to centimetres (docs/spatial.md).
#pragma once

#include <memory>

#include "geo/geos.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

struct pj_ctx;  // PROJ's PJ_CONTEXT

namespace zhunru::geo {

class LocalMetric {
 public:
  /// The projection centred on longitude `lon0` (degrees), or why PROJ
  /// refused; made in `context` when given (which must outlive it, and be
  /// used by one thread at a time), else in a context of its own.
  static Expected<LocalMetric, LocalizedText> centred_at(double lon0, pj_ctx* context = nullptr);

  LocalMetric(LocalMetric&&) noexcept;
  LocalMetric& operator=(LocalMetric&&) noexcept;
  ~LocalMetric();

  /// Edges longer than this (in degrees, ≈ 550 m) are split before projecting.
  static constexpr double kMaxEdgeDegrees = 0.005;

  /// A copy of `g` (lon/lat) in metres, built with `factory`; long edges
  /// are split first, so that edges straight in lon/lat stay where they were.
  [[nodiscard]] GeometryPtr project(const Geometry& g, const GeometryFactory& factory) const;
  /// One position (lon/lat) in metres.
  [[nodiscard]] Coordinate project(const Coordinate& lonlat) const;

  [[nodiscard]] double central_meridian() const { return lon0_; }

 private:
  struct Handles;
  LocalMetric(std::unique_ptr<Handles> handles, double lon0);
  std::unique_ptr<Handles> handles_;
  double lon0_ = 0.0;
};

}  // namespace zhunru::geo
