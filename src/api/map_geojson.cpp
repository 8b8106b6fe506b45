// The ruleset's maps written back out as GeoJSON, for drawing. Districts
// are dissolved from the unit map here, with GEOS's cascaded union.
#include <geos/geom/Geometry.h>
#include <geos/io/GeoJSONWriter.h>
#include <geos/operation/union/CascadedPolygonUnion.h>

#include <map>

#include "api/ruleset_data.hpp"
#include "base/json_writer.hpp"
#include "zhunru/maps.hpp"

namespace zhunru {
namespace {

using Result = Expected<std::string, LocalizedText>;

std::string geometry_json(const geo::Geometry& g) { return geos::io::GeoJSONWriter().write(&g); }

/// A FeatureCollection whose features `body` writes.
template <class Body>
std::string collection(Body&& body) {
  std::string out;
  JsonWriter w(out, 0);
  w.begin_object().member("type", "FeatureCollection").key("features").begin_array();
  body(w);
  w.end_array().end_object().end_line().finish();
  return out;
}

template <class Properties>
void feature(JsonWriter& w, const geo::Geometry& g, Properties&& properties) {
  w.begin_object().member("type", "Feature").key("properties").begin_object();
  properties(w);
  w.end_object().key("geometry").raw(geometry_json(g)).end_object();
}

std::string units_json(const maps::UnitMap& units) {
  return collection([&](JsonWriter& w) {
    for (std::uint32_t i = 0; i < units.size(); ++i) {
      const maps::MapUnit& u = units.unit(i);
      feature(w, *units.feature(i).geometry, [&](JsonWriter& p) {
        p.member("code", u.code).member("name", u.name).member("class", name_of(u.unit_class));
        p.member("district", u.district);
      });
    }
  });
}

void write_districts(JsonWriter& w, const std::map<std::string, std::vector<const geo::Geometry*>>& by_district) {
  for (const auto& entry : by_district) {
    const std::string& district = entry.first;  // not a structured binding: lambdas below capture it
    const std::vector<const geo::Geometry*>& parts = entry.second;
    std::vector<geos::geom::Polygon*> polygons;
    for (const geo::Geometry* g : parts) {
      for (std::size_t k = 0; k < g->getNumGeometries(); ++k) {
        if (const auto* p = dynamic_cast<const geos::geom::Polygon*>(g->getGeometryN(k))) {
          polygons.push_back(const_cast<geos::geom::Polygon*>(p));  // read only: CascadedPolygonUnion takes non-const
        }
      }
    }
    if (polygons.empty()) continue;
    const auto properties = [&](JsonWriter& p) { p.member("district", district).member("units", parts.size()); };
    std::unique_ptr<geo::Geometry> outline;
    try {
      outline = geos::operation::geounion::CascadedPolygonUnion::Union(&polygons);
    } catch (const std::exception&) {
      outline.reset();  // units GEOS cannot dissolve: drawn one by one below, none left out
    }
    if (outline) {
      feature(w, *outline, properties);
    } else {
      for (const geo::Geometry* g : parts) feature(w, *g, properties);
    }
  }
}

std::string districts_json(const maps::UnitMap& units) {
  std::map<std::string, std::vector<const geo::Geometry*>> by_district;
  for (std::uint32_t i = 0; i < units.size(); ++i) {
    by_district[units.unit(i).district].push_back(units.feature(i).geometry.get());
  }
  return collection([&](JsonWriter& w) { write_districts(w, by_district); });
}

std::string layer_json(const maps::GeoLayer& layer) {
  return collection([&](JsonWriter& w) {
    for (std::uint32_t i = 0; i < layer.size(); ++i) {
      const maps::MapFeature& f = layer.feature(i);
      feature(w, *f.geometry, [&](JsonWriter& p) { p.member("index", f.index).member("label", f.label); });
    }
  });
}

}  // namespace

std::vector<std::string> map_names(const Ruleset& ruleset) {
  const Ruleset::Data& rs = ruleset.data();
  std::vector<std::string> names;
  if (rs.maps.units) names = {"units", "districts"};
  for (std::size_t i = 0; i < rs.maps.layers.size(); ++i) {
    if (rs.maps.layers[i]) names.push_back(rs.model.layers[i].name);
  }
  return names;
}

Result map_geojson(const Ruleset& ruleset, std::string_view name) {
  const Ruleset::Data& rs = ruleset.data();
  if (rs.maps.units && name == "units") return units_json(*rs.maps.units);
  if (rs.maps.units && name == "districts") return districts_json(*rs.maps.units);
  for (std::size_t i = 0; i < rs.maps.layers.size(); ++i) {
    if (rs.maps.layers[i] && rs.model.layers[i].name == name) return layer_json(*rs.maps.layers[i]);
  }
  std::string names;
  for (const std::string& n : map_names(ruleset)) names += (names.empty() ? "" : ", ") + n;
  const std::string asked(name);
  return Result::failure({"no map named `" + asked + "`; this ruleset has: " + names,
                          "没有名为“" + asked + "”的图层；本清单有：" + names});
}

}  // namespace zhunru
