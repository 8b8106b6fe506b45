// `zhunru audit RULESET [--format text|json] [--as-of D]`: exit 0 when clean,
// 3 with findings, 1 when the rules do not compile, 2 for bad arguments.
#include <ostream>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/audit.hpp"

namespace zhunru::cli {

int run_audit(const AuditCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru audit: " << message.in(options.lang) << '\n'; };
  AuditOptions audit_options;
  audit_options.timeout_ms = options.timeout_ms;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) audit_options.as_of = **as_of;
  if (const auto problem = unreadable_ruleset(options.ruleset)) {
    say(*problem);
    return kBadInput;
  }
  const CompileResult compiled = compile_directory(options.ruleset);  // map problems come as findings
  err << compiled.render(options.lang);
  if (!compiled.ok()) {
    say({"the ruleset has errors; nothing was audited", "清单有错误，未进行审计"});
    return kRuleErrors;
  }
  const AuditResult result = audit(*compiled.ruleset, audit_options);
  out << (options.json ? to_json(result) : to_text(result, options.lang));
  return result.findings.empty() ? kSuccess : kFindings;
}

}  // namespace zhunru::cli
