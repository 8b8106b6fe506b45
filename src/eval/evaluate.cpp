// evaluate(): every unit the project lies in, every rule that can apply
// there, then verdicts (per unit, overall: the strictest), best and worst
// cases, missing facts and scores (docs/language.md, "Evaluating a project").
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "api/ruleset_data.hpp"
#include "base/dates.hpp"
#include "eval/conditions.hpp"
#include "eval/project_data.hpp"
#include "eval/rule_outcome.hpp"
#include "spatial/site_oracle.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {
namespace {

bool is_positive(RuleForm form) { return form == RuleForm::allow || form == RuleForm::encourage; }

/// One rule judged in one unit.
struct Outcome {
  std::uint32_t rule = 0;   // index into Ruleset::Data::rules
  std::uint32_t unit = 0;   // index into the project's units
  eval::Judgement judgement;
  std::vector<TraceStep> trace;
};

std::string periods_of(const model::EnumValue& v) {
  std::string out;
  for (const model::AsOfIn& p : v.in_force) {
    if (!out.empty()) out += ", ";
    out += iso_date(date_from_days(p.from_day)) + "–";
    if (p.until_day != std::numeric_limits<std::int32_t>::max()) out += iso_date(date_from_days(p.until_day));
  }
  return out;
}

// A value of a dated enumeration (`enumeration E effective D = {…}`) that no
// version in force on the as-of date has: judged by rules of another period,
// the project would be judged silently wrong.
std::optional<EvalError> check_values_in_force(const Ruleset::Data& rs, const Project::Data& pd, std::int32_t day) {
  const model::Model& m = rs.model;
  for (const model::FactId f : rs.dated_facts) {  // only facts with dated values (Ruleset::Data::dated_facts)
    if (f >= pd.values.size()) continue;
    const model::Fact& given_fact = m.facts[f];
    const FactValue& given = pd.values[f];
    // Amounts are keyed by the values of their set fact (`quantity t/a per products`).
    const bool amounts = given_fact.kind == model::FactKind::amounts && given_fact.per;
    const model::Fact& fact = amounts ? m.facts[*given_fact.per] : given_fact;
    if (!given.known) continue;
    const auto refuse = [&](std::uint32_t value) -> std::optional<EvalError> {
      if (value >= fact.values.size() || fact.values[value].in_force_on(day)) return std::nullopt;
      const model::EnumValue& v = fact.values[value];
      const std::string named = v.label.empty() ? "`" + v.name + "`" : "`" + v.name + "` (" + v.label + ")";
      const std::string named_zh = "“" + (v.label.empty() ? v.name : v.label) + "”";
      const std::string as_of = iso_date(date_from_days(day));
      return EvalError{"eval.value-not-in-force",
                       {named + " of `" + fact.name + "` is a value only in " + periods_of(v) +
                            "; the project is judged as of " + as_of + ": give a value in force then, or judge it as of a date in that period",
                        "事实“" + (fact.label.empty() ? fact.name : fact.label) + "”的取值" + named_zh + "仅在 " + periods_of(v) +
                            " 有效；本次按 " + as_of + " 判定：请给出当时有效的取值，或按该时段内的日期判定"}};
    };
    if (fact.kind == model::FactKind::enumeration) {
      if (auto problem = refuse(static_cast<std::uint32_t>(given.number))) return problem;
    } else {
      for (const std::uint32_t item : given.items) {
        if (auto problem = refuse(item)) return problem;
      }
    }
  }
  return std::nullopt;
}

Verdict settle(Verdict best, Verdict worst) { return best == worst ? best : Verdict::incomplete; }

std::optional<EvalError> check_as_of(const model::Model& m, const std::chrono::year_month_day& as_of) {
  if (m.effective_from && as_of < *m.effective_from) {
    return EvalError{"eval.not-in-effect", LocalizedText{"the ruleset takes effect on " + iso_date(*m.effective_from) +
                             "; it does not judge projects as of " + iso_date(as_of),
                         "本清单自 " + iso_date(*m.effective_from) + " 起施行，不适用于 " + iso_date(as_of) + " 的判定"}};
  }
  if (m.effective_until && *m.effective_until < as_of) {
    return EvalError{"eval.not-in-effect", LocalizedText{"the ruleset ceased to apply after " + iso_date(*m.effective_until) +
                             "; it does not judge projects as of " + iso_date(as_of),
                         "本清单已于 " + iso_date(*m.effective_until) + " 后失效，不适用于 " + iso_date(as_of) + " 的判定"}};
  }
  return std::nullopt;
}

class Evaluation {
 public:
  Evaluation(const Ruleset::Data& rs, const Project::Data& project, const EvaluateOptions& options)
      : rs_(rs), project_(project), options_(options), oracle_(rs.maps, rs.metrics), conditions_(rs.program, rs.maps, project, oracle_, days_since_epoch(options.as_of)),
        today_(days_since_epoch(options.as_of)) {
    if (const auto f = rs.index.industry_fact(); f && project.values[*f].known) industry_ = &project.values[*f].text;
    outcomes_.reserve(8);  // small: a request of kilobytes makes malloc consolidate its free lists every time
    candidates_.reserve(64);
    tiers_.reserve(4);
  }

