#include "report/site_map.hpp"

#include <fmt/format.h>
#include <geos/geom/Envelope.h>
#include <geos/geom/LineString.h>
#include <geos/geom/Point.h>
#include <geos/geom/Polygon.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "report/html_text.hpp"

namespace zhunru::report {
namespace {

constexpr double kWidth = 640;
constexpr std::size_t kMaxFeaturesPerLayer = 2000;  // a report stays a page, not a map server

/// Lon/lat to the SVG's pixels: equirectangular around the view's middle
/// latitude (at a site's scale the difference from a true projection is
/// invisible).
struct View {
  double min_lon, max_lat, k, x_scale, height;
  View(geos::geom::Envelope e) {
    const double pad_lon = std::max(e.getWidth() * 0.08, 0.002);
    const double pad_lat = std::max(e.getHeight() * 0.08, 0.002);
    e.expandBy(pad_lon, pad_lat);
    min_lon = e.getMinX();
    max_lat = e.getMaxY();
    x_scale = std::cos((e.getMinY() + e.getMaxY()) / 2 * std::numbers::pi / 180);
    k = kWidth / (e.getWidth() * x_scale);
    height = std::clamp(e.getHeight() * k, 240.0, 720.0);
  }
  [[nodiscard]] std::string point(const geos::geom::Coordinate& c) const {
    return fmt::format("{:.1f},{:.1f}", (c.x - min_lon) * x_scale * k, (max_lat - c.y) * k);
  }
};

void ring_path(std::string& d, const geos::geom::LineString& line, const View& v, bool close) {
  const auto& coords = *line.getCoordinatesRO();
  for (std::size_t i = 0; i < coords.size(); ++i) d += (i == 0 ? "M" : "L") + v.point(coords.getAt(i));
  if (close) d += "Z";
}

/// Polygons and lines as one path's data; points as circles in `circles`.
void path_data(const geo::Geometry& g, const View& v, std::string& d, std::string& circles) {
  using geos::geom::GeometryTypeId;
  switch (g.getGeometryTypeId()) {
    case GeometryTypeId::GEOS_POINT: {
      if (g.isEmpty()) return;
      const auto p = v.point(*g.getCoordinate());
      const auto comma = p.find(',');
      circles += fmt::format(R"(<circle cx="{}" cy="{}" r="5"/>)", p.substr(0, comma), p.substr(comma + 1));
      return;
    }
    case GeometryTypeId::GEOS_LINESTRING:
    case GeometryTypeId::GEOS_LINEARRING:
      ring_path(d, static_cast<const geos::geom::LineString&>(g), v, false);
      return;
    case GeometryTypeId::GEOS_POLYGON: {
      const auto& polygon = static_cast<const geos::geom::Polygon&>(g);
      ring_path(d, *polygon.getExteriorRing(), v, true);
      for (std::size_t i = 0; i < polygon.getNumInteriorRing(); ++i) ring_path(d, *polygon.getInteriorRingN(i), v, true);
      return;
    }
    default:
      for (std::size_t i = 0; i < g.getNumGeometries(); ++i) path_data(*g.getGeometryN(i), v, d, circles);
  }
}

std::string shape(const geo::Geometry& g, const View& v, const std::string& css_class, const std::string& title) {
  std::string d;
  std::string circles;
  path_data(g, v, d, circles);
  std::string out = fmt::format(R"(<g class="{}"><title>{}</title>)", css_class, escape(title));
  if (!d.empty()) out += fmt::format(R"(<path d="{}"/>)", d);
  return out + circles + "</g>";
}

const char* class_css(UnitClass c) {
  switch (c) {
    case UnitClass::priority: return "unit priority";
    case UnitClass::key: return "unit key";
    case UnitClass::general: break;
  }
  return "unit general";
}

}  // namespace

std::vector<model::LayerId> deciding_layers(const Ruleset::Data& rs, const Decision& decision) {
  std::vector<model::LayerId> layers;
  for (const Finding& f : decision.findings) {
    if (f.status != Status::violated && f.status != Status::unknown) continue;
    const auto found = rs.find_rule(f.rule);
    if (!found) continue;
    for (const model::LayerId layer : rs.model.scope_layers(rs.model.rules[*found])) {
      if (std::find(layers.begin(), layers.end(), layer) == layers.end()) layers.push_back(layer);
    }
  }
  std::sort(layers.begin(), layers.end());
  return layers;
}

std::string site_map_svg(const Ruleset::Data& rs, const Project::Data& project, const Decision& decision, Lang lang) {
  const maps::UnitMap* units = rs.maps.units.get();
  std::vector<std::pair<const geo::Geometry*, const maps::MapUnit*>> touched;
  geos::geom::Envelope view_box;
  if (project.site) view_box.expandToInclude(project.site->geometry->getEnvelopeInternal());
  for (const UnitDecision& u : decision.units) {
    if (units == nullptr) break;
    if (const auto i = units->find(u.code)) {
      touched.emplace_back(units->feature(*i).geometry.get(), &units->unit(*i));
      // The units too, so a point is seen where it lies in its unit, with
      // the layers around it that decided.
      view_box.expandToInclude(touched.back().first->getEnvelopeInternal());
    }
  }
  if (view_box.isNull()) return {};
  const View v(view_box);
  geos::geom::Envelope shown(v.min_lon, v.min_lon + kWidth / (v.k * v.x_scale), v.max_lat - v.height / v.k, v.max_lat);
  std::string svg = fmt::format(
      R"(<svg class="site-map" viewBox="0 0 {:.0f} {:.0f}" role="img" aria-label="{}">)",
      kWidth, v.height, lang == Lang::zh ? "项目选址示意图" : "Map of the site");
  svg += fmt::format(R"(<defs><clipPath id="view"><rect width="{:.0f}" height="{:.0f}"/></clipPath></defs>)", kWidth,
                     v.height);
  svg += R"svg(<rect class="sea" width="100%" height="100%"/><g clip-path="url(#view)">)svg";
  for (const auto& [geometry, unit] : touched) {
    svg += shape(*geometry, v, class_css(unit->unit_class), unit->code + " " + unit->name);
  }
  for (const model::LayerId id : deciding_layers(rs, decision)) {
    if (id >= rs.maps.layers.size() || !rs.maps.layers[id]) continue;
    const maps::GeoLayer& layer = *rs.maps.layers[id];
    const std::string title = rs.model.layers[id].label.empty() ? layer.name() : rs.model.layers[id].label;
    std::size_t drawn = 0;
    for (std::uint32_t i = 0; i < layer.size() && drawn < kMaxFeaturesPerLayer; ++i) {
      const geo::Geometry& g = *layer.feature(i).geometry;
      if (!g.getEnvelopeInternal()->intersects(shown)) continue;
      svg += shape(g, v, "layer layer-" + std::to_string(id % 4), title);
      ++drawn;
    }
  }
  if (project.site) svg += shape(*project.site->geometry, v, "site", lang == Lang::zh ? "项目选址" : "the site");
  svg += "</g></svg>";
  return svg;
}

}  // namespace zhunru::report
