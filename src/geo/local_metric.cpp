#include "geo/local_metric.hpp"

#include <geos/geom/CoordinateSequence.h>
#include <geos/geom/CoordinateSequenceFilter.h>

#include <fmt/format.h>
#include <proj.h>

#include "geo/time_budget.hpp"

namespace zhunru::geo {

/// A PROJ context and the projection made in it; both belong to one owner
/// (PROJ objects are not to be shared between threads).
struct LocalMetric::Handles {
  PJ_CONTEXT* context = nullptr;
  bool owns_context = false;
  PJ* projection = nullptr;
  ~Handles() {
    if (projection) proj_destroy(projection);
    if (context && owns_context) proj_context_destroy(context);
  }
};

namespace {

/// Projects every coordinate of a geometry in place.
class ProjectFilter : public geos::geom::CoordinateSequenceFilter {
 public:
  explicit ProjectFilter(const LocalMetric& metric) : metric_(metric) {}
  void filter_rw(geos::geom::CoordinateSequence& seq, std::size_t i) override {
    if ((++count_ & 4095) == 0) check_time_budget();  // a site of millions of points: see time_budget.hpp
    seq.setAt(metric_.project(seq.getAt(i)), i);
  }
  void filter_ro(const geos::geom::CoordinateSequence&, std::size_t) override {}
  bool isDone() const override { return false; }
  bool isGeometryChanged() const override { return true; }

 private:
  const LocalMetric& metric_;
  std::size_t count_ = 0;
};

}  // namespace

Expected<LocalMetric, LocalizedText> LocalMetric::centred_at(double lon0, PJ_CONTEXT* context) {
  auto handles = std::make_unique<Handles>();
  handles->owns_context = context == nullptr;
  handles->context = context ? context : proj_context_create();
  if (!handles->context) {
    return Expected<LocalMetric, LocalizedText>::failure({"PROJ could not create a context", "PROJ 无法创建上下文"});
  }
  // CGCS2000's ellipsoid: a = 6378137 m, 1/f = 298.257222101 (that of GRS80).
  const std::string definition =
      fmt::format("+proj=tmerc +lat_0=0 +lon_0={:.9f} +k=1 +x_0=0 +y_0=0 +a=6378137 +rf=298.257222101 +units=m", lon0);
  handles->projection = proj_create(handles->context, definition.c_str());
  if (!handles->projection) {
    const char* why = proj_context_errno_string(handles->context, proj_context_errno(handles->context));
    return Expected<LocalMetric, LocalizedText>::failure(
        {std::string("PROJ refused the projection: ") + (why ? why : "?"),
         std::string("PROJ 拒绝了投影：") + (why ? why : "?")});
  }
  return LocalMetric(std::move(handles), lon0);
}

LocalMetric::LocalMetric(std::unique_ptr<Handles> handles, double lon0) : handles_(std::move(handles)), lon0_(lon0) {}
LocalMetric::LocalMetric(LocalMetric&&) noexcept = default;
LocalMetric& LocalMetric::operator=(LocalMetric&&) noexcept = default;
LocalMetric::~LocalMetric() = default;

Coordinate LocalMetric::project(const Coordinate& lonlat) const {
  PJ_COORD in = proj_coord(proj_torad(lonlat.x), proj_torad(lonlat.y), 0, 0);
  const PJ_COORD out = proj_trans(handles_->projection, PJ_FWD, in);
  return {out.xy.x, out.xy.y};
}

GeometryPtr LocalMetric::project(const Geometry& g, const GeometryFactory& factory) const {
  // GeoJSON edges are straight in lon/lat, and bend once projected: short
  // edges keep the bend far below a centimetre.
  GeometryPtr copy = geo::copy_to(g, factory, kMaxEdgeDegrees);
  ProjectFilter filter(*this);
  copy->apply_rw(filter);
  copy->geometryChanged();
  return copy;
}

}  // namespace zhunru::geo