  Expected<Decision, EvalError> run();

 private:
  std::optional<EvalError> judge_unit(std::uint32_t unit_index, UnitDecision& out);
  void collect_missing(Decision& d) const;
  Scores score() const;
  Finding finding(const Outcome& o) const;
  void sort_for_findings();
  void collect_violated(Decision& d) const;
  void note_repaired_layers(Decision& d) const;
  const model::Rule& rule_of(const Outcome& o) const { return rs_.model.rules[o.rule]; }
  /// A fact's name, "site" for the site's slot, or a project geometry's name.
  std::string slot_name(ir::Slot s) const {
    const std::size_t facts = rs_.model.facts.size();
    if (s < facts) return rs_.model.facts[s].name;
    return s == facts ? "site" : rs_.model.geometries.at(s - facts - 1).name;
  }
  std::string slot_label(ir::Slot s) const {
    const std::size_t facts = rs_.model.facts.size();
    if (s < facts) return rs_.model.facts[s].label;
    return s == facts ? "选址" : rs_.model.geometries.at(s - facts - 1).label;
  }

  const Ruleset::Data& rs_;
  const Project::Data& project_;
  const EvaluateOptions& options_;
  spatial::SiteOracle oracle_;
  eval::ConditionEvaluator conditions_;
  const std::int32_t today_;                // the as-of date, in days
  const std::string* industry_ = nullptr;   // the project's industry code, when known (for the index)
  std::vector<Outcome> outcomes_;     // every rule that is not not-applicable
  std::vector<std::uint32_t> candidates_;
  std::vector<model::TierId> tiers_;
};

std::optional<EvalError> Evaluation::judge_unit(std::uint32_t unit_index, UnitDecision& out) {
  const ProjectUnit& unit = project_.units[unit_index];
  rs_.index.tiers_for(unit.code, unit.district, tiers_);
  if (tiers_.empty()) {
    return EvalError{"eval.outside-territory",
                     {"unit " + unit.code + " (district " + unit.district +
                          ") lies outside the territory this ruleset covers",
                      "单元 " + unit.code + "（区县 " + unit.district + "）不在本清单管辖范围内"}};
  }
  out = {unit.code, unit.name, unit.unit_class, unit.district, unit.share, Verdict::admit, Verdict::admit,
         Verdict::admit};
  conditions_.set_unit(unit_index);
  for (model::TierId tier : tiers_) {
    candidates_.clear();
    rs_.index.candidates(tier, unit.unit_class, industry_, candidates_);
    for (std::uint32_t i : candidates_) {
      const ir::Rule& rule = rs_.rules[i];
      if (today_ < rule.from_day || today_ > rule.until_day) continue;  // not in effect
      const model::Rule& r = rs_.model.rules[i];
      Outcome o{i, unit_index, {}, {}};
      o.judgement = eval::judge_rule(r, rule, unit, conditions_, options_.findings ? &o.trace : nullptr);
      const Status s = o.judgement.status;
      if (s == Status::not_applicable) continue;
      const RuleForm form = r.form;
      if (!is_positive(form) && (s == Status::violated || s == Status::unknown)) {
        const Verdict v = form == RuleForm::ban ? Verdict::reject : Verdict::conditional;
        if (s == Status::violated) out.best = std::max(out.best, v);
        out.worst = std::max(out.worst, v);
      }
      outcomes_.push_back(std::move(o));
    }
  }
  out.verdict = settle(out.best, out.worst);
  return std::nullopt;
}

void Evaluation::collect_missing(Decision& d) const {
  const bool any_unknown = std::any_of(outcomes_.begin(), outcomes_.end(),
                                       [](const Outcome& o) { return o.judgement.status == Status::unknown; });
  if (!any_unknown) return;
  std::set<ir::Slot> slots;
  std::set<ir::Slot> needed;
  for (const Outcome& o : outcomes_) {
    const RuleForm form = rule_of(o).form;
    if (o.judgement.status != Status::unknown || is_positive(form)) continue;
    slots.insert(o.judgement.missing.begin(), o.judgement.missing.end());
    // Violated, this rule gives at least `v`: it can move the verdict only above the best case.
    const Verdict v = form == RuleForm::ban ? Verdict::reject : Verdict::conditional;
    if (d.verdict == Verdict::incomplete && v > d.best) needed.insert(o.judgement.missing.begin(), o.judgement.missing.end());
  }
  std::map<std::string, std::string> names;  // sorted by name
  for (ir::Slot s : slots) names.emplace(slot_name(s), slot_label(s));
  for (auto& [name, label] : names) {
    d.missing.push_back(name);
    d.missing_labels.push_back(std::move(label));
  }
  std::set<std::string> needed_names;
  for (ir::Slot s : needed) needed_names.insert(slot_name(s));
  d.needed.assign(needed_names.begin(), needed_names.end());
}

void Evaluation::collect_violated(Decision& d) const {
  for (const Outcome& o : outcomes_) {
    if (o.judgement.status == Status::violated) d.violated.push_back(rule_of(o).id);
  }
  std::sort(d.violated.begin(), d.violated.end());
  d.violated.erase(std::unique(d.violated.begin(), d.violated.end()), d.violated.end());
}

/// Per rule, its strictest status over the units (a rule that applies in
/// three units counts once); only rules known to apply with a known status.
Scores Evaluation::score() const {
  struct Tally {
    double satisfied = 0.0;
    double total = 0.0;
  };
  auto rank = [](const eval::Judgement& j) {
    if (j.status == Status::violated) return 3;
    if (j.status == Status::unknown) return 2;
    return j.applies == true ? 1 : 0;
  };
  std::vector<std::pair<std::uint32_t, int>> by_rule;
  by_rule.reserve(outcomes_.size());
  for (const Outcome& o : outcomes_) {
    if (!is_positive(rule_of(o).form)) by_rule.emplace_back(o.rule, rank(o.judgement));
  }
  std::sort(by_rule.begin(), by_rule.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;  // strictest first
  });
  Tally overall;
  std::array<Tally, 5> tiers{};
  std::array<Tally, 4> dims{};
  for (std::size_t i = 0; i < by_rule.size(); ++i) {
    if (i > 0 && by_rule[i].first == by_rule[i - 1].first) continue;
    const int r = by_rule[i].second;
    if (r != 3 && r != 1) continue;  // unknown, or not known to apply
    const model::Rule& rule = rs_.model.rules[by_rule[i].first];
    const auto tier = static_cast<std::size_t>(rs_.model.tiers[rule.tier].level);
    for (Tally* t : {&overall, &tiers[tier], &dims[static_cast<std::size_t>(rule.dimension)]}) {
      t->satisfied += r == 1 ? rule.weight : 0.0;
      t->total += rule.weight;
    }
  }
  auto pct = [](const Tally& t) -> std::optional<double> {
    if (t.total <= 0.0) return std::nullopt;
    return 100.0 * t.satisfied / t.total;
  };
  Scores s;
  s.overall = pct(overall);
  for (std::size_t i = 0; i < tiers.size(); ++i) s.tiers[i] = pct(tiers[i]);
  for (std::size_t i = 0; i < 4; ++i) s.dimensions[i] = pct(dims[i]);
  return s;
}

