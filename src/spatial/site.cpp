#include "spatial/site.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "geo/gcj02.hpp"
#include "geo/geojson_geometry.hpp"

namespace zhunru::spatial {
namespace {

/// `"crs": "GCJ-02"` (or {"type": "name", "properties": {"name": "GCJ-02"}}):
/// the one non-lon/lat system a site may be given in, converted on reading.
bool says_gcj02(const nlohmann::json& object) {
  const auto crs = object.find("crs");
  if (crs == object.end()) return false;
  const nlohmann::json* name = &*crs;
  if (crs->is_object()) {
    const auto properties = crs->find("properties");
    if (properties == crs->end() || !properties->is_object() || !properties->contains("name")) return false;
    name = &(*properties)["name"];
  }
  if (!name->is_string()) return false;
  std::string n = name->get<std::string>();
  std::erase(n, '-');
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  return n == "gcj02";
}

/// Converts every position under `coordinates` from GCJ-02 to WGS 84 in
/// place. Depth is bounded by the JSON limits the text was read with.
void convert_positions(nlohmann::json& node) {
  if (!node.is_array()) return;
  if (node.size() >= 2 && node[0].is_number() && node[1].is_number()) {
    const geo::LonLat w = geo::gcj02_to_wgs84({node[0].get<double>(), node[1].get<double>()});
    node[0] = w.lon;
    node[1] = w.lat;
    return;
  }
  for (nlohmann::json& child : node) convert_positions(child);
}

}  // namespace

Expected<std::shared_ptr<const Site>, SiteError> read_site(std::string_view geojson, const json_input::Limits& limits) {
  using R = Expected<std::shared_ptr<const Site>, SiteError>;
  auto json = json_input::parse<nlohmann::json>(geojson, limits, {"the site", "选址"});
  if (!json) return R::failure({json.error().code, json.error().message});
  bool from_gcj02 = false;
  if (json->is_object() && says_gcj02(*json)) {
    from_gcj02 = true;
    json->erase("crs");
    if (json->contains("geometry") && (*json)["geometry"].is_object()) {
      convert_positions((*json)["geometry"]["coordinates"]);
    } else if (json->contains("coordinates")) {
      convert_positions((*json)["coordinates"]);
    }
  }
  if (json->is_object()) {
    if (auto problem = geo::crs_problem(*json)) return R::failure({"project.site-crs", *problem});
  }
  // A GeoJSON Feature (what a web map or a GIS exports) stands for its geometry.
  const nlohmann::json* geometry = &*json;
  // (Not value("type", ""): it throws when `type` is there but not a string.)
  if (json->is_object() && json->contains("type") && (*json)["type"] == "Feature") {
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
  site->from_gcj02 = from_gcj02;
  geo::warm_envelopes(*read.geometry);
  site->geometry = std::move(read.geometry);
  return std::shared_ptr<const Site>(std::move(site));
}

}  // namespace zhunru::spatial
