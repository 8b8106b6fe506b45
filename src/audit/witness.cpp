#include "audit/witness.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "api/ruleset_data.hpp"
#include "spatial/site_oracle.hpp"
#include "maps/map_report.hpp"
#include "maps/unit_overlaps.hpp"
#include "model/codes.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"

namespace zhunru::auditing {
namespace {

void walk_num(const model::Model& m, model::NumId id, std::set<model::FactId>& out) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, model::NumFact>) out.insert(n.fact);
        if constexpr (std::is_same_v<T, model::NumItem>) out.insert(n.fact);
        if constexpr (std::is_same_v<T, model::NumArith>) {
          walk_num(m, n.lhs, out);
          walk_num(m, n.rhs, out);
        }
        if constexpr (std::is_same_v<T, model::NumNeg>) walk_num(m, n.operand, out);
      },
      m.num(id));
}

/// Calls `on_fact` for every fact and `on_site` for every spatial test in `id`.
/// Each condition is visited once (`seen`): kinds are shared, and kinds each
/// testing the next twice would otherwise be walked 2^depth times.
template <class OnFact, class OnSite>
void walk(const model::Model& m, model::CondId id, OnFact&& on_fact, OnSite&& on_site,
          std::unordered_set<model::CondId>& seen) {
  if (!seen.insert(id).second) return;
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, model::BoolFact>) on_fact(c.fact);
        if constexpr (std::is_same_v<T, model::Compare>) {
          std::set<model::FactId> s;
          walk_num(m, c.lhs, s);
          walk_num(m, c.rhs, s);
          for (model::FactId f : s) on_fact(f);
        }
        if constexpr (std::is_same_v<T, model::EnumIn> || std::is_same_v<T, model::IndustryIn> ||
                      std::is_same_v<T, model::TextIn> || std::is_same_v<T, model::EnumHas>) {
          on_fact(c.fact);
        }
        if constexpr (std::is_same_v<T, model::Not>) walk(m, c.operand, on_fact, on_site, seen);
        if constexpr (std::is_same_v<T, model::All> || std::is_same_v<T, model::Any>) {
          for (model::CondId o : c.operands) walk(m, o, on_fact, on_site, seen);
        }
        if constexpr (std::is_same_v<T, model::IsKind>) walk(m, m.kinds[c.kind].condition, on_fact, on_site, seen);
        if constexpr (std::is_same_v<T, model::SiteSpatial>) on_site(c);
      },
      m.cond(id));
}

template <class OnFact, class OnSite>
void walk(const model::Model& m, model::CondId id, OnFact&& on_fact, OnSite&& on_site) {
  std::unordered_set<model::CondId> seen;
  walk(m, id, on_fact, on_site, seen);
}

std::vector<model::CondId> parts_of(const model::Rule& r) {
  std::vector<model::CondId> out(r.spatial.begin(), r.spatial.end());
  for (const auto& c : {r.subject, r.where, r.unless, r.requirement}) {
    if (c) out.push_back(*c);
  }
  return out;
}

/// Whether rule `r` makes the spatial test `v`.
bool reads_atom(const model::Model& m, const model::Rule& r, const Encoder::SpatialValue& v) {
  bool found = false;
  for (model::CondId c : parts_of(r)) {
    walk(m, c, [](model::FactId) {}, [&](const model::SiteSpatial& s) {
      found = found || model::positive_form(s).first == v.test;
    });
  }
  return found;
}

/// "500000" → "50" → "500101": a district code inside a city's territory.
std::string some_district(const std::string& prefix) {
  std::string d = prefix;
  while (d.size() < 6) d += d.size() == 5 ? "1" : "01";
  return d.substr(0, 6);
}

/// The first unit of class `c` a district could have: ZH + district + class digit + 0001.
std::string first_unit(const std::string& district, UnitClass c) {
  return "ZH" + district + std::to_string(static_cast<int>(c) + 1) + "0001";
}

}  // namespace

std::string witness_file(std::string_view name, const std::vector<std::pair<std::string, std::string>>& facts,
                         std::string_view place) {
  std::string json = "{\n  \"project\": {\"name\": \"" + std::string(name) + "\"},\n";
  for (const auto& [fact, value] : facts) json += "  \"" + fact + "\": " + value + ",\n";
  return json + "  " + std::string(place) + "\n}\n";
}

std::set<model::FactId> facts_in(const model::Model& m, model::CondId id) {
  std::set<model::FactId> out;
  walk(m, id, [&](model::FactId f) { out.insert(f); }, [](const model::SiteSpatial&) {});
  return out;
}

