// The audit as JSON (docs/language.md, "Command line and answers": kind, rules, severity, message, witness)
// and as text for a person.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/dates.hpp"
#include "base/enum_names.hpp"
#include "audit/witness_text.hpp"
#include "base/sha256.hpp"
#include "zhunru/audit.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;

constexpr EnumName kKinds[] = {  // by AuditKind
    {"dead-rule", "无效规则"},
    {"looser-than-upper", "宽于上级"},
    {"contradiction", "相互矛盾"},
    {"redundant", "冗余"},
    {"unsatisfiable-requirements", "要求无法同时满足"},
    {"unknown-unit", "单元不在单元图中"},
    {"unjudgeable-map-unit", "单元无适用层级"},
    {"map-overlap", "单元重叠"},
    {"repaired-feature", "要素经修复"},
    {"dead-exception", "除非条件无效"},
    {"restatement-looser", "重申宽于原条款"},
    {"restatement-stricter", "重申严于原条款"},
    {"implausible-limit", "限值异常"},
    {"placeholder-citation", "依据缺失"},
};

std::string_view severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

}  // namespace

std::string_view name_of(AuditKind kind) { return enum_name(kind, kKinds).en; }

std::string fingerprint(const AuditFinding& finding) {
  Sha256 sha;
  sha.add(name_of(finding.kind));
  for (const AuditRule& r : finding.rules) sha.add("\n" + r.id);
  // A finding about the maps names no rule: its message (file, units,
  // features, never a line of a rules file) tells one from another.
  if (finding.rules.empty()) sha.add("\n\n" + finding.message.en);
  return sha.hex().substr(0, 16);
}

std::string to_json(const AuditResult& r) {
  Json findings = Json::array();
  for (const AuditFinding& f : r.findings) {
    Json rules = Json::array();
    Json sources = Json::array();
    for (const AuditRule& rule : f.rules) {
      rules.push_back(rule.id);
      sources.push_back(rule.source);
    }
    Json witness = nullptr;
    if (f.witness) witness = Json::parse(*f.witness);
    findings.push_back({{"kind", name_of(f.kind)},
                        {"fingerprint", fingerprint(f)},
                        {"rules", rules},
                        {"sources", sources},
                        {"severity", severity_name(f.severity)},
                        {"message", f.message.en},
                        {"message_zh", f.message.zh},
                        {"witness", witness},
                        {"witness_note", f.witness_note.en.empty() ? Json(nullptr) : Json(f.witness_note.en)},
                        {"accepted", f.accepted ? Json(*f.accepted) : Json(nullptr)}});
  }
  Json j;
  j["ruleset"] = {{"title", r.ruleset_title},
                  {"version", r.ruleset_version},
                  {"hash", r.ruleset_hash},
                  {"as_of", iso_date(r.as_of)},
                  {"engine", std::string("zhunru ") + ZHUNRU_VERSION}};
  j["findings"] = std::move(findings);
  j["rules"] = r.rules;
  j["pairs"] = r.pairs;
  j["undecided"] = r.undecided;
  j["stale"] = r.stale;
  return j.dump(2) + "\n";
}

std::string to_text(const AuditResult& r, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const AuditFinding& f : r.findings) {
    // One label, in the reader's language: `warning looser-than-upper`, `警告 宽于上级`.
    out += fmt::format("{} {}", f.severity == Severity::error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning"),
                       zh ? enum_name(f.kind, kKinds).zh : name_of(f.kind));
    for (const AuditRule& rule : f.rules) out += fmt::format(" {} ({})", rule.id, rule.source);
    if (f.accepted) {  // reviewed: one line, with the reason
      out += fmt::format(" — {}{}\n\n", zh ? "基线已接受：" : "accepted in the baseline: ", *f.accepted);
      continue;
    }
    out += "\n  " + f.message.in(lang) + "\n";
    out += auditing::witness_text(f.witness, f.witness_note,
                                  {"witness (zhunru eval reproduces it):", "见证项目（zhunru eval 可复现）："}, lang);
    out += "\n";
  }
  out += fmt::format(fmt::runtime(zh ? "{} 条生效规则，比较 {} 对，发现 {} 个问题" : "{} rules in force, {} pairs compared: {} finding(s)"),
                     r.rules, r.pairs, r.findings.size());
  if (r.undecided > 0) out += fmt::format(fmt::runtime(zh ? "；{} 次求解超时" : "; {} solver queries timed out"), r.undecided);
  const auto accepted = std::count_if(r.findings.begin(), r.findings.end(), [](const AuditFinding& f) { return f.accepted.has_value(); });
  if (accepted > 0) out += fmt::format(fmt::runtime(zh ? "（其中 {} 个已被基线接受）" : " ({} accepted in the baseline)"), accepted);
  for (const std::string& print : r.stale) {
    out += fmt::format(fmt::runtime(zh ? "\n基线中的 {} 已无对应问题，可从基线中删除" : "\nthe baseline's {} matches no finding any more: remove it"), print);
  }
  return out + "\n";
}

}  // namespace zhunru
