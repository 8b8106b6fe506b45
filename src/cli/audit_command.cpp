// `zhunru audit RULESET [--format text|json] [--as-of D]`: exit 0 when clean,
// 3 with findings, 1 when the rules do not compile, 2 for bad arguments.
#include <ostream>

#include "base/dates.hpp"
#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/audit.hpp"

namespace zhunru::cli {

int run_audit(const AuditCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru audit: " << message.in(options.lang) << '\n'; };
  AuditOptions audit_options;
  if (options.as_of) {
    const auto date = parse_iso_date(*options.as_of);
    if (!date) {
      say({"--as-of must be a date such as 2025-01-01; found `" + *options.as_of + "`",
           "--as-of 应为日期，如 2025-01-01；此处为“" + *options.as_of + "”"});
      return kBadInput;
    }
    audit_options.as_of = *date;
  }
  if (const auto files = find_rule_files(options.ruleset); !files) {
    say(files.error());
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
