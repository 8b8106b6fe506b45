#include "audit/lints.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>


namespace zhunru::auditing {
namespace {

AuditRule ref(const model::Model& m, std::uint32_t i) { return {m.rules[i].id, m.file_line(m.rules[i])}; }

// What authors leave when they mean to come back: nothing, or a placeholder.
bool placeholder(std::string cite) {
  std::erase_if(cite, [](char c) { return c == ' ' || c == '\t'; });
  std::string lower = cite;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  static const char* const kPlaceholders[] = {"", "todo", "tbd", "xxx", "?", "??", "...", "…", "-", "待补充", "待定", "略", "无", "暂无", "同上"};
  return std::any_of(std::begin(kPlaceholders), std::end(kPlaceholders), [&](const char* p) { return lower == p; });
}

void citation_lints(const model::Model& m, const std::vector<std::uint32_t>& live, std::vector<AuditFinding>& out) {
  for (const std::uint32_t i : live) {
    for (const std::string& cite : m.rules[i].cites) {
      if (!placeholder(cite)) continue;
      const std::string shown = cite.empty() ? "an empty citation" : "the placeholder citation \"" + cite + "\"";
      const std::string shown_zh = cite.empty() ? "空的依据" : "占位依据“" + cite + "”";
      out.push_back({AuditKind::placeholder_citation, Severity::warning, {ref(m, i)},
                     {"rule " + m.rules[i].id + " gives " + shown + ": name the document and its article",
                      "规则 " + m.rules[i].id + " 的依据为" + shown_zh + "：请写明文件及条款"},
                     std::nullopt, {}, std::nullopt});
      break;
    }
  }
}

// A limit `F <= Q` / `F >= Q`: its fact, direction and bound (canonical units).
struct Bound {
  model::FactId fact;
  bool at_least;
  double value;
};

std::optional<Bound> bound_of(const model::Model& m, const model::Rule& r) {
  if (r.form != RuleForm::limit || !r.requirement) return std::nullopt;
  const auto* c = std::get_if<model::Compare>(&m.cond(*r.requirement));
  if (!c) return std::nullopt;
  const auto* fact = std::get_if<model::NumFact>(&m.num(c->lhs));
  const auto* value = std::get_if<model::NumConst>(&m.num(c->rhs));
  if (!fact || !value || !(value->value > 0)) return std::nullopt;
  return Bound{fact->fact, c->op == ast::CompareOp::ge, value->value};
}

void limit_lints(const model::Model& m, const std::vector<std::uint32_t>& live, std::vector<AuditFinding>& out) {
  // Siblings: limits of one fact, one direction, written by tiers of one level.
  std::map<std::tuple<model::FactId, bool, TierLevel>, std::vector<std::pair<std::uint32_t, double>>> groups;
  for (const std::uint32_t i : live) {
    if (const auto b = bound_of(m, m.rules[i])) {
      groups[{b->fact, b->at_least, m.tiers[m.rules[i].tier].level}].push_back({i, b->value});
    }
  }
  for (const auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    const bool at_least = std::get<1>(key);
    for (const auto& [i, value] : members) {
      std::vector<double> others;
      for (const auto& [j, v] : members) {
        if (j != i && m.rules[j].tier != m.rules[i].tier) others.push_back(v);
      }
      if (others.empty()) continue;
      std::nth_element(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(others.size() / 2), others.end());
      const double median = others[others.size() / 2];
      const double ratio = at_least ? median / value : value / median;
      if (ratio < kImplausibleRatio) continue;
      const std::string& fact = m.facts[std::get<0>(key)].name;
      out.push_back({AuditKind::implausible_limit, Severity::warning, {ref(m, i)},
                     {fmt::format("the limit of rule {} on {} is {:.0f}× {} than the median of the same limit in the other {} "
                                  "tiers: a unit typed wrong (万吨 for 吨)?",
                                  m.rules[i].id, fact, ratio, at_least ? "lower" : "higher", name_of(std::get<2>(key))),
                      fmt::format("规则 {} 对 {} 的限值是其他{}层级同一限值中位数的 {:.0f} 倍（{}）：单位是否写错（如把吨写成万吨）？",
                                  m.rules[i].id, fact, name_zh(std::get<2>(key)), ratio, at_least ? "更低" : "更高")},
                     std::nullopt, {}, std::nullopt});
    }
  }
}

}  // namespace

void plausibility_lints(const model::Model& m, const std::vector<std::uint32_t>& live, std::vector<AuditFinding>& out) {
  citation_lints(m, live, out);
  limit_lints(m, live, out);
}

}  // namespace zhunru::auditing
