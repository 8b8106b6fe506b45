#include "maps/load_maps.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "base/json_input.hpp"
#include "geo/geojson_geometry.hpp"
#include "maps/feature_filter.hpp"
#include "maps/layer_intersection.hpp"
#include "maps/map_report.hpp"
#include "maps/unit_attributes.hpp"
#include "maps/unit_overlaps.hpp"

namespace zhunru::maps {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

/// What every map declaration has in common.
struct Declared {
  std::string path;          // as written
  bool repair = false;
  SourceLocation source;     // the declaration
};

/// The declared path relative to the ruleset root, or why it is refused.
Expected<fs::path, LocalizedText> resolve(const Declared& d, const fs::path& root) {
  return declared_path(d.path, d.source.file, root, {"map path", "地图路径"});
}

/// A feature read from a FeatureCollection: geometry and properties.
struct Feature {
  MapFeature feature;
  const Json* properties = nullptr;
};

/// The first of `keys` that `j` holds as a string or an integer.
std::string first_of(const Json* j, std::initializer_list<const char*> keys) {
  if (!j || !j->is_object()) return "";
  for (const char* key : keys) {
    const auto it = j->find(key);
    if (it == j->end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
  }
  return "";
}

/// "500104 大渡口区": the feature's code (or id) and name, for messages.
std::string label_of(const Json& f) {
  const Json* props = f.contains("properties") ? &f["properties"] : nullptr;
  std::string code = first_of(props, {"HJZHGKDYBM", "code"});
  if (code.empty()) code = first_of(&f, {"id"});
  const std::string name = first_of(props, {"HJZHGKDYMC", "name"});
  if (code.empty() || name.empty()) return code + name;
  return code + " " + name;
}

/// Every usable feature of the collection `doc`; each bad one reported.
std::vector<Feature> read_features(const Json& doc, const geo::GeometryFactory& factory, bool repair,
                                   MapReport& report) {
  std::vector<Feature> out;
  const Json& list = doc["features"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json& f = list[i];
    const std::string label = f.is_object() ? label_of(f) : "";
    if (!f.is_object() || !f.contains("geometry") || f["geometry"].is_null()) {
      report.feature(Severity::error, "map.feature", i, label, {"the feature has no geometry", "要素没有几何"});
      continue;
    }
    geo::ReadGeometry g = geo::read_geojson_geometry(f["geometry"], factory, {repair});
    if (!g.geometry && g.degenerate) {  // repair mode, and it had no length or area to keep
      report.feature(Severity::warning, "map.dropped", i, label,
                     {"dropped: " + g.error->en, "已删除：" + g.error->zh});
      continue;
    }
    if (!g.geometry) {
      report.feature(Severity::error, "map.feature", i, label, *g.error);
      continue;
    }
    MapFeature feature{i, label, std::move(g.geometry), std::move(g.repairs)};
    if (feature.repaired()) {
      LocalizedText what{"repaired: ", "已修复："};
      for (std::size_t r = 0; r < feature.repairs.size(); ++r) {
        what.en += (r ? "; " : "") + feature.repairs[r].en;
        what.zh += (r ? "；" : "") + feature.repairs[r].zh;
      }
      report.feature(Severity::warning, "map.repaired", i, label, std::move(what));
    }
    const Json* props = f.contains("properties") ? &f["properties"] : nullptr;
    out.push_back({std::move(feature), props});
  }
  return out;
}

class Loader {
 public:
  Loader(const fs::path& root, const MapFiles& files, const MapLoadOptions& options, std::vector<Diagnostic>& diags)
      : root_(root), files_(files), options_(options), diagnostics_(diags) {}

  std::unique_ptr<const UnitMap> units(const Declared& d, LoadedMaps& out);
  /// `properties`: when given, each kept feature's properties (for a `where` on the layer).
  std::unique_ptr<const GeoLayer> layer(const model::Layer& l, LoadedMaps& out, std::vector<Json>* properties = nullptr);

 private:
  /// Reads, parses and checks the collection; null on failure (reported).
  std::optional<std::vector<Feature>> collection(const Declared& d, MapReport& report, LoadedMaps& out, Json& doc);
  std::string display(const Declared& d) const;

  const fs::path& root_;
  const MapFiles& files_;
  const MapLoadOptions& options_;
  std::vector<Diagnostic>& diagnostics_;
  geo::GeometryFactory::Ptr factory_ = geo::make_factory();
};

std::string Loader::display(const Declared& d) const {
  return (fs::path(d.source.file).parent_path() / d.path).lexically_normal().generic_string();
}

std::optional<std::vector<Feature>> Loader::collection(const Declared& d, MapReport& report, LoadedMaps& out,
                                                       Json& doc) {
  const auto relative = resolve(d, root_);
  if (!relative) {
    report.file("map.path", relative.error());
    return std::nullopt;
  }
  auto bytes = files_(*relative);
  if (!bytes) {
    report.file("map.read", bytes.error());
    return std::nullopt;
  }
  auto parsed = json_input::parse<Json>(*bytes, {kMaxMapBytes, json_input::Limits{}.max_depth}, {"the map", "地图"});
  out.files.emplace_back(relative->generic_string(), std::move(bytes).value());
  if (!parsed) {
    report.file("map.json", parsed.error().message);
    return std::nullopt;
  }
  doc = std::move(parsed).value();
  if (doc.is_object()) {
    if (auto problem = geo::crs_problem(doc)) {
      report.file("map.crs", *problem);
      return std::nullopt;
    }
  }
  const auto type = doc.is_object() ? doc.find("type") : doc.end();
  const bool collection = type != doc.end() && type->is_string() && *type == "FeatureCollection";
  if (!collection || !doc.contains("features") || !doc["features"].is_array()) {
    report.file("map.json", {"a map must be a GeoJSON FeatureCollection with a \"features\" list",
                             "地图须为带 \"features\" 列表的 GeoJSON FeatureCollection"});
    return std::nullopt;
  }
  auto features = read_features(doc, *factory_, d.repair || options_.repair, report);
  if (features.empty() && !report.failed()) {
    report.file("map.empty", {"the map has no features", "地图没有要素"});
    return std::nullopt;
  }
  return features;
}

std::unique_ptr<const UnitMap> Loader::units(const Declared& d, LoadedMaps& out) {
  MapReport report(display(d), d.source, options_.max_reported, diagnostics_);
  Json doc;
  auto features = collection(d, report, out, doc);
  if (!features) return nullptr;
  std::vector<MapFeature> kept;
  std::vector<MapUnit> units;
  std::set<std::string> codes;
  for (Feature& f : *features) {
    const std::size_t i = f.feature.index;
    auto unit = read_unit_attributes(f.properties ? *f.properties : Json());
    if (!unit) {
      report.feature(Severity::error, "map.attribute", i, f.feature.label, unit.error());
      continue;
    }
    if (f.feature.geometry->getDimension() != geos::geom::Dimension::A) {
      report.feature(Severity::error, "map.feature", i, f.feature.label,
                     {"a unit must be a Polygon or MultiPolygon", "单元须为 Polygon 或 MultiPolygon"});
      continue;
    }
    if (!codes.insert(unit->code).second) {
      report.feature(Severity::error, "map.duplicate-unit", i, f.feature.label,
                     {"unit " + unit->code + " appears twice in the map", "单元 " + unit->code + " 在地图中出现两次"});
      continue;
    }
    f.feature.label = unit->code;
    kept.push_back(std::move(f.feature));
    units.push_back(std::move(unit).value());
  }
  if (report.failed()) return nullptr;
  auto map = std::make_unique<const UnitMap>(report.path(), std::move(kept), std::move(units));
  if (options_.find_overlaps) report_unit_overlaps(*map, report);
  return map;
}

std::unique_ptr<const GeoLayer> Loader::layer(const model::Layer& l, LoadedMaps& out, std::vector<Json>* properties) {
  const Declared d{l.path, l.repair, l.source};
  MapReport report(display(d), d.source, options_.max_reported, diagnostics_);
  Json doc;
  auto features = collection(d, report, out, doc);
  if (!features || report.failed()) return nullptr;
  std::vector<MapFeature> kept;
  for (Feature& f : *features) {
    kept.push_back(std::move(f.feature));
    if (properties) properties->push_back(f.properties ? *f.properties : Json());
  }
  return std::make_unique<const GeoLayer>(l.name, report.path(), std::move(kept));
}

/// `inside L`, `outside L`, `overlapping L` need areas: a layer of lines or points has no inside.
void check_areal_layers(const model::Model& model, const Maps& maps, std::vector<Diagnostic>& diagnostics) {
  std::set<model::LayerId> tested;
  for (const model::CondNode& c : model.conds) {
    const auto* s = std::get_if<model::SiteSpatial>(&c);
    if (s && s->op != ast::SpatialOp::within) tested.insert(s->layer);
  }
  for (model::LayerId id : tested) {
    const GeoLayer* layer = maps.layers[id].get();
    if (!layer || layer->has_areas()) continue;
    Diagnostic d;
    d.code = "map.no-areas";
    d.location = model.layers[id].source;
    d.message = {"layer " + layer->name() + " has no polygons, but rules test `inside`, `outside` or `overlapping` "
                 "it; only `within … of` can measure a distance to lines or points",
                 "图层 " + layer->name() + " 没有面，但有规则判断是否在其内、外或占用它；对线或点只能用“距 … 范围内”"};
    diagnostics.push_back(std::move(d));
  }
}

/// Builds layer `id` when it is derived from others: an intersection (its
/// operands first; the checker refuses cycles, `done` guards against one all
/// the same), or a filter of a map layer (one naming facts: every feature,
/// and the test compiled for picking per project). Left null when an operand
/// could not be loaded, or the filter does not fit the map (reported).
void derive_layer(const model::Model& model, model::LayerId id, Maps& maps, std::vector<bool>& done,
                  const std::map<model::LayerId, std::vector<Json>>& properties,
                  std::vector<Diagnostic>& diagnostics) {
  const model::Layer& l = model.layers[id];
  if (done[id] || l.of.empty()) return;
  done[id] = true;
  if (l.filter) {
    const auto props = properties.find(l.of.front());
    if (!maps.layers[l.of.front()] || props == properties.end()) return;
    if (!l.filter->names_facts()) {
      maps.layers[id] = filter_layer(l.name, *maps.layers[l.of.front()], props->second, *l.filter, l.source, diagnostics);
      return;
    }
    auto picked = pick_layer(l.name, *maps.layers[l.of.front()], props->second, *l.filter, model.facts, l.source,
                             diagnostics);
    maps.layers[id] = std::move(picked.layer);
    if (picked.pick) {
      maps.picks.resize(model.layers.size());
      maps.picks[id] = std::move(picked.pick);
    }
    return;
  }
  std::vector<const GeoLayer*> operands;
  for (model::LayerId o : l.of) {
    derive_layer(model, o, maps, done, properties, diagnostics);
    if (!maps.layers[o]) return;
    operands.push_back(maps.layers[o].get());
  }
  auto computed = intersect_layers(l.name, operands);
  Diagnostic d;
  d.location = l.source;
  if (!computed) {
    d.code = "map.intersection";
    d.message = computed.error();
    diagnostics.push_back(std::move(d));
    return;
  }
  maps.layers[id] = std::move(computed).value();
  if (maps.layers[id]->size() > 0) return;
  d.code = "map.empty-intersection";
  d.severity = Severity::warning;
  d.message = {"layer " + l.name + " is empty: " + maps.layers[id]->path() + " have no area, length or point in common",
               "图层 " + l.name + " 为空：" + maps.layers[id]->path() + " 没有共同的面、线或点"};
  diagnostics.push_back(std::move(d));
}

}  // namespace

Expected<fs::path, LocalizedText> declared_path(const std::string& path, const std::string& declared_in,
                                                const fs::path& root, const LocalizedText& what) {
  using R = Expected<fs::path, LocalizedText>;
  const fs::path written(path);
  if (written.empty() || written.is_absolute()) {
    return R::failure({what.en + " \"" + path + "\" must be relative to the file that declares it",
                       what.zh + " \"" + path + "\" 须为相对于声明文件的路径"});
  }
  const fs::path resolved = (fs::path(declared_in).parent_path() / written).lexically_normal();
  const fs::path relative = resolved.lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") {
    return R::failure({what.en + " \"" + path + "\" leaves the ruleset directory",
                       what.zh + " \"" + path + "\" 超出了清单目录"});
  }
  return relative;
}

