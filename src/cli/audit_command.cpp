// `zhunru audit RULESET [--format text|json] [--as-of D] [--baseline F]
// [--write-baseline F] [--fail-on warning|error]`: exit 0 when no new finding
// fails, 3 when one does, 1 when the rules do not compile, 2 for bad arguments.
#include <algorithm>
#include <ostream>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/write_atomically.hpp"
#include "base/file_io.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/snapshot.hpp"

namespace zhunru::cli {

int run_audit(const AuditCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru audit: " << message.in(options.lang) << '\n'; };
  AuditOptions audit_options;
  audit_options.timeout_ms = options.timeout_ms;
  audit_options.threads = options.threads;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) audit_options.as_of = **as_of;
  const LoadedRuleset loaded = load_for_analysis(options.ruleset, "audit", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  const std::shared_ptr<const Ruleset> ruleset = loaded.ruleset;
  AuditResult result = audit(*ruleset, audit_options);
  if (options.baseline) {
    const auto bytes = read_file(*options.baseline, std::size_t{16} << 20);
    if (!bytes) {
      say(bytes.error());
      return kBadInput;
    }
    const auto baseline = parse_audit_baseline(*bytes);
    if (!baseline) {
      say({*options.baseline + ": " + baseline.error().en, *options.baseline + "：" + baseline.error().zh});
      return kBadInput;
    }
    apply_baseline(result, *baseline);
  }
  out << (options.json ? to_json(result) : to_text(result, options.lang));
  if (options.write_baseline &&
      !write_atomically(*options.write_baseline, baseline_json(result))) {
    say({"could not write " + *options.write_baseline, "无法写入 " + *options.write_baseline});
    return kBadInput;
  }
  const bool failed = std::any_of(result.findings.begin(), result.findings.end(),
                                  [&](const AuditFinding& f) { return fails(f, options.warnings_fail); });
  return failed ? kFindings : kSuccess;
}

}  // namespace zhunru::cli
