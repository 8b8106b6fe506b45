// An enumeration declared anew for periods: catalogues and lists are revised
// (the 2019 and 2024 产业结构调整指导目录), and a value of one version may be
// gone from, or new in, the next. Each version is checked as an enumeration
// of its own; their values are merged by name, each keeping the periods of
// the versions that have it. A value keeps its label and its place under its
// parent in every version that has it: rules that test it then mean one thing
// whatever the date, and a value the project gives is refused on a date none
// of its versions is in force (eval.value-not-in-force).
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>

#include "base/dates.hpp"
#include "check/passes.hpp"

namespace zhunru::check {
namespace {

model::AsOfIn period_of(const ast::Effectivity& e) {
  return {days_since_epoch(e.from.date),
          e.until ? days_since_epoch(e.until->date) : std::numeric_limits<std::int32_t>::max()};
}

// False after reporting when two versions are in force on one day.
bool periods_apart(Context& ctx, const std::vector<const ast::EnumDecl*>& by_start) {
  bool apart = true;
  for (std::size_t i = 0; i + 1 < by_start.size(); ++i) {
    const ast::Effectivity& e = *by_start[i]->effective;
    const ast::Effectivity& next = *by_start[i + 1]->effective;
    if (days_since_epoch(next.from.date) > period_of(e).until_day) continue;
    const std::string& name = by_start[i]->name.text;
    Diagnostic& d = ctx.error("check.enum-periods", next.span,
                              {"enumeration " + q(name) + " has two versions in force on " + iso_date(next.from.date) +
                                   ": give each its own period",
                               "枚举" + qz(name) + "在 " + iso_date(next.from.date) + " 有两个生效的版本：请为每个版本给出各自的时段"});
    ctx.note(d, e.span, {"the other version's period", "另一个版本的时段"});
    apart = false;
  }
  return apart;
}

// Two values in one version: their clash was reported with that version.
bool share_a_version(const model::EnumValue& a, const model::EnumValue& b) {
  return std::any_of(a.in_force.begin(), a.in_force.end(), [&](const model::AsOfIn& p) {
    return std::find(b.in_force.begin(), b.in_force.end(), p) != b.in_force.end();
  });
}

std::string parent_name(const std::vector<model::EnumValue>& values, const model::EnumValue& v) {
  return v.parent ? values[*v.parent].name : std::string();
}

}  // namespace

std::optional<std::vector<model::EnumValue>> merge_enumeration_versions(Context& ctx,
                                                                        const std::vector<const ast::EnumDecl*>& versions) {
  std::vector<const ast::EnumDecl*> by_start = versions;
  std::stable_sort(by_start.begin(), by_start.end(),
                   [](const auto* a, const auto* b) { return a->effective->from.date < b->effective->from.date; });
  bool ok = periods_apart(ctx, by_start);
  std::vector<model::EnumValue> merged;
  std::unordered_map<std::string, std::uint32_t> at;  // merged, by name
  for (const ast::EnumDecl* decl : by_start) {
    model::Fact version;  // only its name (for messages) and values are used
    version.name = decl->name.text;
    add_values(ctx, version, decl->values, decl->span);
    const model::AsOfIn period = period_of(*decl->effective);
    for (const model::EnumValue& v : version.values) {
      const std::string parent = parent_name(version.values, v);
      if (const auto it = at.find(v.name); it != at.end()) {
        model::EnumValue& known = merged[it->second];
        if (known.label != v.label || parent_name(merged, known) != parent) {
          ctx.error("check.enum-versions", decl->effective->span,
                    {"value " + q(v.name) + " of enumeration " + q(decl->name.text) +
                         " has another label or parent in the version from " + iso_date(decl->effective->from.date) +
                         ": a value keeps its label and place in every version; give a changed value a new name",
                     "枚举" + qz(decl->name.text) + "的取值" + qz(v.name) + "在自 " + iso_date(decl->effective->from.date) +
                         " 起的版本中标签或上级不同：取值在各版本中须保持标签与位置不变；含义改变的取值请另取名称"});
          ok = false;
          continue;
        }
        known.in_force.push_back(period);
        continue;
      }
      std::optional<std::uint32_t> parent_at;
      if (v.parent) parent_at = at.at(parent);  // parents come first in a version
      at.emplace(v.name, static_cast<std::uint32_t>(merged.size()));
      merged.push_back({v.name, v.label, parent_at, {period}});
    }
  }
  std::unordered_map<std::string, std::uint32_t> words;  // a name or label names one value in all versions
  for (std::uint32_t i = 0; i < merged.size(); ++i) {
    for (const std::string& word : {merged[i].name, merged[i].label}) {
      if (word.empty()) continue;
      const auto [it, fresh] = words.emplace(word, i);
      if (fresh || it->second == i || share_a_version(merged[it->second], merged[i])) continue;  // add_values said so
      ctx.error("check.duplicate-value", versions.front()->name.span,
                {"enumeration " + q(versions.front()->name.text) + " has two values named or labelled " + q(word) +
                     " in its versions",
                 "枚举" + qz(versions.front()->name.text) + "的各版本中有两个取值的名称或标签都是" + qz(word)});
      ok = false;
    }
  }
  if (merged.size() > model::kMaxEnumValues) {
    ctx.error("check.too-many-values", versions.front()->span,
              {"an enumeration may have at most " + std::to_string(model::kMaxEnumValues) + " values in all its versions",
               "枚举的各版本合计最多 " + std::to_string(model::kMaxEnumValues) + " 个取值"});
    ok = false;
  }
  if (!ok) return std::nullopt;
  return merged;
}

}  // namespace zhunru::check
