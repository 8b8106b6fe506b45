// Audit baselines: findings a team reviewed and accepts, by fingerprint, so a
// CI run fails on new findings only (issue #16). The file is the user's: it
// is read with the bounds every user JSON gets, and every entry must say why.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "base/json_input.hpp"
#include "zhunru/audit.hpp"

namespace zhunru {
namespace {

bool is_fingerprint(const std::string& s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

LocalizedText entry_problem(std::size_t i, const std::string& en, const std::string& zh) {
  return {"audit baseline, entry " + std::to_string(i + 1) + ": " + en, "审计基线第 " + std::to_string(i + 1) + " 项：" + zh};
}

}  // namespace

Expected<AuditBaseline, LocalizedText> parse_audit_baseline(std::string_view json) {
  using Result = Expected<AuditBaseline, LocalizedText>;
  const auto doc = json_input::parse<nlohmann::json>(json, {std::size_t{16} << 20, 8}, {"the audit baseline", "审计基线"});
  if (!doc) return Result::failure(doc.error().message);
  if (!doc->is_object() || !doc->contains("accepted") || !(*doc)["accepted"].is_array()) {
    return Result::failure({R"(the audit baseline is an object with an "accepted" array: {"accepted": [{"fingerprint": "…", "reason": "…"}]})",
                            R"(审计基线应为含 "accepted" 数组的对象：{"accepted": [{"fingerprint": "…", "reason": "…"}]})"});
  }
  AuditBaseline out;
  const nlohmann::json& entries = (*doc)["accepted"];
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const nlohmann::json& e = entries[i];
    const auto text = [&](const char* key) {
      return e.is_object() && e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : std::string();
    };
    const std::string print = text("fingerprint");
    const std::string reason = text("reason");
    if (!is_fingerprint(print)) {
      return Result::failure(entry_problem(i, "\"fingerprint\" must be the 16 hex digits audit --format json gives",
                                           "\"fingerprint\" 应为 audit --format json 给出的 16 位十六进制数"));
    }
    if (reason.empty() || reason == kReasonToGive) {
      return Result::failure(entry_problem(i, "\"reason\" must say why the finding is accepted",
                                           "\"reason\" 应说明接受该问题的理由"));
    }
    if (!out.accepted.emplace(print, reason).second) {
      return Result::failure(entry_problem(i, "fingerprint " + print + " is listed twice", "指纹 " + print + " 重复"));
    }
  }
  return out;
}

void apply_baseline(AuditResult& result, const AuditBaseline& baseline) {
  std::set<std::string> seen;
  for (AuditFinding& f : result.findings) {
    const std::string print = fingerprint(f);
    seen.insert(print);
    if (const auto it = baseline.accepted.find(print); it != baseline.accepted.end()) f.accepted = it->second;
  }
  result.stale.clear();
  for (const auto& [print, reason] : baseline.accepted) {
    if (seen.count(print) == 0) result.stale.push_back(print);
  }
}

std::string baseline_json(const AuditResult& result) {
  nlohmann::ordered_json accepted = nlohmann::ordered_json::array();
  std::set<std::string> written;  // two findings of one kind on the same rules share a fingerprint: one entry
  for (const AuditFinding& f : result.findings) {
    if (!written.insert(fingerprint(f)).second) continue;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const AuditRule& r : f.rules) rules.push_back(r.id);
    accepted.push_back({{"fingerprint", fingerprint(f)},
                        {"kind", name_of(f.kind)},
                        {"rules", rules},
                        {"reason", f.accepted.value_or(std::string(kReasonToGive))}});
  }
  return nlohmann::ordered_json{{"accepted", accepted}}.dump(2) + "\n";
}

bool fails(const AuditFinding& finding, bool warnings_fail) {
  return !finding.accepted && (warnings_fail || finding.severity == Severity::error);
}

}  // namespace zhunru