/// Units in the order given; within a unit, tier (city first), then rule id —
/// never file order. (Rule ids are unique, so the order is total.)
void Evaluation::sort_for_findings() {
  auto key = [this](const Outcome& o) {
    const model::Rule& r = rule_of(o);
    return std::tie(o.unit, rs_.model.tiers[r.tier].level, r.id);
  };
  std::sort(outcomes_.begin(), outcomes_.end(), [&](const Outcome& a, const Outcome& b) { return key(a) < key(b); });
}

Finding Evaluation::finding(const Outcome& o) const {
  const model::Rule& r = rule_of(o);
  const model::Tier& tier = rs_.model.tiers[r.tier];
  Finding f;
  f.rule = r.id;
  f.tier = tier.level;
  f.tier_code = tier.code;
  if (r.restates) f.restates = rs_.model.rules[*r.restates].id;
  f.dimension = r.dimension;
  f.form = r.form;
  f.status = o.judgement.status;
  f.applies = o.judgement.applies;
  f.unit = project_.units[o.unit].code;
  f.cites = r.cites;
  f.quotes = r.quotes;
  f.because = r.because;
  f.source = rs_.model.file_line(r);
  f.weight = r.weight;
  f.requirement = r.texts[model::RuleTexts::requirement];
  f.requirement_zh = r.texts_in(Lang::zh)[model::RuleTexts::requirement];
  std::set<ir::Slot> slots(o.judgement.missing.begin(), o.judgement.missing.end());
  for (ir::Slot s : slots) f.missing.push_back(slot_name(s));
  f.trace = o.trace;
  return f;
}

