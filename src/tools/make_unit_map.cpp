// zhunru_make_unit_map: builds the SYNTHETIC unit map of rules/chongqing
// from real district outlines and the real Yangtze lines. Real unit polygons
// are not public; this map exists so that the bundled ruleset can locate
// sites. Every feature says `"synthetic": true`.
//
//   zhunru_make_unit_map DISTRICTS.geojson RIVERS.geojson PARKS.geojson OUT.geojson
//
// Per district (2016 outlines, repaired; 梁平县 500228 and 武隆县 500232
// renumbered to today's 梁平区 500155 and 武隆区 500156; each district minus
// the districts before it, so that no two units overlap):
//   priority ZH{d}10001 — within 1.5 km of the Yangtze lines, or, in a
//                         district the river does not reach, a 3 km disc
//                         around an interior point (a stand-in for
//                         protected land);
//   key      ZH{d}20001 — a 4 km disc around the district's interior point
//                         (a stand-in for the urban core) and the compliant
//                         parks inside the district, less the priority unit;
//   general  ZH{d}30001 — the rest.
// Buffers are computed in a local frame scaled by cos(latitude), which is
// accurate to well under 1% at this size. Inputs are rounded to 1e-6° with
// GEOS's precision reducer (which keeps polygons valid); each unit is then
// cut away from everything emitted before it, so units never share area.
// The output is byte-for-byte reproducible with the same GEOS (a test
// regenerates it).
#include <geos/geom/CoordinateFilter.h>
#include <geos/geom/Point.h>
#include <geos/geom/PrecisionModel.h>
#include <geos/geom/Polygon.h>
#include <geos/precision/GeometryPrecisionReducer.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <numbers>

#include "base/file_io.hpp"
#include "geo/geojson_geometry.hpp"

namespace {

using namespace zhunru;
using Json = nlohmann::ordered_json;

/// Today's codes and names (National Bureau of Statistics, 2023) for the
/// 2016 outlines.
const std::map<std::string, std::pair<std::string, std::string>> kRenamed = {
    {"500228", {"500155", "梁平区"}}, {"500232", {"500156", "武隆区"}}};

/// Scales longitudes: x → x·factor.
class ScaleX : public geos::geom::CoordinateFilter {
 public:
  explicit ScaleX(double factor) : factor_(factor) {}
  void filter_rw(geos::geom::Coordinate* c) const override { c->x *= factor_; }

