#include "api/snapshot_model.hpp"

#include <geos/io/WKBReader.h>
#include <geos/io/WKBWriter.h>

#include <sstream>

#include "geo/geos.hpp"
#include "maps/geo_layer.hpp"
#include "maps/unit_map.hpp"

namespace zhunru::model {

// nlohmann's conversions for the model's plain structs, found by ADL.
using Json = nlohmann::json;

namespace {

template <class T>
Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

template <class T>
std::optional<T> get_opt(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}

Json date(const std::optional<std::chrono::year_month_day>& d) {
  if (!d) return nullptr;
  return Json::array({static_cast<int>(d->year()), static_cast<unsigned>(d->month()), static_cast<unsigned>(d->day())});
}

std::optional<std::chrono::year_month_day> get_date(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return std::chrono::year_month_day{std::chrono::year{j.at(0).get<int>()}, std::chrono::month{j.at(1).get<unsigned>()},
                                     std::chrono::day{j.at(2).get<unsigned>()}};
}

Json location(const SourceLocation& l) { return Json::array({l.file, l.line, l.column, l.end_line, l.end_column}); }

SourceLocation get_location(const Json& j) {
  return {j.at(0).get<std::string>(), j.at(1).get<std::uint32_t>(), j.at(2).get<std::uint32_t>(),
          j.at(3).get<std::uint32_t>(), j.at(4).get<std::uint32_t>()};
}

Unit get_unit(const Json& j) {
  const std::string text = j.get<std::string>();
  if (text.empty()) return Unit{};
  auto parsed = parse_unit(text);
  if (!parsed) throw std::runtime_error("a unit in the snapshot does not parse: " + text);
  return *parsed;
}

// ---- conditions and numbers: [tag, fields…] ----------------------------------

Json cond_json(const CondNode& node) {
  return std::visit(
      [](const auto& n) -> Json {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, BoolConst>) return {0, n.value};
        if constexpr (std::is_same_v<T, BoolFact>) return {1, n.fact};
        if constexpr (std::is_same_v<T, Compare>) return {2, n.op, n.lhs, n.rhs};
        if constexpr (std::is_same_v<T, EnumIn>) return {3, n.fact, n.values};
        if constexpr (std::is_same_v<T, IndustryIn>) return {4, n.fact, n.codes, n.exact};
        if constexpr (std::is_same_v<T, TextIn>) return {5, n.fact, n.values};
        if constexpr (std::is_same_v<T, Not>) return {6, n.operand};
        if constexpr (std::is_same_v<T, All>) return {7, n.operands};
        if constexpr (std::is_same_v<T, Any>) return {8, n.operands};
        if constexpr (std::is_same_v<T, IsKind>) return {9, n.kind};
        if constexpr (std::is_same_v<T, SiteSpatial>) return {10, n.op, n.layer, n.distance_m};
      },
      node);
}

CondNode cond_from(const Json& j) {
  switch (j.at(0).get<int>()) {
    case 0: return BoolConst{j.at(1).get<bool>()};
    case 1: return BoolFact{j.at(1).get<FactId>()};
    case 2: return Compare{j.at(1).get<CompareOp>(), j.at(2).get<NumId>(), j.at(3).get<NumId>()};
    case 3: return EnumIn{j.at(1).get<FactId>(), j.at(2).get<std::vector<std::uint32_t>>()};
    case 4: return IndustryIn{j.at(1).get<FactId>(), j.at(2).get<std::vector<std::string>>(), j.at(3).get<bool>()};
    case 5: return TextIn{j.at(1).get<FactId>(), j.at(2).get<std::vector<std::string>>()};
    case 6: return Not{j.at(1).get<CondId>()};
    case 7: return All{j.at(1).get<std::vector<CondId>>()};
    case 8: return Any{j.at(1).get<std::vector<CondId>>()};
    case 9: return IsKind{j.at(1).get<KindId>()};
    case 10: return SiteSpatial{j.at(1).get<SpatialOp>(), j.at(2).get<LayerId>(), j.at(3).get<double>()};
    default: throw std::runtime_error("unknown condition in the snapshot");
  }
}

Json num_json(const NumNode& node) {
  return std::visit(
      [](const auto& n) -> Json {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, NumConst>) return {0, n.value};
        if constexpr (std::is_same_v<T, NumFact>) return {1, n.fact};
        if constexpr (std::is_same_v<T, NumArith>) return {2, n.op, n.lhs, n.rhs};
        if constexpr (std::is_same_v<T, NumNeg>) return {3, n.operand};
      },
      node);
}

NumNode num_from(const Json& j) {
  switch (j.at(0).get<int>()) {
    case 0: return NumConst{j.at(1).get<double>()};
    case 1: return NumFact{j.at(1).get<FactId>()};
    case 2: return NumArith{j.at(1).get<ArithOp>(), j.at(2).get<NumId>(), j.at(3).get<NumId>()};
    case 3: return NumNeg{j.at(1).get<NumId>()};
    default: throw std::runtime_error("unknown number in the snapshot");
  }
}

