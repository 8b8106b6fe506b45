// `restates ID` (`重申 ID`): a lower tier's rule that repeats a clause of an
// upper tier — a provincial list restating the national guide word for word.
// It stays a rule of its own tier (the province's document says it too), and
// answers and the auditor know the two are one clause: the restated rule must
// be of the same form, in a tier above.
#include <algorithm>
#include <unordered_map>

#include "base/edit_distance.hpp"
#include "check/passes.hpp"

namespace zhunru::check {
namespace {

bool same_form(RuleForm a, RuleForm b) {
  const auto requirement = [](RuleForm f) { return f == RuleForm::require || f == RuleForm::limit; };
  return a == b || (requirement(a) && requirement(b));
}

bool above(const model::Model& m, model::TierId upper, model::TierId tier) {
  for (std::optional<model::TierId> t = m.tiers[tier].parent; t; t = m.tiers[*t].parent) {
    if (*t == upper) return true;
  }
  return false;
}

std::string tier_words(const model::Tier& t, Lang lang) {
  const std::string level(lang == Lang::zh ? name_zh(t.level) : name_of(t.level));
  return t.code.empty() ? level : level + " " + t.code;
}

// The ids a misspelt `restates` may have meant: sorted once, for every
// suggestion (not once per unknown id — a file of 20,000 took minutes).
LocalizedText suggest_id(std::vector<std::string_view>& ids, const model::Model& m, const std::string& written) {
  if (ids.empty()) {
    for (const model::Rule& r : m.rules) {
      if (!r.generated_id) ids.push_back(r.id);
    }
    std::sort(ids.begin(), ids.end());
  }
  const auto best = closest_near_miss(written, ids);
  if (!best) return {};
  const std::string id(ids[*best]);
  return {"did you mean " + q(id) + "?", "是否应为" + qz(id) + "？"};
}

}  // namespace

void resolve_restatements(Context& ctx, const std::vector<Restatement>& restatements) {
  if (restatements.empty()) return;
  model::Model& m = ctx.model;
  std::unordered_map<std::string_view, std::uint32_t> by_id;
  by_id.reserve(m.rules.size());
  for (std::uint32_t i = 0; i < m.rules.size(); ++i) by_id.emplace(m.rules[i].id, i);
  std::vector<std::string_view> candidates;  // for suggestions, filled at the first unknown id
  for (const Restatement& r : restatements) {
    model::Rule& rule = m.rules[r.rule];
    const std::string& id = r.restated.text;
    const auto it = by_id.find(id);
    if (it == by_id.end()) {
      if (ctx.sink(r.restated.span.file).full()) continue;  // the file's errors are already at their limit
      ctx.error("check.unknown-rule", r.restated.span,
                {"no rule " + q(id) + " in this ruleset to restate", "本清单中没有可重申的规则" + qz(id)},
                suggest_id(candidates, m, id));
      continue;
    }
    const model::Rule& restated = m.rules[it->second];
    if (!above(m, restated.tier, rule.tier)) {
      const model::Tier& here = m.tiers[rule.tier];
      const model::Tier& there = m.tiers[restated.tier];
      ctx.error("check.restates-tier", r.restated.span,
                {q(id) + " is a rule of " + tier_words(there, Lang::en) + ", which is not above " +
                     tier_words(here, Lang::en) + ": a rule restates a clause of an upper tier",
                 qz(id) + " 属于" + tier_words(there, Lang::zh) + "，不在" + tier_words(here, Lang::zh) +
                     "之上：重申的应是上级层级的条款"});
      continue;
    }
    if (!same_form(restated.form, rule.form)) {
      ctx.error("check.restates-form", r.restated.span,
                {rule.id + " is a " + std::string(name_of(rule.form)) + " and " + q(id) + " a " +
                     std::string(name_of(restated.form)) + ": a restatement has the form of the clause it repeats",
                 rule.id + " 为“" + std::string(name_zh(rule.form)) + "”，而" + qz(id) + "为“" +
                     std::string(name_zh(restated.form)) + "”：重申的规则应与原条款形式相同"});
      continue;
    }
    rule.restates = it->second;
  }
}

}  // namespace zhunru::check