std::vector<model::FactId> facts_read(const model::Model& m, const model::Rule& r) {
  std::set<model::FactId> out;
  for (model::CondId c : parts_of(r)) {
    const auto s = facts_in(m, c);
    out.insert(s.begin(), s.end());
  }
  return {out.begin(), out.end()};
}

bool tests_site(const model::Model& m, const model::Rule& r) {
  bool site = false;
  for (model::CondId c : parts_of(r)) walk(m, c, [](model::FactId) {}, [&](const model::SiteSpatial&) { site = true; });
  return site;
}

const model::Tier& WitnessBuilder::deepest_tier(const std::vector<std::uint32_t>& rules) const {
  const model::Model& m = rs_.data().model;
  model::TierId deepest = m.rules[rules.front()].tier;  // the others are on its path
  for (std::uint32_t i : rules) {
    if (m.tiers[m.rules[i].tier].level > m.tiers[deepest].level) deepest = m.rules[i].tier;
  }
  return m.tiers[deepest];
}

bool WitnessBuilder::unit_fits(const std::vector<std::uint32_t>& rules, UnitClass c, const std::string& code,
                               const std::string& district, UnitClass uc) const {
  const model::Model& m = rs_.data().model;
  const bool allowed = std::all_of(rules.begin(), rules.end(), [&](std::uint32_t i) {  // every `in units [...]`
    const auto& units = m.rules[i].units;
    const auto& regions = m.rules[i].regions;
    return (!units || std::find(units->begin(), units->end(), code) != units->end()) &&
           std::all_of(regions.begin(), regions.end(),
                       [&](const model::RegionScope& g) { return g.holds(code, district); });
  });
  if (uc != c || !allowed) return false;
  const model::Tier& tier = deepest_tier(rules);
  if (tier.level == TierLevel::unit) return code == tier.code;
  if (tier.level == TierLevel::district) return district == tier.code;
  return district.starts_with(model::territory_prefix(tier));
}