// ---- declarations, tiers, rules --------------------------------------------------

Json rule_json(const Rule& r) {
  return {{"id", r.id},
          {"generated_id", r.generated_id},
          {"form", r.form},
          {"dimension", r.dimension},
          {"tier", r.tier},
          {"subject", opt(r.subject)},
          {"classes", opt(r.classes)},
          {"units", opt(r.units)},
          {"spatial", r.spatial},
          {"where", opt(r.where)},
          {"unless", opt(r.unless)},
          {"requirement", opt(r.requirement)},
          {"weight", r.weight},
          {"because", r.because},
          {"cites", r.cites},
          {"quotes", r.quotes},
          {"from", date(r.effective_from)},
          {"until", date(r.effective_until)},
          {"source", location(r.source)},
          {"texts", {r.texts.subject, r.texts.scope, r.texts.where, r.texts.unless, r.texts.requirement}}};
}

Rule rule_from(const Json& j) {
  Rule r;
  r.id = j.at("id").get<std::string>();
  r.generated_id = j.at("generated_id").get<bool>();
  r.form = j.at("form").get<RuleForm>();
  r.dimension = j.at("dimension").get<ControlDimension>();
  r.tier = j.at("tier").get<TierId>();
  r.subject = get_opt<CondId>(j.at("subject"));
  r.classes = get_opt<std::vector<UnitClass>>(j.at("classes"));
  r.units = get_opt<std::vector<std::string>>(j.at("units"));
  r.spatial = j.at("spatial").get<std::vector<CondId>>();
  r.where = get_opt<CondId>(j.at("where"));
  r.unless = get_opt<CondId>(j.at("unless"));
  r.requirement = get_opt<CondId>(j.at("requirement"));
  r.weight = j.at("weight").get<double>();
  r.because = j.at("because").get<std::string>();
  r.cites = j.at("cites").get<std::vector<std::string>>();
  r.quotes = j.at("quotes").get<std::vector<std::string>>();
  r.effective_from = get_date(j.at("from"));
  r.effective_until = get_date(j.at("until"));
  r.source = get_location(j.at("source"));
  const Json& t = j.at("texts");
  r.texts = {t.at(0).get<std::string>(), t.at(1).get<std::string>(), t.at(2).get<std::string>(),
             t.at(3).get<std::string>(), t.at(4).get<std::string>()};
  return r;
}

}  // namespace
}  // namespace zhunru::model

