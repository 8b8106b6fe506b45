// diff(): rule by rule (added, removed, changed — or only reworded, when Z3
// finds the two texts mean the same), then what each version stops that the
// other admits, rule by rule of the stopping version, each with a witness
// judged on both; then the unit map.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "zhunru/vocabulary.hpp"

#include "api/ruleset_data.hpp"
#include "diff/unit_map_changes.hpp"
#include "diff/versions.hpp"
#include "zhunru/diff.hpp"

namespace zhunru {
namespace {

using diffing::Side;
using diffing::Versions;

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The rule as one line: tier, form and parts, in `lang`'s keywords.
std::string rule_text(const model::Model& m, const model::Rule& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  const model::Tier& tier = m.tiers[r.tier];
  const model::RuleTexts& t = r.texts_in(lang);
  std::string out = fmt::format("{}{} {}: {}", zh ? name_zh(tier.level) : name_of(tier.level),
                                tier.code.empty() ? "" : " " + tier.code, r.id, zh ? name_zh(r.form) : name_of(r.form));
  const auto part = [&](model::RuleTexts::Part p, std::string_view en, std::string_view zh_word) {
    const std::string text = collapse(t[p]);
    if (!text.empty()) out += std::string(" ") + (en.empty() ? "" : std::string(zh ? zh_word : en) + " ") + text;
  };
  part(model::RuleTexts::subject, "", "");
  part(model::RuleTexts::scope, "", "");
  part(model::RuleTexts::where, "where", "当");
  part(model::RuleTexts::unless, "unless", "除非");
  part(model::RuleTexts::requirement, "to have", "满足");
  return out;
}

LocalizedText rule_text(const model::Model& m, const model::Rule& r) {
  return {rule_text(m, r, Lang::en), rule_text(m, r, Lang::zh)};
}

LocalizedText form_word(RuleForm f) {
  if (f == RuleForm::ban) return {"ban", "禁止性规则"};
  if (f == RuleForm::require || f == RuleForm::limit) return {"requirement", "要求"};
  return {"entry", "条目"};
}

class Differ {
 public:
  Differ(const Ruleset& older, const Ruleset& newer, const DiffOptions& options)
      : older_(older), newer_(newer), v_(older, newer, options) {}

  DiffResult run();

 private:
  void rule_changes();
  [[nodiscard]] bool same_meaning(std::uint32_t old_rule, std::uint32_t new_rule);
  void stopped_by_one(bool old_stops);
  [[nodiscard]] static LocalizedText place_note(const std::string& old_unit, const std::string& new_unit);

