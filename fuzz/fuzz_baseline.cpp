// An audit baseline file (docs/audit.md) → parse_audit_baseline → applied to
// the findings of tests/fixtures/audit/planted.rules (audited once). A
// baseline is a file a team edits by hand and CI reads: whatever it holds,
// reading it gives a baseline or an error in both languages, and applying it
// accepts exactly the findings it names, with their reasons.
#include <set>

#include "common.hpp"

namespace {

using namespace zhunru;

const AuditResult& planted() {
  static const AuditResult result = [] {
    const CompileResult r = compile_sources({{"planted.rules", fuzz::repo_file("tests/fixtures/audit/planted.rules")}});
    if (!r.ok()) fuzz::fail("tests/fixtures/audit/planted.rules does not compile:\n" + r.render(Lang::en));
    AuditOptions options;
    options.as_of = fuzz::as_of();
    return audit(*r.ruleset, options);
  }();
  return result;
}

void check_applied(const AuditBaseline& baseline) {
  AuditResult result = planted();
  apply_baseline(result, baseline);
  std::set<std::string> matched;
  for (const AuditFinding& f : result.findings) {
    const std::string fp = fingerprint(f);
    const auto entry = baseline.accepted.find(fp);
    if (entry == baseline.accepted.end()) {
      if (f.accepted) fuzz::fail("a finding the baseline does not name is accepted: " + fp);
      continue;
    }
    if (!f.accepted || *f.accepted != entry->second) fuzz::fail("a finding the baseline names is not accepted with its reason: " + fp);
    matched.insert(fp);
  }
  if (matched.size() + result.stale.size() != baseline.accepted.size()) {
    fuzz::fail("stale fingerprints do not account for the baseline's unmatched entries");
  }
  for (const std::string& fp : result.stale) {
    if (matched.count(fp) || !baseline.accepted.count(fp)) fuzz::fail("a stale fingerprint is wrong: " + fp);
  }
  // What --write-baseline writes back reads again when every finding is
  // accepted (the reasons kept), and is refused while one still needs a reason.
  const bool all_accepted = std::all_of(result.findings.begin(), result.findings.end(),
                                        [](const AuditFinding& f) { return f.accepted.has_value(); });
  const auto again = parse_audit_baseline(baseline_json(result));
  if (all_accepted != again.has_value()) fuzz::fail("a written baseline does not read back as it should");
  if (again) {
    for (const AuditFinding& f : result.findings) {
      const auto entry = again->accepted.find(fingerprint(f));
      if (entry == again->accepted.end() || entry->second != *f.accepted) fuzz::fail("a written baseline lost a reason");
    }
  }
  (void)to_json(result);
  (void)to_text(result, Lang::zh);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto baseline = parse_audit_baseline(fuzz::text_of(data, size));
  if (!baseline) {
    if (baseline.error().en.empty() || baseline.error().zh.empty()) fuzz::fail("a baseline error without both languages");
    fuzz::say(baseline.error().en);
    return 0;
  }
  for (const auto& [fp, reason] : baseline->accepted) {
    if (fp.size() != 16 || reason.empty() || reason == kReasonToGive) fuzz::fail("a baseline entry read that should be refused: " + fp);
  }
  fuzz::say("read " + std::to_string(baseline->accepted.size()) + " entries");
  check_applied(*baseline);
  return 0;
}
