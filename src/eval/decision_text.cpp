// The decision for a person at a glance: the verdict first (in Chinese and
// English), then what must change, then rule by rule with citations.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "base/dates.hpp"
#include "eval/answer_words.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {
namespace {


std::string score_text(const std::optional<double>& s) { return s ? fmt::format("{:.0f}", *s) : "—"; }

std::string tier_text(const Finding& f, const Words& w) { return w.tier(f.tier, f.tier_code); }

/// One line saying what a violated or unknown rule asks of the project.
std::string demand(const Finding& f, const Words& w) {
  const std::string id = fmt::format("{} ({}, {})", f.rule, tier_text(f, w), w.name(f.dimension));
  if (f.form == RuleForm::ban) {
    std::string what;
    for (const TraceStep& s : f.trace) {
      if (s.part != "unless") what += (what.empty() ? "" : "; ") + s.text_in(w.lang);
    }
    return fmt::format("{} {}{}{}", id,
                       f.status == Status::violated ? w("bans this project", "禁止本项目")
                                                    : w("may ban this project", "可能禁止本项目"),
                       w(": ", "："), what);
  }
  return fmt::format("{} {}{}{}", id, w("requires", "要求"), w(": ", "："), f.requirement_in(w.lang));
}

void section_demands(std::string& out, const Decision& d, const Words& w) {
  // One clause, one demand: a rule that restates another violated rule is
  // named under it instead of as a second fault.
  std::set<std::string> violated;
  for (const Finding& f : d.findings) {
    if (f.status == Status::violated) violated.insert(f.rule);
  }
  std::map<std::string, std::set<std::string>> restated_by;
  for (const Finding& f : d.findings) {
    if (f.status == Status::violated && violated.count(f.restates) > 0) restated_by[f.restates].insert(f.rule);
  }
  std::vector<std::string> lines;
  for (const Finding& f : d.findings) {
    if (f.status != Status::violated || violated.count(f.restates) > 0) continue;
    std::string line = fmt::format("  ✗ {}\n", demand(f, w));
    if (!f.because.empty()) line += fmt::format("      {}{}\n", w("because ", "理由："), f.because);
    if (const auto it = restated_by.find(f.rule); it != restated_by.end()) {
      std::string ids;
      for (const std::string& id : it->second) ids += (ids.empty() ? "" : ", ") + id;
      line += fmt::format("      {}{}{}\n", w("restated by ", "下级重申："), ids, w(" (the same clause)", "（同一条款）"));
    }
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);  // once across units
  }
  if (lines.empty()) return;
  out += w("What must change\n", "需要整改\n");
  for (const auto& l : lines) out += l;
  out += '\n';
}

/// Facts as an applicant reads them: in Chinese, a fact's label with its
/// name (the key the project file takes); in English, the name.
std::string fact_list(const std::vector<std::string>& names, const Decision& d, const Words& w) {
  std::string list;
  for (const std::string& name : names) {
    std::string shown = name;
    if (w.lang == Lang::zh) {
      const auto at = std::find(d.missing.begin(), d.missing.end(), name);
      const std::size_t k = static_cast<std::size_t>(at - d.missing.begin());
      if (at != d.missing.end() && k < d.missing_labels.size() && !d.missing_labels[k].empty()) {
        shown = d.missing_labels[k] + "（" + name + "）";
      }
    }
    if (!list.empty()) list += w(", ", "、");
    list += shown;
  }
  return list;
}

void section_missing(std::string& out, const Decision& d, const Words& w) {
  if (d.missing.empty()) return;
  std::vector<std::string> others;  // missing, but unable to change the verdict
  std::set_difference(d.missing.begin(), d.missing.end(), d.needed.begin(), d.needed.end(), std::back_inserter(others));
  if (!d.needed.empty()) {
    out += fmt::format("{} {}\n", w("Facts needed to decide:", "尚需补充的事实："), fact_list(d.needed, d, w));
  }
  if (!others.empty()) {
    out += fmt::format("{} {}\n", w("Not given (they would not change the verdict):", "未提供（不影响结论）："),
                       fact_list(others, d, w));
  }
  if (d.best != d.worst) {
    out += fmt::format("{} {} … {}\n", w("Possible verdicts:", "可能的结论："), w.name(d.best),
                       w.name(d.worst));
  }
  out += '\n';
}

void section_rules(std::string& out, const Decision& d, const Words& w) {
  out += w("Rule by rule\n", "逐条结果\n");
  std::string unit;
  for (const Finding& f : d.findings) {
    if (f.unit != unit) {
      unit = f.unit;
      out += fmt::format("  {} {}\n", w("unit", "单元"), unit);
    }
    out += fmt::format("    {:<9} {}  {}  {}  {}\n", w.name(f.status), f.rule, tier_text(f, w),
                       w.name(f.dimension), f.source);
    if (!f.restates.empty()) out += fmt::format("              {} {}\n", w("restates:", "重申："), f.restates);
    for (const auto& c : f.cites) out += fmt::format("              {} {}\n", w("cite:", "依据："), c);
    for (const auto& q : f.quotes) out += fmt::format("              {} “{}”\n", w("quote:", "原文："), q);
    for (const TraceStep& s : f.trace) {
      out += fmt::format("              {} {} → {}\n", part_name(s.part, w.lang), s.text_in(w.lang),
                         truth_name(s.value, w.lang));
    }
    if (!f.missing.empty()) {
      std::string list;
      for (const auto& m : f.missing) list += (list.empty() ? "" : ", ") + m;
      out += fmt::format("              {} {}\n", w("missing:", "缺少："), list);
    }
  }
  if (d.findings.empty()) out += w("  (no rule applies)\n", "  （没有适用的规则）\n");
  out += '\n';
}

}  // namespace

std::string to_text(const Decision& d, Lang lang) {
  const Words w{lang};
  std::string out = fmt::format("{} · {}\n", name_zh(d.verdict), name_of(d.verdict));
  out += fmt::format("{} {} {} ({}), {} {}\n", d.ruleset_title, w("version", "版本"), d.ruleset_version,
                     d.ruleset_hash.substr(0, 19), w("as of", "判定日期"), iso_date(d.as_of));
  for (const UnitDecision& u : d.units) {
    const std::string share = u.share ? fmt::format(", {} {:.0f}%", w("share", "占比"), *u.share * 100.0) : "";
    const std::string name = u.name.empty() ? "" : " " + u.name;
    out += fmt::format("  {}{} {}, {}{}: {}\n", u.code, name,
                       w.name(u.unit_class) + w(" unit", ""), w("district ", "区县 ") + u.district, share,
                       w.name(u.verdict));
  }
  for (const LocalizedText& note : d.notes) out += fmt::format("  {} {}\n", w("note:", "注："), note.in(w.lang));
  out += '\n';
  section_demands(out, d, w);
  section_missing(out, d, w);
  section_rules(out, d, w);
  // The nation's and provinces' scores only where such rules applied: most lists have neither tier.
  out += fmt::format("{} {}", w("Score", "得分"), score_text(d.score.overall));
  for (std::size_t i = 0; i < d.score.tiers.size(); ++i) {
    const auto level = static_cast<TierLevel>(i);
    if (level >= TierLevel::city || d.score.tiers[i]) {
      out += fmt::format(" · {} {}", w(name_of(level), name_zh(level)), score_text(d.score.tiers[i]));
    }
  }
  out += '\n';
  return out;
}

}  // namespace zhunru
