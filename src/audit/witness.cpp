#include "audit/witness.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "api/ruleset_data.hpp"
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
        if constexpr (std::is_same_v<T, model::NumArith>) {
          walk_num(m, n.lhs, out);
          walk_num(m, n.rhs, out);
        }
        if constexpr (std::is_same_v<T, model::NumNeg>) walk_num(m, n.operand, out);
      },
      m.num(id));
}

/// Calls `on_fact` for every fact and `on_site` for every spatial test in `id`.
template <class OnFact, class OnSite>
void walk(const model::Model& m, model::CondId id, OnFact&& on_fact, OnSite&& on_site) {
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
                      std::is_same_v<T, model::TextIn>) {
          on_fact(c.fact);
        }
        if constexpr (std::is_same_v<T, model::Not>) walk(m, c.operand, on_fact, on_site);
        if constexpr (std::is_same_v<T, model::All> || std::is_same_v<T, model::Any>) {
          for (model::CondId o : c.operands) walk(m, o, on_fact, on_site);
        }
        if constexpr (std::is_same_v<T, model::IsKind>) walk(m, m.kinds[c.kind].condition, on_fact, on_site);
        if constexpr (std::is_same_v<T, model::SiteSpatial>) on_site();
      },
      m.cond(id));
}

std::vector<model::CondId> parts_of(const model::Rule& r) {
  std::vector<model::CondId> out(r.spatial.begin(), r.spatial.end());
  for (const auto& c : {r.subject, r.where, r.unless, r.requirement}) {
    if (c) out.push_back(*c);
  }
  return out;
}

/// "500000" → "50" → "500101": a district code inside a city's territory.
std::string some_district(const std::string& prefix) {
  std::string d = prefix;
  while (d.size() < 6) d += d.size() == 5 ? "1" : "01";
  return d.substr(0, 6);
}

}  // namespace

std::set<model::FactId> facts_in(const model::Model& m, model::CondId id) {
  std::set<model::FactId> out;
  walk(m, id, [&](model::FactId f) { out.insert(f); }, [] {});
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
  for (model::CondId c : parts_of(r)) walk(m, c, [](model::FactId) {}, [&] { site = true; });
  return site;
}

std::optional<std::string> WitnessBuilder::unit_for(const std::vector<std::uint32_t>& rules, UnitClass c) const {
  const model::Model& m = rs_.data().model;
  // The deepest tier of the rules: the others are on its path.
  model::TierId deepest = m.rules[rules.front()].tier;
  for (std::uint32_t i : rules) {
    if (m.tiers[m.rules[i].tier].level > m.tiers[deepest].level) deepest = m.rules[i].tier;
  }
  const model::Tier& tier = m.tiers[deepest];
  // A unit every rule's `in units [...]` allows (when any names units).
  auto allowed = [&](const std::string& code) {
    return std::all_of(rules.begin(), rules.end(), [&](std::uint32_t i) {
      const auto& units = m.rules[i].units;
      return !units || std::find(units->begin(), units->end(), code) != units->end();
    });
  };
  auto fits = [&](const std::string& code, const std::string& district, UnitClass uc) {
    if (uc != c || !allowed(code)) return false;
    if (tier.level == TierLevel::unit) return code == tier.code;
    if (tier.level == TierLevel::district) return district == tier.code;
    return district.starts_with(model::territory_prefix(tier));
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
  const std::string code = "ZH" + district + std::to_string(static_cast<int>(c) + 1) + "0001";
  if (fits(code, district, c)) return code;
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

std::optional<LocalizedText> WitnessBuilder::shows(const std::string& json, const std::vector<std::uint32_t>& rules,
                                                   const std::string& unit, Expect expect) const {
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
  if (!decision) return LocalizedText{"the evaluator refused the witness: " + decision.error().en, "评估器拒绝了该见证项目：" + decision.error().zh};
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
  for (std::uint32_t i : rules) {
    if (tests_site(m, m.rules[i])) {
      return R::failure({"the rules test the site against a layer; a witness would need a site drawn to match, which "
                         "the auditor does not construct yet",
                         "规则涉及选址与图层的空间关系；见证项目需要相应的选址几何，审计器暂不构造"});
    }
    for (model::FactId f : facts_read(m, m.rules[i])) read.insert(m.facts[f].name);
  }
  const auto unit = unit_for(rules, unit_class);
  if (!unit) {
    return R::failure({"no unit of the map lies where all these rules apply", "单元图中没有这些规则同时适用的单元"});
  }
  std::string json = "{\n  \"project\": {\"name\": \"zhunru audit witness\"},\n";
  for (const auto& [name, value] : encoder.facts(model)) {
    if (read.count(name)) json += "  \"" + name + "\": " + value + ",\n";
  }
  json += "  \"units\": [\"" + *unit + "\"]\n}\n";
  if (auto problem = shows(json, rules, *unit, expect)) return R::failure(*problem);
  return json;
}

namespace {

void repaired_features(const std::string& path, const maps::MapFeature& f, std::vector<AuditFinding>& out) {
  if (!f.repaired()) return;
  const LocalizedText where = f.describe(path);
  out.push_back({AuditKind::repaired_feature, Severity::warning, {},
                 {where.en + " was invalid and is used only as repaired: " + f.repairs.front().en,
                  where.zh + " 原为无效几何，仅以修复后的形态使用：" + f.repairs.front().zh},
                 std::nullopt, {}});
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
                   std::nullopt, {}});
  }
  for (const model::Tier& t : d.model.tiers) {
    if (t.level == TierLevel::unit && !map->find(t.code)) {
      out.push_back({AuditKind::unknown_unit, Severity::warning, {{t.code, t.source.file + ":" + std::to_string(t.source.line)}},
                     {"unit tier " + t.code + " names a unit that the unit map " + map->path() + " does not have: its rules can never apply",
                      "单元层级 " + t.code + " 所指单元不在单元图 " + map->path() + " 中：其规则永远不会适用"},
                     std::nullopt, {}});
    }
  }
  for (const model::Rule& r : d.model.rules) {
    if (!r.units) continue;
    for (const std::string& code : *r.units) {
      if (map->find(code)) continue;
      out.push_back({AuditKind::unknown_unit, Severity::warning, {{r.id, r.source.file + ":" + std::to_string(r.source.line)}},
                     {"rule " + r.id + " names unit " + code + ", which the unit map " + map->path() + " does not have",
                      "规则 " + r.id + " 所指单元 " + code + " 不在单元图 " + map->path() + " 中"},
                     std::nullopt, {}});
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
                   std::nullopt, {}});
  }
}

}  // namespace zhunru::auditing