 private:
  double factor_;
};

/// `g` buffered by `km` kilometres, in a frame where a degree of longitude
/// is as long as a degree of latitude at `lat`.
geo::GeometryPtr buffer_km(const geo::Geometry& g, double km, double lat) {
  const double k = std::cos(lat * std::numbers::pi / 180.0);
  geo::GeometryPtr scaled = g.clone();
  const ScaleX squeeze(k);
  scaled->apply_rw(&squeeze);
  scaled->geometryChanged();
  geo::GeometryPtr out = scaled->buffer(km / 110.6, 16);
  const ScaleX stretch(1.0 / k);
  out->apply_rw(&stretch);
  out->geometryChanged();
  return out;
}

std::vector<std::pair<std::string, geo::GeometryPtr>> read_features(const std::string& path,
                                                                     const geo::GeometryFactory& f) {
  const auto bytes = read_file(path);
  if (!bytes) throw std::runtime_error(bytes.error().en);
  const auto doc = nlohmann::json::parse(*bytes);
  std::vector<std::pair<std::string, geo::GeometryPtr>> out;
  for (const auto& feature : doc.at("features")) {
    auto g = geo::read_geojson_geometry(feature.at("geometry"), f, {true});
    if (!g.geometry) continue;  // a degenerate river line: nothing to keep
    std::string id = feature.contains("id") ? feature["id"].get<std::string>() : "";
    if (feature.contains("properties") && feature["properties"].contains("name")) {
      id += "|" + feature["properties"]["name"].get<std::string>();
    }
    out.emplace_back(id, std::move(g.geometry));
  }
  return out;
}

Json polygon_coordinates(const geos::geom::Polygon& p) {
  Json rings = Json::array();
  auto ring = [&](const geos::geom::LineString& r) {
    Json points = Json::array();
    const auto* seq = r.getCoordinatesRO();
    for (std::size_t i = 0; i < seq->size(); ++i) points.push_back({seq->getX(i), seq->getY(i)});
    rings.push_back(std::move(points));
  };
  ring(*p.getExteriorRing());
  for (std::size_t i = 0; i < p.getNumInteriorRing(); ++i) ring(*p.getInteriorRingN(i));
  return rings;
}

/// A Polygon or MultiPolygon as GeoJSON; null when `g` has no area.
Json geometry_json(const geo::Geometry& g) {
  Json polygons = Json::array();
  for (std::size_t i = 0; i < g.getNumGeometries(); ++i) {
    const auto* p = dynamic_cast<const geos::geom::Polygon*>(g.getGeometryN(i));
    if (p && !p->isEmpty()) polygons.push_back(polygon_coordinates(*p));
  }
  if (polygons.empty()) return nullptr;
  if (polygons.size() == 1) return {{"type", "Polygon"}, {"coordinates", polygons[0]}};
  return {{"type", "MultiPolygon"}, {"coordinates", polygons}};
}

struct Unit {
  std::string code;
  std::string name;
  int unit_class;
  std::string district;
  geo::GeometryPtr geometry;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: zhunru_make_unit_map DISTRICTS.geojson RIVERS.geojson PARKS.geojson OUT.geojson\n";
    return 2;
  }
  try {
    // Inputs on a 1e-6° grid: short, stable coordinates in the output.
    const geos::geom::PrecisionModel micro(1e6);
    const auto factory = geo::make_factory();
    geos::precision::GeometryPrecisionReducer reducer(micro);
    auto districts = read_features(argv[1], *factory);
    for (auto& d : districts) d.second = reducer.reduce(*d.second);
    auto rivers = read_features(argv[2], *factory);
    auto parks = read_features(argv[3], *factory);
    std::sort(districts.begin(), districts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<geo::GeometryPtr> lines;
    for (auto& [id, g] : rivers) lines.push_back(std::move(g));
    const geo::GeometryPtr river = factory->buildGeometry(std::move(lines));
    std::vector<geo::GeometryPtr> park_areas;
    for (auto& [id, g] : parks) park_areas.push_back(std::move(g));
    const geo::GeometryPtr park = reducer.reduce(*factory->buildGeometry(std::move(park_areas))->Union());

    std::vector<Unit> units;
    geo::GeometryPtr taken = factory->createEmpty(2);
    geo::GeometryPtr emitted = factory->createEmpty(2);
    for (auto& [id_name, outline] : districts) {
      std::string code = id_name.substr(0, id_name.find('|'));
      std::string name = id_name.substr(id_name.find('|') + 1);
      if (const auto it = kRenamed.find(code); it != kRenamed.end()) std::tie(code, name) = it->second;
      const geo::GeometryPtr district = outline->difference(taken.get());
      taken = taken->Union(outline.get());
      geo::Coordinate centre;
      district->getEnvelopeInternal()->centre(centre);
      const geo::GeometryPtr inner = district->getInteriorPoint();
      geo::GeometryPtr priority = district->intersection(reducer.reduce(*buffer_km(*river, 1.5, centre.y)).get());
      std::string priority_name = name + "长江干流岸线优先保护单元（合成）";
      if (priority->getArea() <= 0.0) {
        priority = district->intersection(reducer.reduce(*buffer_km(*inner, 3.0, centre.y)).get());
        priority_name = name + "生态保护优先保护单元（合成）";
      }
      const geo::GeometryPtr core = reducer.reduce(*buffer_km(*inner, 4.0, centre.y))->Union(park.get());
      const geo::GeometryPtr key = district->intersection(core.get())->difference(priority.get());
      const geo::GeometryPtr general = district->difference(priority.get())->difference(key.get());
      // Each unit less everything emitted before it: whatever snapping to
      // the grid moved, no two units share area.
      for (auto [suffix, label, cls, area] : {std::tuple{"10001", priority_name, 1, priority.get()},
                                             std::tuple{"20001", name + "城镇与园区重点管控单元（合成）", 2, key.get()},
                                             std::tuple{"30001", name + "一般管控单元（合成）", 3, general.get()}}) {
        geo::GeometryPtr own = area->difference(emitted.get());
        emitted = emitted->Union(own.get());
        units.push_back({"ZH" + code + suffix, label, cls, code, std::move(own)});
      }
    }

    std::ofstream out(argv[4], std::ios::binary);
    out << "{\"type\":\"FeatureCollection\",\n\"name\":\"SYNTHETIC unit map of Chongqing for zhunru's bundled ruleset — "
           "generated by zhunru_make_unit_map from 2016 district outlines (echarts, Apache-2.0) and GSHHG river lines "
           "(LGPL-3+); test data, NOT official environmental control units\",\n\"features\":[\n";
    bool first = true;
    for (const Unit& u : units) {
      const Json geometry = geometry_json(*u.geometry);
      if (geometry.is_null()) continue;
      Json feature = {{"type", "Feature"},
                      {"properties",
                       {{"HJZHGKDYBM", u.code},
                        {"HJZHGKDYMC", u.name},
                        {"ZHGKDYFL", u.unit_class},
                        {"district", u.district},
                        {"synthetic", true}}},
                      {"geometry", geometry}};
      out << (first ? "" : ",\n") << feature.dump();
      first = false;
    }
    out << "\n]}\n";
    return out ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "zhunru_make_unit_map: " << e.what() << '\n';
    return 1;
  }
}