void Evaluation::note_repaired_layers(Decision& d) const {
  for (const auto& [layer, feature] : oracle_.repaired_used()) {
    const maps::GeoLayer& l = *rs_.maps.layers[layer];
    const maps::MapFeature& f = l.feature(feature);
    const LocalizedText what = f.describe(l.path());
    d.notes.push_back({"layer " + l.name() + " used a repaired feature (" + what.en + "): " + f.repairs.front().en,
                       "图层 " + l.name() + " 使用了经修复的要素（" + what.zh + "）：" + f.repairs.front().zh});
  }
}

Expected<Decision, EvalError> Evaluation::run() {
  using Result = Expected<Decision, EvalError>;
  Decision d;
  d.as_of = options_.as_of;
  d.ruleset_title = rs_.model.title;
  d.ruleset_version = rs_.model.version;
  d.ruleset_hash = rs_.hash;
  d.project_json = project_.metadata_json;
  d.project_id = project_.metadata_id;
  d.units.resize(project_.units.size());
  for (std::uint32_t u = 0; u < project_.units.size(); ++u) {
    if (auto problem = judge_unit(u, d.units[u])) return Result::failure(std::move(*problem));
    d.best = std::max(d.best, d.units[u].best);
    d.worst = std::max(d.worst, d.units[u].worst);
  }
  if (const auto& failed = oracle_.failure()) return Result::failure({"eval.spatial", *failed});
  d.verdict = settle(d.best, d.worst);
  d.notes = project_.notes;
  note_repaired_layers(d);
  collect_missing(d);
  collect_violated(d);
  d.score = score();
  if (options_.findings) {
    sort_for_findings();
    for (const Outcome& o : outcomes_) d.findings.push_back(finding(o));
  }
  return d;
}

}  // namespace

Expected<Decision, EvalError> evaluate(const Ruleset& ruleset, const Project& project,
                                           const EvaluateOptions& options) {
  using Result = Expected<Decision, EvalError>;
  const Ruleset::Data& rs = ruleset.data();
  const Project::Data& pd = project.data();
  if (pd.ruleset_hash != rs.hash) {
    return Result::failure({"eval.other-ruleset",
                            {"the project was built for another ruleset; load it again against this one",
                             "该项目是针对另一份清单构建的，请针对本清单重新载入"}});
  }
  if (pd.units.empty()) {
    return Result::failure({"eval.no-units",
                            {"the project names no unit: give its `site` (with a ruleset that has a unit map) or "
                             "`units` (unit codes such as ZH50010320001)",
                             "项目未给出所在单元：请提供 `site`（清单须有单元图）或 `units`（单元编码，如 ZH50010320001）"}});
  }
  if (auto problem = check_as_of(rs.model, options.as_of)) return Result::failure(*problem);
  if (auto problem = check_values_in_force(rs, pd, days_since_epoch(options.as_of))) {
    return Result::failure(*problem);
  }
  return Evaluation(rs, pd, options).run();
}

}  // namespace zhunru