namespace zhunru::snapshot {

using Json = nlohmann::json;
using namespace model;

Json model_to_json(const Model& m) {
  Json facts = Json::array();
  for (const Fact& f : m.facts) {
    Json values = Json::array();
    for (const EnumValue& v : f.values) values.push_back({v.name, v.label});
    facts.push_back({f.name, f.label, f.kind, f.unit.text, std::move(values), location(f.source)});
  }
  Json kinds = Json::array();
  for (const Kind& k : m.kinds) kinds.push_back({k.name, k.label, k.condition, location(k.source)});
  Json layers = Json::array();
  for (const Layer& l : m.layers) layers.push_back({l.name, l.label, l.path, l.repair, location(l.source)});
  Json tiers = Json::array();
  for (const Tier& t : m.tiers) tiers.push_back({t.level, t.code, t.name, opt(t.parent), location(t.source)});
  Json rules = Json::array();
  for (const Rule& r : m.rules) rules.push_back(rule_json(r));
  Json conds = Json::array();
  for (const CondNode& c : m.conds) conds.push_back(cond_json(c));
  Json nums = Json::array();
  for (const NumNode& n : m.nums) nums.push_back(num_json(n));
  Json units_map = nullptr;
  if (m.units_map) units_map = {m.units_map->path, m.units_map->repair, location(m.units_map->source)};
  return {{"title", m.title}, {"version", m.version},   {"from", date(m.effective_from)},
          {"until", date(m.effective_until)}, {"facts", facts}, {"kinds", kinds},
          {"layers", layers}, {"units_map", units_map}, {"tiers", tiers},
          {"rules", rules},   {"conds", conds},         {"nums", nums}};
}

Model model_from_json(const Json& j) {
  Model m;
  m.title = j.at("title").get<std::string>();
  m.version = j.at("version").get<std::string>();
  m.effective_from = get_date(j.at("from"));
  m.effective_until = get_date(j.at("until"));
  for (const Json& f : j.at("facts")) {
    Fact fact{f.at(0).get<std::string>(), f.at(1).get<std::string>(), f.at(2).get<FactKind>(), get_unit(f.at(3)), {},
              get_location(f.at(5))};
    for (const Json& v : f.at(4)) fact.values.push_back({v.at(0).get<std::string>(), v.at(1).get<std::string>()});
    m.facts.push_back(std::move(fact));
  }
  for (const Json& k : j.at("kinds")) {
    m.kinds.push_back({k.at(0).get<std::string>(), k.at(1).get<std::string>(), k.at(2).get<CondId>(), get_location(k.at(3))});
  }
  for (const Json& l : j.at("layers")) {
    m.layers.push_back({l.at(0).get<std::string>(), l.at(1).get<std::string>(), l.at(2).get<std::string>(),
                        l.at(3).get<bool>(), get_location(l.at(4))});
  }
  if (const Json& u = j.at("units_map"); !u.is_null()) {
    m.units_map = UnitsMapDecl{u.at(0).get<std::string>(), u.at(1).get<bool>(), get_location(u.at(2))};
  }
  for (const Json& t : j.at("tiers")) {
    m.tiers.push_back({t.at(0).get<TierLevel>(), t.at(1).get<std::string>(), t.at(2).get<std::string>(),
                       get_opt<TierId>(t.at(3)), get_location(t.at(4))});
  }
  // Reserved: a national list has a million rules, and regrowing moves them all.
  m.rules.reserve(j.at("rules").size());
  m.conds.reserve(j.at("conds").size());
  m.nums.reserve(j.at("nums").size());
  for (const Json& r : j.at("rules")) m.rules.push_back(rule_from(r));
  for (const Json& c : j.at("conds")) m.conds.push_back(cond_from(c));
  for (const Json& n : j.at("nums")) m.nums.push_back(num_from(n));
  return m;
}

namespace {

Json features_json(const maps::MapFeature& f, geos::io::WKBWriter& wkb) {
  std::ostringstream bytes;
  if (f.geometry) wkb.write(*f.geometry, bytes);
  const std::string b = bytes.str();
  Json repairs = Json::array();
  for (const LocalizedText& r : f.repairs) repairs.push_back({r.en, r.zh});
  return {f.index, f.label, Json::binary(std::vector<std::uint8_t>(b.begin(), b.end())), std::move(repairs)};
}

std::vector<maps::MapFeature> features_from(const Json& list, const geo::GeometryFactory& factory) {
  geos::io::WKBReader reader(factory);
  std::vector<maps::MapFeature> out;
  for (const Json& f : list) {
    maps::MapFeature feature;
    feature.index = f.at(0).get<std::size_t>();
    feature.label = f.at(1).get<std::string>();
    const auto& b = f.at(2).get_binary();
    if (!b.empty()) {
      feature.geometry = reader.read(b.data(), b.size());
      geo::warm_envelopes(*feature.geometry);
    }
    for (const Json& r : f.at(3)) feature.repairs.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>()});
    out.push_back(std::move(feature));
  }
  return out;
}

}  // namespace

Json maps_to_json(const maps::Maps& maps, const Model& model) {
  geos::io::WKBWriter wkb(2);
  Json units = nullptr;
  if (maps.units) {
    Json features = Json::array();
    Json attributes = Json::array();
    for (std::uint32_t i = 0; i < maps.units->size(); ++i) {
      features.push_back(features_json(maps.units->feature(i), wkb));
      const maps::MapUnit& u = maps.units->unit(i);
      attributes.push_back({u.code, u.name, u.district, u.unit_class});
    }
    units = {{"path", maps.units->path()}, {"features", features}, {"units", attributes}};
  }
  Json layers = Json::array();
  for (std::size_t i = 0; i < maps.layers.size(); ++i) {
    const maps::GeoLayer& l = *maps.layers[i];
    Json features = Json::array();
    for (std::uint32_t f = 0; f < l.size(); ++f) features.push_back(features_json(l.feature(f), wkb));
    layers.push_back({{"name", i < model.layers.size() ? model.layers[i].name : l.name()},
                      {"path", l.path()},
                      {"features", features}});
  }
  return {{"units", units}, {"layers", layers}};
}

Expected<maps::Maps, LocalizedText> maps_from_json(const Json& j) {
  maps::Maps out;
  const auto factory = geo::make_factory();
  try {
    if (const Json& u = j.at("units"); !u.is_null()) {
      std::vector<maps::MapUnit> units;
      for (const Json& a : u.at("units")) {
        units.push_back({a.at(0).get<std::string>(), a.at(1).get<std::string>(), a.at(2).get<std::string>(),
                         a.at(3).get<UnitClass>()});
      }
      out.units = std::make_unique<const maps::UnitMap>(u.at("path").get<std::string>(),
                                                        features_from(u.at("features"), *factory), std::move(units));
    }
    for (const Json& l : j.at("layers")) {
      out.layers.push_back(std::make_unique<const maps::GeoLayer>(
          l.at("name").get<std::string>(), l.at("path").get<std::string>(), features_from(l.at("features"), *factory)));
    }
  } catch (const geos::util::GEOSException& e) {
    return Expected<maps::Maps, LocalizedText>::failure(
        {std::string("a map geometry in the snapshot is damaged: ") + e.what(),
         std::string("快照中的地图几何已损坏：") + e.what()});
  }
  return out;
}

}  // namespace zhunru::snapshot
