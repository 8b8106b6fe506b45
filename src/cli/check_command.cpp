#include <fmt/format.h>

#include <ostream>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::cli {
namespace {

std::string summary(std::size_t files, std::size_t rules, std::size_t errors, std::size_t warnings, Lang lang) {
  if (lang == Lang::zh) {
    if (errors == 0 && warnings == 0) return fmt::format("{} 个文件，{} 条规则：没有错误\n", files, rules);
    return fmt::format("{} 个文件，{} 条规则：{} 个错误，{} 个警告\n", files, rules, errors, warnings);
  }
  if (errors == 0 && warnings == 0) {
    return fmt::format("{} file{}, {} rule{}: no errors\n", files, files == 1 ? "" : "s", rules, rules == 1 ? "" : "s");
  }
  return fmt::format("{} file{}, {} rule{}: {} error{}, {} warning{}\n", files, files == 1 ? "" : "s", rules,
                     rules == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  if (const auto problem = unreadable_ruleset(options.path)) {
    err << "zhunru check: " << problem->in(options.lang) << '\n';
    return kBadInput;
  }
  const CompileResult result = compile_directory(options.path, {options.strict, options.max_errors, options.repair_maps, true});
  if (options.json) {
    out << result.to_json();
    return has_errors(result.diagnostics) ? kRuleErrors : kSuccess;
  }
  err << result.render(options.lang);
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : result.diagnostics) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
  }
  out << summary(result.file_count, result.rule_count, errors, warnings, options.lang);
  return errors == 0 ? kSuccess : kRuleErrors;
}

}  // namespace zhunru::cli