LoadedMaps load_maps(const model::Model& model, const fs::path& root, const MapFiles& files,
                     const MapLoadOptions& options, std::vector<Diagnostic>& diagnostics) {
  LoadedMaps out;
  Loader loader(root, files, options, diagnostics);
  if (model.units_map) {
    const auto& u = *model.units_map;
    out.maps.units = loader.units({u.path, u.repair, u.source}, out);
  }
  out.maps.layers.resize(model.layers.size());
  // The properties of layers that a `where` filters, kept while the maps load.
  std::map<model::LayerId, std::vector<Json>> properties;
  for (const model::Layer& l : model.layers) {
    if (l.filter && !l.of.empty()) properties[l.of.front()];
  }
  for (model::LayerId i = 0; i < model.layers.size(); ++i) {
    if (!model.layers[i].of.empty()) continue;  // built below, from its operands
    const auto props = properties.find(i);
    out.maps.layers[i] = loader.layer(model.layers[i], out, props == properties.end() ? nullptr : &props->second);
  }
  std::vector<bool> done(model.layers.size(), false);
  for (model::LayerId i = 0; i < model.layers.size(); ++i) derive_layer(model, i, out.maps, done, properties, diagnostics);
  check_areal_layers(model, out.maps, diagnostics);
  return out;
}

}  // namespace zhunru::maps
