#include <fmt/format.h>

#include <ostream>

#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "diagnostics/render.hpp"
#include "syntax/parse.hpp"

namespace zhunru::cli {
namespace {

std::size_t count_rules(const ast::File& file) {
  std::size_t n = 0;
  for (const ast::Item& item : file.items) {
    if (const auto* tier = std::get_if<ast::TierBlock>(&item)) {
      for (const ast::Section& s : tier->sections) n += s.rules.size();
    }
  }
  return n;
}

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
  const auto files = find_rule_files(options.path);
  if (!files) {
    err << "zhunru check: " << files.error().in(options.lang) << '\n';
    return kBadInput;
  }
  SourceSet sources;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t rules = 0;
  syntax::ParseOptions parse_options;
  parse_options.max_errors = options.max_errors;
  for (const auto& path : *files) {
    const auto bytes = read_file(path);
    if (!bytes) {
      err << "zhunru check: " << bytes.error().in(options.lang) << '\n';
      ++errors;
      continue;
    }
    const SourceFile& source = sources.add(path.string(), *bytes);
    const syntax::ParseResult parsed = syntax::parse(source, parse_options);
    rules += count_rules(parsed.file);
    for (const Diagnostic& d : parsed.diagnostics) {
      err << render(d, sources, options.lang);
      errors += d.severity == Severity::error;
      warnings += d.severity == Severity::warning;
    }
  }
  out << summary(files->size(), rules, errors, warnings, options.lang);
  return errors == 0 ? kSuccess : kRuleErrors;
}

}  // namespace zhunru::cli
