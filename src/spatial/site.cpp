#include "spatial/site.hpp"

#include <nlohmann/json.hpp>

#include "geo/geojson_geometry.hpp"

namespace zhunru::spatial {

Expected<std::shared_ptr<const Site>, SiteError> read_site(std::string_view geojson, const json_input::Limits& limits) {
  using R = Expected<std::shared_ptr<const Site>, SiteError>;
  const auto json = json_input::parse<nlohmann::json>(geojson, limits, {"the site", "选址"});
  if (!json) return R::failure({json.error().code, json.error().message});
  if (json->is_object()) {
    if (auto problem = geo::crs_problem(*json)) return R::failure({"project.site-crs", *problem});
  }
  // A GeoJSON Feature (what a web map or a GIS exports) stands for its geometry.
  const nlohmann::json* geometry = &*json;
  if (json->is_object() && json->value("type", "") == "Feature") {
    const auto inner = json->find("geometry");
    if (inner == json->end() || !inner->is_object()) {
      return R::failure({"project.site-geometry",
                         {"the site is a Feature without a geometry", "选址是没有 geometry 的 Feature"}});
    }
    geometry = &*inner;
  }
  auto site = std::make_shared<Site>();
  site->factory = geo::make_factory();
  geo::ReadGeometry read = geo::read_geojson_geometry(*geometry, *site->factory);
  if (!read.geometry) return R::failure({"project.site-geometry", *read.error});
  site->dimension = static_cast<int>(read.geometry->getDimension());
  geo::warm_envelopes(*read.geometry);
  site->geometry = std::move(read.geometry);
  return std::shared_ptr<const Site>(std::move(site));
}

}  // namespace zhunru::spatial
