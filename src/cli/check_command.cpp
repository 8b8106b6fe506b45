#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
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

/// When one file of a list is checked alone and names are undeclared, the
/// .rules files beside it (which may declare them), else none.
std::size_t siblings_declaring(const CheckOptions& options, const CompileResult& result) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(options.path, ec)) return 0;
  const bool undeclared = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.code == "check.unknown-name"; });
  if (!undeclared) return 0;
  std::size_t count = 0;
  const fs::path self = fs::absolute(options.path, ec);
  for (fs::directory_iterator it(self.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".rules" && it->path() != self) ++count;
  }
  return count;
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  if (const auto problem = unreadable_ruleset(options.path)) {
    err << "zhunru check: " << problem->in(options.lang) << '\n';
    return kBadInput;
  }
  CompileOptions compile;
  compile.strict = options.strict;
  compile.max_errors = options.max_errors;
  compile.repair_maps = options.repair_maps;
  compile.lint_maps = true;
  const CompileResult result = compile_directory(options.path, compile);
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
  if (const std::size_t others = siblings_declaring(options, result)) {
    // The names of a list are declared once for all its files (schema.rules):
    // a file checked alone finds none of them.
    const std::string dir = std::filesystem::path(options.path).parent_path().generic_string();
    err << (options.lang == Lang::zh
                ? fmt::format("提示：只检查了这一个文件；同目录还有 {} 个 .rules 文件，其中可能声明了这些名称——请检查整个清单：zhunru check {}\n",
                              others, dir.empty() ? "." : dir)
                : fmt::format("note: this file was checked alone; {} other .rules file{} beside it may declare these names — check "
                              "the whole list: zhunru check {}\n",
                              others, others == 1 ? "" : "s", dir.empty() ? "." : dir));
  }
  out << summary(result.file_count, result.rule_count, errors, warnings, options.lang);
  return errors == 0 ? kSuccess : kRuleErrors;
}

}  // namespace zhunru::cli
