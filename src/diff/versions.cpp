#include "diff/versions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "api/ruleset_data.hpp"
#include "audit/witness.hpp"
#include "audit/z3_terms.hpp"
#include "base/dates.hpp"
#include "spatial/site_oracle.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"

namespace zhunru::diffing {
namespace {

std::shared_ptr<const auditing::Domains> shared_domains(const Ruleset& a, const Ruleset& b) {
  return std::make_shared<const auditing::Domains>(auditing::Domains::of({&a.data().model, &b.data().model}));
}

std::vector<UnitPair> pairs_of(const Ruleset& a, const Ruleset& b) {
  const maps::UnitMap* x = a.data().maps.units.get();
  const maps::UnitMap* y = b.data().maps.units.get();
  return x && y ? corresponding_units(*x, *y) : std::vector<UnitPair>{};
}

// Pairs of units a witness is looked for in before the diff gives up on one.
constexpr int kPairsTried = 400;

bool has_map(const Ruleset& r) { return r.data().maps.units != nullptr; }

/// Whether the point lies inside unit `u` of the map.
bool inside_unit(const maps::UnitMap& map, std::uint32_t u, const geo::Coordinate& p) {
  return map.index().locate(u, p) == geos::geom::Location::INTERIOR;
}

}  // namespace

Side::Side(z3::context& ctx, const Ruleset& ruleset, const DiffOptions& options,
           const std::shared_ptr<const auditing::Domains>& domains, const std::string& name)
    : rs(ruleset), m(ruleset.data().model), enc(ctx, m, days_since_epoch(options.as_of), domains),
      unit_class(ctx.int_const((name + "-class").c_str())), place(ctx, m, unit_class, name, true),
      formulas(m.rules.size()), stops_any(ctx.bool_val(false)) {
  std::vector<z3::expr> stopping;
  for (std::uint32_t i = 0; i < m.rules.size(); ++i) {
    if (!auditing::in_force(m.rules[i], options.as_of)) continue;
    formulas[i] = auditing::formulas_of(m, m.rules[i], enc, place, unit_class);
    live.push_back(i);
    if (stops_anything(i)) stopping.push_back(formulas[i]->stops(m.rules[i].form));
  }
  stops_any = auditing::any_of(ctx, stopping);
}

bool Side::stops_anything(std::uint32_t rule) const {
  const RuleForm f = m.rules[rule].form;
  return f == RuleForm::ban || f == RuleForm::require || f == RuleForm::limit;
}

std::optional<std::uint32_t> Side::find(const std::string& id) const { return rs.data().find_rule(id); }

Versions::Versions(const Ruleset& older, const Ruleset& newer, const DiffOptions& options)
    : options_(options), ctx_(std::make_shared<z3::context>()), pairs_(pairs_of(older, newer)),
      domains_(shared_domains(older, newer)), old_(*ctx_, older, options, domains_, "old"),
      new_(*ctx_, newer, options, domains_, "new") {}

// Where a project lies, in both versions at once: a pair of units sharing
// area, or (a version without a unit map) the same unit code in both.
z3::expr Versions::link() const {
  z3::context& ctx = *ctx_;
  if (has_map(old_.rs) && has_map(new_.rs)) {
    std::vector<z3::expr> any;
    const auto& a = *old_.rs.data().maps.units;
    const auto& b = *new_.rs.data().maps.units;
    for (const UnitPair& p : pairs_) any.push_back(old_.place.unit(a.unit(p.old_unit).code) && new_.place.unit(b.unit(p.new_unit).code));
    return auditing::any_of(ctx, any);
  }
  return same_unit();
}

z3::check_result Versions::check(const std::vector<z3::expr>& terms, std::optional<z3::model>* model) {
  if (!solver_) {  // every rule is encoded by now: the background covers all variables
    solver_.emplace(*ctx_);
    z3::params p(*ctx_);
    p.set("ctrl_c", false);  // no SIGINT handler around every query (time limits: watchdog_)
    solver_->set(p);
    for (Side* s : {&old_, &new_}) {
      const z3::expr_vector bg = s->enc.background();
      for (unsigned k = 0; k < bg.size(); ++k) solver_->add(bg[k]);
      solver_->add(s->unit_class >= 0 && s->unit_class <= 2);
      solver_->add(s->place.background());
    }
    solver_->add(link());
  }
  solver_->push();
  for (const z3::expr& t : terms) solver_->add(t);
  const z3::check_result r = watchdog_.check(*ctx_, *solver_);
  if (r == z3::unknown) ++undecided_;
  if (r == z3::sat && model) *model = solver_->get_model();
  solver_->pop();
  return r;
}

z3::expr Versions::same_unit() const {
  z3::context& ctx = *ctx_;
  return old_.unit_class == new_.unit_class && ctx.int_const("old-district") == ctx.int_const("new-district") &&
         ctx.int_const("old-serial") == ctx.int_const("new-serial");
}

// Why a model's project cannot be sited by the diff, if it cannot.
std::optional<LocalizedText> Versions::unsited(const z3::model& model) const {
  for (const Side* s : {&old_, &new_}) {
    for (const auto& w : s->enc.spatial_values(model)) {
      if (w.test.geometry != model::kSite) {
        const std::string& name = s->m.geometries[w.test.geometry - 1].name;
        return LocalizedText{"no witness: the diff places only a site, and these rules test the project's " + name,
                             "无见证项目：比较只生成选址，而这些规则判断项目的" + name};
      }
      if (s->rs.data().maps.picked(w.test.layer)) {
        const std::string& name = s->m.layers[w.test.layer].name;
        return LocalizedText{"no witness: layer " + name + " is picked by each project's facts",
                             "无见证项目：图层 " + name + " 按每个项目的事实筛选"};
      }
    }
  }
  return std::nullopt;
}

std::string Versions::project(const z3::model& model, const std::string& place) {
  // Every fact the solver valued that both versions declare: the verdict of
  // each must be definite, so facts other rules read are given too.
  std::map<std::string, std::string> valued;
  for (Side* s : {&old_, &new_}) {
    for (auto& [name, value] : s->enc.facts(model)) valued.emplace(name, value);
  }
  std::vector<std::pair<std::string, std::string>> facts;
  for (auto& [name, value] : valued) {
    if (old_.rs.data().find_fact_or_label(name) && new_.rs.data().find_fact_or_label(name)) facts.emplace_back(name, value);
  }
  return auditing::witness_file("zhunru diff witness", facts, place);
}

// A point inside the two units the model places the project in; for each
// point, the spatial tests of both versions fixed to what the point makes
// them and the query solved again, so the facts fit the site (the first
// model's choice of tests may fit no point at all).
Expected<Witness, LocalizedText> Versions::sited(const std::vector<z3::expr>& query, const z3::model& model,
                                                     const Shows& shows) {
  using R = Expected<Witness, LocalizedText>;
  const auto& a = *old_.rs.data().maps.units;
  const auto& b = *new_.rs.data().maps.units;
  const std::string old_code = old_.place.code_in(model);
  const std::string new_code = new_.place.code_in(model);
  const auto pair = std::find_if(pairs_.begin(), pairs_.end(), [&](const UnitPair& p) {
    return a.unit(p.old_unit).code == old_code && b.unit(p.new_unit).code == new_code;
  });
  if (pair == pairs_.end()) return R::failure({"no witness: the solver's place is no pair of units", "无见证项目：求解结果不对应任何单元"});
  const std::vector<auditing::Encoder::SpatialValue> tested[2] = {old_.enc.spatial_values(model), new_.enc.spatial_values(model)};
  const std::vector<std::pair<model::SiteSpatial, z3::expr>> atoms[2] = {old_.enc.spatial_atoms(), new_.enc.spatial_atoms()};
  // Features near the two units only: a layer's first thousands of pieces
  // may all lie elsewhere. 0.05° (~5 km) leaves room for each side of a distance.
  geo::Envelope near(*a.feature(pair->old_unit).geometry->getEnvelopeInternal());
  near.expandToInclude(b.feature(pair->new_unit).geometry->getEnvelopeInternal());
  near.expandBy(0.05);
  std::vector<geo::Coordinate> candidates = auditing::candidate_points(old_.rs.data().maps, tested[0], {pair->inside}, &near);
  const auto more = auditing::candidate_points(new_.rs.data().maps, tested[1], {}, &near);
  candidates.insert(candidates.end(), more.begin(), more.end());
  const auto factory = geo::make_factory();
  spatial::SiteOracle oracles[2] = {{old_.rs.data().maps, old_.rs.data().metrics}, {new_.rs.data().maps, new_.rs.data().metrics}};
  std::set<std::vector<bool>> tried;  // points that value every test alike need one solve
  std::optional<LocalizedText> last;
  std::uint32_t key = 0;
  for (const geo::Coordinate& p : candidates) {
    if (!inside_unit(a, pair->old_unit, p) || !inside_unit(b, pair->new_unit, p)) continue;
    const geo::GeometryPtr point(factory->createPoint(p));
    geo::warm_envelopes(*point);
    ++key;
    std::vector<bool> values;
    std::vector<z3::expr> fixed = query;
    fixed.push_back(old_.place.unit(old_code) && new_.place.unit(new_code));
    bool computed = true;
    for (int k = 0; k < 2 && computed; ++k) {
      for (const auto& [test, atom] : atoms[k]) {
        const Truth t = oracles[k].test(test, point.get(), key);
        computed = computed && t != Truth::unknown;
        values.push_back(t == Truth::is_true);
        fixed.push_back(t == Truth::is_true ? atom : !atom);
      }
    }
    if (!computed || !tried.insert(values).second) continue;
    std::optional<z3::model> fitting;
    if (check(fixed, &fitting) != z3::sat) continue;
    const std::string json =
        project(*fitting, fmt::format(R"("site": {{"type": "Point", "coordinates": [{:.7f}, {:.7f}]}})", p.x, p.y));
    last = judge(json, shows);
    if (!last) return R(Witness{json, old_code, new_code});
  }
  if (last) return R::failure(*last);
  return R::failure({"no site was found inside both versions' units where the change shows (searched inside the units "
                     "and near the layers' features)",
                     "未找到同时位于两个版本相应单元内、且能显示该变化的选址（已在单元内及图层要素附近搜索）"});
}

std::optional<LocalizedText> Versions::judge(const std::string& json, const Shows& shows) const {
  EvaluateOptions options;
  options.as_of = options_.as_of;
  const Ruleset& stopping = shows.old_stops ? old_.rs : new_.rs;
  const Ruleset& admitting = shows.old_stops ? new_.rs : old_.rs;
  std::string seen[2];
  for (const Ruleset* r : {&stopping, &admitting}) {
    auto project = load_project_json(*r, json);
    if (!project) {
      const ProjectError& e = project.error().front();
      return LocalizedText{"a version refused the witness (" + e.fact + ": " + e.message.en + ")",
                           "有一个版本拒绝了该见证项目（" + e.fact + "：" + e.message.zh + "）"};
    }
    const auto decision = evaluate(*r, *project, options);
    if (!decision) {
      return LocalizedText{"a version refused the witness: " + decision.error().message.en,
                           "有一个版本拒绝了该见证项目：" + decision.error().message.zh};
    }
    const bool stops = r == &stopping;
    const bool violated = std::find(decision->violated.begin(), decision->violated.end(), shows.stopper) != decision->violated.end();
    const bool ok = stops ? (decision->verdict == Verdict::conditional || decision->verdict == Verdict::reject) && violated
                          : decision->verdict == Verdict::admit;
    seen[!stops] = std::string(name_of(decision->verdict));
    if (!ok) {
      return LocalizedText{fmt::format("the evaluator does not show this change on the witness ({} version: {}) — a bug in "
                                       "the diff or the evaluator, or facts only one version declares",
                                       shows.old_stops == stops ? "old" : "new", seen[!stops]),
                           "评估器在见证项目上没有显示该变化——比较或评估器存在缺陷，或有仅一个版本声明的事实"};
    }
  }
  return std::nullopt;
}

Expected<Witness, LocalizedText> Versions::witness(const std::vector<z3::expr>& query, const z3::model& model,
                                                      const Shows& shows) {
  using R = Expected<Witness, LocalizedText>;
  if (auto problem = unsited(model)) return R::failure(*problem);
  if (has_map(old_.rs) && has_map(new_.rs)) {
    // The first pair of units the solver picks may hold no point where the
    // change shows (far from the layer a test names): try each other pair
    // the query allows, until one shows it.
    R found = sited(query, model, shows);
    const auto& a = *old_.rs.data().maps.units;
    const auto& b = *new_.rs.data().maps.units;
    int tries = 1;
    for (const UnitPair& p : pairs_) {
      if (found || tries >= kPairsTried) break;
      const z3::expr here = old_.place.unit(a.unit(p.old_unit).code) && new_.place.unit(b.unit(p.new_unit).code);
      std::vector<z3::expr> there = query;
      there.push_back(here);
      std::optional<z3::model> next;
      if (check(there, &next) != z3::sat) continue;
      ++tries;
      if (R again = sited(query, *next, shows)) return again;
    }
    return found;
  }
  if (!old_.enc.spatial_atoms().empty() || !new_.enc.spatial_atoms().empty()) {
    return R::failure({"no witness: a site must be located, and a version has no unit map to locate it on",
                       "无见证项目：选址需要定位，而有一个版本没有单元图"});
  }
  const std::string code = old_.place.code_in(model);
  const std::string json = project(model, "\"units\": [\"" + code + "\"]");
  if (auto problem = judge(json, shows)) return R::failure(*problem);
  return Witness{json, code, code};
}

}  // namespace zhunru::diffing