  const Ruleset& older_;
  const Ruleset& newer_;
  Versions v_;
  DiffResult result_;
};

bool Differ::same_meaning(std::uint32_t oi, std::uint32_t ni) {
  Side& o = v_.older();
  Side& n = v_.newer();
  if (o.m.rules[oi].form != n.m.rules[ni].form) return false;
  if (!o.formulas[oi] || !n.formulas[ni]) return !o.formulas[oi] && !n.formulas[ni];  // neither in force
  const auto& a = *o.formulas[oi];
  const auto& b = *n.formulas[ni];
  const z3::expr engaged_a = a.applies && !a.exempt;
  const z3::expr engaged_b = b.applies && !b.exempt;
  // Compared in one unit under both versions: a unit the map moved to
  // another class changes where a rule applies, not the rule (that is a
  // unit-map change, and what it loosens is found on its own).
  // Unknown (a timeout) is not "the same": the change is shown.
  return v_.check({v_.same_unit(), engaged_a != engaged_b || (engaged_a && a.complies != b.complies)}) == z3::unsat;
}

void Differ::rule_changes() {
  Side& o = v_.older();
  Side& n = v_.newer();
  for (const auto& [id_view, oi] : older_.data().rules_by_id) {
    const std::string id(id_view);
    const model::Rule& r = o.m.rules[oi];
    const auto ni = n.find(id);
    Change c;
    c.rules = {id};
    c.old_text = rule_text(o.m, r);
    if (!ni) {
      c.kind = ChangeKind::removed;
      c.message = {"rule " + id + " is removed", "删除规则 " + id};
      result_.changes.push_back(std::move(c));
      continue;
    }
    const model::Rule& now = n.m.rules[*ni];
    c.new_text = rule_text(n.m, now);
    const bool text_same = c.old_text->en == c.new_text->en;
    if (same_meaning(oi, *ni)) {
      if (!text_same || r.because != now.because || r.cites != now.cites) result_.reworded.push_back(id);
      continue;
    }
    c.kind = ChangeKind::changed;
    c.message = text_same ? LocalizedText{"rule " + id + " reads the same but means something else: a kind, fact, layer or "
                                          "date it depends on changed",
                                          "规则 " + id + " 文字未变，但含义改变：其所依据的类别、事实、图层或日期发生了变化"}
                          : LocalizedText{"rule " + id + " is changed", "修改规则 " + id};
    result_.changes.push_back(std::move(c));
  }
  for (const auto& [id_view, ni] : newer_.data().rules_by_id) {
    const std::string id(id_view);
    if (o.find(id)) continue;
    Change c;
    c.kind = ChangeKind::added;
    c.rules = {id};
    c.new_text = rule_text(n.m, n.m.rules[ni]);
    c.message = {"rule " + id + " is added", "新增规则 " + id};
    result_.changes.push_back(std::move(c));
  }
}

LocalizedText Differ::place_note(const std::string& a, const std::string& b) {
  if (a == b) return {" (in unit " + a + ")", "（单元 " + a + "）"};
  return {" (where unit " + a + " of the old version became " + b + ")", "（旧版单元 " + a + " 在新版中为 " + b + "）"};
}

// Each rule of the stopping version (`old_stops`: OLD) that stops some
// project the other version admits: one change, with the witness.
void Differ::stopped_by_one(bool old_stops) {
  Side& stopping = old_stops ? v_.older() : v_.newer();
  Side& other = old_stops ? v_.newer() : v_.older();
  for (std::uint32_t i : stopping.live) {
    if (!stopping.stops_anything(i)) continue;
    const model::Rule& r = stopping.m.rules[i];
    std::optional<z3::model> model;
    const std::vector<z3::expr> query{stopping.formulas[i]->stops(r.form), !other.stops_any};
    if (v_.check(query, &model) != z3::sat) continue;
    Change c;
    c.kind = old_stops ? ChangeKind::loosened : ChangeKind::tightened;
    c.rules = {r.id};
    const LocalizedText word = form_word(r.form);
    auto witness = v_.witness(query, *model, {old_stops, r.id});
    // Where the witness lies, or else where the solver first placed it.
    const LocalizedText at = witness ? place_note(witness->old_unit, witness->new_unit)
                                     : place_note(v_.older().place.code_in(*model), v_.newer().place.code_in(*model));
    const bool kept = other.find(r.id).has_value();
    if (old_stops) {
      c.message = kept ? LocalizedText{"a project that " + word.en + " " + r.id + " stops in the old version is admitted by "
                                           "the new" + at.en + " (严禁降低要求、弱化管控)",
                                       "旧版" + word.zh + " " + r.id + " 所限制的项目在新版中判定通过" + at.zh +
                                           "（严禁降低要求、弱化管控）"}
                       : LocalizedText{word.en + " " + r.id + " is gone, and nothing in the new version stops a project "
                                           "it stopped" + at.en + " (严禁降低要求、弱化管控)",
                                       word.zh + " " + r.id + " 被删除，新版中没有规则限制其原先限制的项目" + at.zh +
                                           "（严禁降低要求、弱化管控）"};
    } else {
      c.message = kept ? LocalizedText{word.en + " " + r.id + " now stops a project the old version admitted" + at.en,
                                       word.zh + " " + r.id + " 现在限制旧版判定通过的项目" + at.zh}
                       : LocalizedText{"new " + word.en + " " + r.id + " stops a project the old version admitted" + at.en,
                                       "新增" + word.zh + " " + r.id + " 限制旧版判定通过的项目" + at.zh};
    }
    if (witness) {
      c.witness = std::move(witness->json);
    } else {
      c.witness_note = witness.error();
    }
    result_.changes.push_back(std::move(c));
  }
}

DiffResult Differ::run() {
  result_.old_version = {older_.title(), older_.version(), older_.hash()};
  result_.new_version = {newer_.title(), newer_.version(), newer_.hash()};
  rule_changes();
  stopped_by_one(true);
  stopped_by_one(false);
  const maps::UnitMap* a = older_.data().maps.units.get();
  const maps::UnitMap* b = newer_.data().maps.units.get();
  if (a && b) diffing::unit_map_changes(*a, *b, v_.pairs(), result_.changes);
  std::stable_sort(result_.changes.begin(), result_.changes.end(), [](const Change& x, const Change& y) {
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.rules != y.rules ? x.rules < y.rules : x.units < y.units;
  });
  std::sort(result_.reworded.begin(), result_.reworded.end());
  result_.undecided = v_.undecided();
  return std::move(result_);
}

}  // namespace

std::string_view name_of(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
    case ChangeKind::changed: return "changed";
    case ChangeKind::loosened: return "loosened";
    case ChangeKind::tightened: return "tightened";
    case ChangeKind::unit_map: return "unit-map";
  }
  return "changed";
}

bool DiffResult::loosens() const {
  return std::any_of(changes.begin(), changes.end(), [](const Change& c) { return c.kind == ChangeKind::loosened; });
}

DiffResult diff(const Ruleset& older, const Ruleset& newer, const DiffOptions& options) {
  DiffResult r = Differ(older, newer, options).run();
  r.as_of = options.as_of;
  return r;
}

}  // namespace zhunru
