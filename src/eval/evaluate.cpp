// evaluate(): every unit the project lies in, every rule that can apply
// there, then verdicts (per unit, overall: the strictest), best and worst
// cases, missing facts and scores (LANGUAGE.md §5).
#include <algorithm>
#include <map>
#include <set>

#include "api/ruleset_data.hpp"
#include "eval/conditions.hpp"
#include "eval/project_data.hpp"
#include "eval/rule_outcome.hpp"
#include "model/codes.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {
namespace {

std::string date_text(const std::chrono::year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::int32_t days_of(const std::chrono::year_month_day& d) {
  return static_cast<std::int32_t>(std::chrono::sys_days(d).time_since_epoch().count());
}

/// The verdict a set of findings implies if each unknown goes one way.
Verdict verdict_if(const std::vector<Finding>& findings, std::size_t begin, bool unknown_is_violated) {
  Verdict v = Verdict::admit;
  for (std::size_t i = begin; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const bool violated = f.status == Status::violated || (unknown_is_violated && f.status == Status::unknown);
    if (!violated || f.form == RuleForm::allow || f.form == RuleForm::encourage) continue;
    v = std::max(v, f.form == RuleForm::ban ? Verdict::reject : Verdict::conditional);
  }
  return v;
}

Verdict settle(Verdict best, Verdict worst) { return best == worst ? best : Verdict::incomplete; }

std::optional<LocalizedText> check_as_of(const model::Model& m, const std::chrono::year_month_day& as_of) {
  if (m.effective_from && as_of < *m.effective_from) {
    return LocalizedText{"the ruleset takes effect on " + date_text(*m.effective_from) + "; it does not judge projects as of " +
                             date_text(as_of),
                         "本清单自 " + date_text(*m.effective_from) + " 起施行，不适用于 " + date_text(as_of) + " 的判定"};
  }
  if (m.effective_until && *m.effective_until < as_of) {
    return LocalizedText{"the ruleset ceased to apply after " + date_text(*m.effective_until) +
                             "; it does not judge projects as of " + date_text(as_of),
                         "本清单已于 " + date_text(*m.effective_until) + " 后失效，不适用于 " + date_text(as_of) + " 的判定"};
  }
  return std::nullopt;
}

/// Scores: per rule, its strictest status over the units (a rule that applies
/// in three units counts once); applicable rules of known status only.
Scores score(const std::vector<Finding>& findings) {
  struct Tally {
    double satisfied = 0.0;
    double total = 0.0;
  };
  std::map<std::string, const Finding*> decisive;  // rule id → its strictest finding
  auto rank = [](const Finding& f) {
    if (f.status == Status::violated) return 3;
    if (f.status == Status::unknown) return 2;
    return f.applies == true ? 1 : 0;
  };
  for (const Finding& f : findings) {
    if (f.form == RuleForm::allow || f.form == RuleForm::encourage) continue;
    auto [it, inserted] = decisive.emplace(f.rule, &f);
    if (!inserted && rank(f) > rank(*it->second)) it->second = &f;
  }
  Tally overall;
  std::array<Tally, 3> tiers{};
  std::array<Tally, 4> dims{};
  for (const auto& [id, f] : decisive) {
    const int r = rank(*f);
    if (r != 3 && r != 1) continue;  // unknown, or not known to apply
    const double ok = r == 1 ? f->weight : 0.0;
    for (Tally* t : {&overall, &tiers[static_cast<std::size_t>(f->tier)], &dims[static_cast<std::size_t>(f->dimension)]}) {
      t->satisfied += ok;
      t->total += f->weight;
    }
  }
  auto pct = [](const Tally& t) -> std::optional<double> {
    if (t.total <= 0.0) return std::nullopt;
    return 100.0 * t.satisfied / t.total;
  };
  Scores s;
  s.overall = pct(overall);
  for (std::size_t i = 0; i < 3; ++i) s.tiers[i] = pct(tiers[i]);
  for (std::size_t i = 0; i < 4; ++i) s.dimensions[i] = pct(dims[i]);
  return s;
}

}  // namespace

Expected<Decision, LocalizedText> evaluate(const Ruleset& ruleset, const Project& project,
                                           const EvaluateOptions& options) {
  using Result = Expected<Decision, LocalizedText>;
  const Ruleset::Data& rs = ruleset.data();
  const Project::Data& pd = project.data();
  if (pd.ruleset_hash != rs.hash) {
    return Result::failure({"the project was built for another ruleset; load it again against this one",
                            "该项目是针对另一份清单构建的，请针对本清单重新载入"});
  }
  if (pd.units.empty()) {
    return Result::failure({"the project names no unit: give `units` (unit codes such as ZH50010320001)",
                            "项目未给出所在单元：请提供 `units`（单元编码，如 ZH50010320001）"});
  }
  if (auto problem = check_as_of(rs.model, options.as_of)) return Result::failure(*problem);

  Decision d;
  d.as_of = options.as_of;
  d.ruleset_title = rs.model.title;
  d.ruleset_version = rs.model.version;
  d.ruleset_hash = rs.hash;
  d.project_json = pd.metadata_json;
  const std::int32_t today = days_of(options.as_of);
  const std::string* industry = nullptr;
  if (const auto f = rs.index.industry_fact(); f && pd.values[*f].known) industry = &pd.values[*f].text;

  eval::ConditionEvaluator conditions(rs.program, pd);
  std::vector<std::uint32_t> candidates;
  for (const ProjectUnit& unit : pd.units) {
    const auto code = model::parse_unit_code(unit.code);
    const auto tiers = rs.index.tiers_for(*code);
    if (tiers.empty()) {
      return Result::failure({"unit " + unit.code + " (district " + unit.district +
                                  ") lies outside the territory this ruleset covers",
                              "单元 " + unit.code + "（区县 " + unit.district + "）不在本清单管辖范围内"});
    }
    const std::size_t first = d.findings.size();
    for (model::TierId tier : tiers) {
      candidates.clear();
      rs.index.candidates(tier, unit.unit_class, industry, candidates);
      for (std::uint32_t i : candidates) {
        const ir::Rule& rule = rs.rules[i];
        if (today < rule.from_day || today > rule.until_day) continue;  // not in effect
        Finding f = eval::judge_rule(rs.model, rule, unit, conditions);
        if (f.status != Status::not_applicable) d.findings.push_back(std::move(f));
      }
    }
    // Order within a unit: tier (city first), then rule id — never file order.
    std::sort(d.findings.begin() + static_cast<std::ptrdiff_t>(first), d.findings.end(),
              [](const Finding& a, const Finding& b) { return std::tie(a.tier, a.rule) < std::tie(b.tier, b.rule); });
    UnitDecision u{unit.code, unit.unit_class, unit.district, unit.share, Verdict::admit, Verdict::admit, Verdict::admit};
    u.best = verdict_if(d.findings, first, false);
    u.worst = verdict_if(d.findings, first, true);
    u.verdict = settle(u.best, u.worst);
    d.best = std::max(d.best, u.best);
    d.worst = std::max(d.worst, u.worst);
    d.units.push_back(std::move(u));
  }
  d.verdict = settle(d.best, d.worst);
  std::set<std::string> missing;
  for (const Finding& f : d.findings) {
    if (f.status != Status::unknown || f.form == RuleForm::allow || f.form == RuleForm::encourage) continue;
    missing.insert(f.missing.begin(), f.missing.end());
  }
  d.missing.assign(missing.begin(), missing.end());
  d.score = score(d.findings);
  return d;
}

}  // namespace zhunru
