#include "spatial/site.hpp"

#include <nlohmann/json.hpp>

#include "geo/geojson_geometry.hpp"

namespace zhunru::spatial {

Expected<std::shared_ptr<const Site>, LocalizedText> read_site(std::string_view geojson) {
  using R = Expected<std::shared_ptr<const Site>, LocalizedText>;
  const auto json = nlohmann::ordered_json::parse(geojson.begin(), geojson.end(), nullptr, false);
  if (json.is_discarded()) return R::failure({"the site is not valid JSON", "选址不是有效的 JSON"});
  auto site = std::make_shared<Site>();
  site->factory = geo::make_factory();
  geo::ReadGeometry read = geo::read_geojson_geometry(json, *site->factory);
  if (!read.geometry) return R::failure(*read.error);
  site->dimension = static_cast<int>(read.geometry->getDimension());
  geo::warm_envelopes(*read.geometry);
  site->geometry = std::move(read.geometry);
  return std::shared_ptr<const Site>(std::move(site));
}

}  // namespace zhunru::spatial