std::optional<std::string> WitnessBuilder::unit_for(const std::vector<std::uint32_t>& rules, UnitClass c) const {
  const model::Tier& tier = deepest_tier(rules);
  const model::Model& m = rs_.data().model;
  auto fits = [&](const std::string& code, const std::string& district, UnitClass uc) {
    return unit_fits(rules, c, code, district, uc);
  };
  if (const maps::UnitMap* map = rs_.data().maps.units.get()) {
    std::optional<std::string> best;
    for (std::uint32_t u = 0; u < map->size(); ++u) {
      const maps::MapUnit& unit = map->unit(u);
      if (fits(unit.code, unit.district, unit.unit_class) && (!best || unit.code < *best)) best = unit.code;
    }
    return best;
  }
  if (tier.level == TierLevel::unit) return fits(tier.code, tier.code.substr(2, 6), c) ? std::optional(tier.code) : std::nullopt;
  const std::string district = tier.level == TierLevel::district ? tier.code : some_district(model::territory_prefix(tier));
  if (const std::string code = first_unit(district, c); fits(code, district, c)) return code;
  for (std::uint32_t i : rules) {  // a unit in a district a scope names
    for (const model::RegionScope& g : m.rules[i].regions) {
      if (g.negated || g.level != TierLevel::district) continue;
      for (const std::string& d : g.codes) {
        if (const std::string in_district = first_unit(d, c); fits(in_district, d, c)) return in_district;
      }
    }
  }
  for (std::uint32_t i : rules) {  // a unit named in a scope
    if (const auto& units = m.rules[i].units) {
      for (const std::string& u : *units) {
        const auto parsed = model::parse_unit_code(u);
        if (parsed && fits(u, parsed->district, parsed->unit_class)) return u;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> WitnessBuilder::site_for(
    const std::vector<std::uint32_t>& rules, const std::vector<Encoder::SpatialValue>& wanted) const {
  const Ruleset::Data& d = rs_.data();
  const maps::UnitMap* map = d.maps.units.get();
  if (!map) return std::nullopt;  // a site must be located: without a unit map there is nothing to locate it on
  const auto factory = geo::make_factory();
  spatial::SiteOracle oracle(d.maps, d.metrics);
  std::uint32_t key = 0;
  // Candidate points: inside each unit that fits, and near the layers'
  // linework (on it, and at distances either side of each tested one).
  std::vector<geo::Coordinate> candidates;
  std::vector<std::uint32_t> units;
  // Any class every rule's scope admits will do (the facts do not depend on it).
  const auto admits = [&](UnitClass uc) {
    return std::all_of(rules.begin(), rules.end(), [&](std::uint32_t i) {
      const auto& classes = d.model.rules[i].classes;
      return !classes || std::find(classes->begin(), classes->end(), uc) != classes->end();
    });
  };
  for (std::uint32_t u = 0; u < map->size(); ++u) {
    const maps::MapUnit& unit = map->unit(u);
    if (admits(unit.unit_class) && unit_fits(rules, unit.unit_class, unit.code, unit.district, unit.unit_class)) {
      units.push_back(u);
    }
  }
  if (units.empty()) return std::nullopt;
  for (std::uint32_t u : units) {
    const geo::GeometryPtr own = geo::copy_to(*map->feature(u).geometry, *factory);
    candidates.push_back(*own->getInteriorPoint()->getCoordinate());
  }
  candidates = candidate_points(d.maps, wanted, std::move(candidates));
  for (const geo::Coordinate& p : candidates) {
    if (!std::isfinite(p.x) || std::fabs(p.x) > 180.0 || std::fabs(p.y) > 90.0) continue;
    // The unit the point lies in must fit.
    std::optional<std::uint32_t> in;
    map->index().query(geo::Envelope(p), [&](std::uint32_t u) {
      if (!in && map->index().locate(u, p) == geos::geom::Location::INTERIOR) in = u;
    });
    if (!in || std::find(units.begin(), units.end(), *in) == units.end()) continue;
    const geo::GeometryPtr point(factory->createPoint(p));
    geo::warm_envelopes(*point);
    bool all = true;
    ++key;
    for (const auto& w : wanted) {
      const Truth t = oracle.test(w.test, point.get(), key);
      all = all && t == (w.value ? Truth::is_true : Truth::is_false);
    }
    if (!all) continue;
    return std::make_pair(fmt::format(R"({{"type": "Point", "coordinates": [{:.7f}, {:.7f}]}})", p.x, p.y),
                          map->unit(*in).code);
  }
  return std::nullopt;
}

std::vector<geo::Coordinate> candidate_points(const maps::Maps& maps, const std::vector<Encoder::SpatialValue>& wanted,
                                              std::vector<geo::Coordinate> candidates, const geo::Envelope* near) {
  const auto factory = geo::make_factory();
  std::vector<double> offsets{0.0, 20000.0};
  for (const auto& w : wanted) {
    if (w.test.op == ast::SpatialOp::within) {
      offsets.push_back(w.test.amount * 0.5);
      offsets.push_back(w.test.amount * 1.5 + 100.0);
    }
    // A point in each of the layer's areas, for `overlapping` (on an edge is not in one).
    const maps::GeoLayer* layer = maps.layers[w.test.layer].get();
    if (w.test.op != ast::SpatialOp::overlaps || !layer) continue;
    for (std::uint32_t f = 0; f < layer->size() && candidates.size() < 2000; ++f) {
      if (!layer->features().is_areal(f)) continue;
      if (near && !near->intersects(layer->feature(f).geometry->getEnvelopeInternal())) continue;
      const geo::GeometryPtr area = geo::copy_to(*layer->feature(f).geometry, *factory);
      candidates.push_back(*area->getInteriorPoint()->getCoordinate());
    }
  }
  for (const auto& w : wanted) {
    const maps::GeoLayer* layer = maps.layers[w.test.layer].get();
    if (!layer) continue;
    for (std::uint32_t p = 0; p < layer->pieces_count() && candidates.size() < 4000; p += 1) {
      const geo::Coordinate& at = *layer->piece(p).getCoordinate();
      if (near && !near->contains(at)) continue;
      for (double metres : offsets) {
        for (double sign : {1.0, -1.0}) {
          const double dlon = sign * metres / (111320.0 * std::cos(at.y * 3.14159265358979 / 180.0));
          candidates.push_back({at.x + dlon, at.y});
          candidates.push_back({at.x, at.y + sign * metres / 110574.0});
        }
      }
    }
  }
  return candidates;
}

std::optional<LocalizedText> WitnessBuilder::shows(const std::string& json, const std::vector<std::uint32_t>& rules,
                                                   const std::string& unit, Expect expect, Verdict* verdict) const {
  const model::Model& m = rs_.data().model;
  auto project = load_project_json(rs_, json);
  if (!project) {
    const ProjectError& e = project.error().front();
    return LocalizedText{"the evaluator refused the witness (" + e.fact + ": " + e.message.en + ")",
                         "评估器拒绝了该见证项目（" + e.fact + "：" + e.message.zh + "）"};
  }
  EvaluateOptions options;
  options.as_of = as_of_;
  const auto decision = evaluate(rs_, *project, options);
  if (!decision) return LocalizedText{"the evaluator refused the witness: " + decision.error().message.en, "评估器拒绝了该见证项目：" + decision.error().message.zh};
  if (verdict) *verdict = decision->verdict;
  auto status = [&](std::uint32_t i) {
    for (const Finding& f : decision->findings) {
      if (f.rule == m.rules[i].id && f.unit == unit) return f.status;
    }
    return Status::not_applicable;
  };
  const Status a = status(rules[0]);
  const Status b = rules.size() > 1 ? status(rules[1]) : Status::not_applicable;
  const auto known = [](Status s) { return s == Status::violated || s == Status::satisfied; };
  bool ok = false;
  switch (expect) {
    case Expect::nothing: ok = true; break;
    case Expect::first_violated: ok = a == Status::violated; break;
    case Expect::first_violated_second_satisfied: ok = a == Status::violated && b == Status::satisfied; break;
    case Expect::one_violated: ok = known(a) && known(b) && (a == Status::violated || b == Status::violated); break;
    case Expect::both_violated: ok = a == Status::violated && b == Status::violated; break;
    case Expect::first_violated_second_not:
      ok = a == Status::violated && (b == Status::satisfied || b == Status::not_applicable);
      break;
  }
  if (ok) return std::nullopt;
  return LocalizedText{fmt::format("the evaluator does not show this finding on the witness ({}: {}, {}: {}) — a bug in "
                                   "the auditor or the evaluator",
                                   m.rules[rules[0]].id, name_of(a), rules.size() > 1 ? m.rules[rules[1]].id : "-",
                                   name_of(b)),
                       "评估器在见证项目上没有显示该问题——审计器或评估器存在缺陷"};
}

Expected<std::string, LocalizedText> WitnessBuilder::build(Encoder& encoder, const z3::model& model,
                                                           const std::vector<std::uint32_t>& rules, UnitClass unit_class,
                                                           Expect expect) const {
  using R = Expected<std::string, LocalizedText>;
  const model::Model& m = rs_.data().model;
  std::set<std::string> read;
  std::vector<Encoder::SpatialValue> wanted;  // the spatial tests these rules make, as the model values them
  for (std::uint32_t i : rules) {
    for (model::FactId f : facts_read(m, m.rules[i])) read.insert(m.facts[f].name);
    for (const Encoder::SpatialValue& v : encoder.spatial_values(model)) {
      if (reads_atom(m, m.rules[i], v)) wanted.push_back(v);
    }
  }
  for (const Encoder::SpatialValue& w : wanted) {
    if (w.test.geometry == model::kSite) continue;
    const std::string& name = m.geometries[w.test.geometry - 1].name;
    return R::failure({"no witness: the auditor places only a site, and these rules test the project's " + name,
                       "无见证项目：审计器只生成选址，而这些规则判断项目的" + name});
  }
  for (const Encoder::SpatialValue& w : wanted) {
    if (!rs_.data().maps.picked(w.test.layer)) continue;
    const std::string& name = m.layers[w.test.layer].name;
    return R::failure({"no witness: layer " + name + " is picked by each project's facts, and the auditor does not "
                       "search for a site and facts that fit one another",
                       "无见证项目：图层 " + name + " 按每个项目的事实筛选，审计器不搜索相互匹配的选址与事实"});
  }
  const auto valued = encoder.facts(model);
  std::vector<std::pair<std::string, std::string>> own;  // the facts the finding's rules read
  for (const auto& fact : valued) {
    if (read.count(fact.first)) own.push_back(fact);
  }
  std::string place;
  std::optional<std::string> unit;
  if (wanted.empty()) {
    unit = unit_for(rules, unit_class);
    if (!unit) return R::failure({"no unit of the map lies where all these rules apply", "单元图中没有这些规则同时适用的单元"});
    place = "\"units\": [\"" + *unit + "\"]";
  } else {
    auto site = site_for(rules, wanted);
    if (!site) {
      return R::failure({"no site was found that lies where all these rules apply and meets their spatial tests as the "
                         "solver needs (searched near the layers and inside the fitting units)",
                         "未找到同时位于这些规则适用范围内、且满足所需空间关系的选址（已在图层附近及相应单元内搜索）"});
    }
    unit = site->second;
    place = "\"site\": " + site->first;
  }
  const std::string json = witness_file("zhunru audit witness", own, place);
  Verdict verdict = Verdict::incomplete;
  if (auto problem = shows(json, rules, *unit, expect, &verdict)) return R::failure(*problem);
  // The facts the finding's rules read show the finding; a rule it does not
  // involve may still leave the verdict incomplete. Then the witness gives
  // every fact the solver valued, if that keeps the finding and makes the
  // verdict definite (an applicant's file would give them all too).
  if (verdict == Verdict::incomplete && valued.size() > read.size()) {
    const std::string full = witness_file("zhunru audit witness", valued, place);
    Verdict full_verdict = Verdict::incomplete;
    if (!shows(full, rules, *unit, expect, &full_verdict) && full_verdict != Verdict::incomplete) return full;
  }
  return json;
}

namespace {

void repaired_features(const std::string& path, const maps::MapFeature& f, std::vector<AuditFinding>& out) {
  if (!f.repaired()) return;
  const LocalizedText where = f.describe(path);
  out.push_back({AuditKind::repaired_feature, Severity::warning, {},
                 {where.en + " was invalid and is used only as repaired: " + f.repairs.front().en,
                  where.zh + " 原为无效几何，仅以修复后的形态使用：" + f.repairs.front().zh},
                 std::nullopt, {}, std::nullopt});
}

}  // namespace

void map_findings(const Ruleset& ruleset, std::vector<AuditFinding>& out) {
  const Ruleset::Data& d = ruleset.data();
  for (const auto& layer : d.maps.layers) {
    if (!layer) continue;
    for (std::uint32_t i = 0; i < layer->size(); ++i) repaired_features(layer->path(), layer->feature(i), out);
  }
  const maps::UnitMap* map = d.maps.units.get();
  if (!map) return;
  for (std::uint32_t u = 0; u < map->size(); ++u) repaired_features(map->path(), map->feature(u), out);
  std::vector<Diagnostic> overlaps;
  {
    maps::MapReport report(map->path(), {}, std::numeric_limits<std::size_t>::max(), overlaps);
    maps::report_unit_overlaps(*map, report);
  }
  for (const Diagnostic& o : overlaps) {
    out.push_back({AuditKind::map_overlap, Severity::warning, {}, {map->path() + " " + o.message.en, map->path() + " " + o.message.zh},
                   std::nullopt, {}, std::nullopt});
  }
  for (const model::Tier& t : d.model.tiers) {
    if (t.level == TierLevel::unit && !map->find(t.code)) {
      out.push_back({AuditKind::unknown_unit, Severity::warning, {{t.code, t.source.file + ":" + std::to_string(t.source.line)}},
                     {"unit tier " + t.code + " names a unit that the unit map " + map->path() + " does not have: its rules can never apply",
                      "单元层级 " + t.code + " 所指单元不在单元图 " + map->path() + " 中：其规则永远不会适用"},
                     std::nullopt, {}, std::nullopt});
    }
  }
  for (const model::Rule& r : d.model.rules) {
    std::vector<const std::string*> named;  // `in units [...]` and `not in units [...]` alike
    if (r.units) {
      for (const std::string& code : *r.units) named.push_back(&code);
    }
    for (const model::RegionScope& g : r.regions) {
      if (g.level != TierLevel::unit) continue;
      for (const std::string& code : g.codes) named.push_back(&code);
    }
    for (const std::string* name : named) {
      const std::string& code = *name;
      if (map->find(code)) continue;
      out.push_back({AuditKind::unknown_unit, Severity::warning, {{r.id, d.model.file_line(r)}},
                     {"rule " + r.id + " names unit " + code + ", which the unit map " + map->path() + " does not have",
                      "规则 " + r.id + " 所指单元 " + code + " 不在单元图 " + map->path() + " 中"},
                     std::nullopt, {}, std::nullopt});
    }
  }
  std::vector<model::TierId> tiers;
  std::set<std::string> reported;
  for (std::uint32_t u = 0; u < map->size(); ++u) {
    const maps::MapUnit& unit = map->unit(u);
    d.index.tiers_for(unit.code, unit.district, tiers);
    if (!tiers.empty() || !reported.insert(unit.district).second) continue;
    out.push_back({AuditKind::unjudgeable_map_unit, Severity::warning, {},
                   {"map units of district " + unit.district + " (such as " + unit.code + ") lie outside every tier of the "
                    "ruleset: a project there cannot be judged",
                    "区县 " + unit.district + " 的单元（如 " + unit.code + "）不在本清单任何层级范围内：落在该处的项目无法判定"},
                   std::nullopt, {}, std::nullopt});
  }
}

}  // namespace zhunru::auditing
