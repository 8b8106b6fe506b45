#include "cli/command_inputs.hpp"

#include <algorithm>
#include <ostream>

#include "base/dates.hpp"
#include "base/file_io.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/snapshot.hpp"

namespace zhunru::cli {

Expected<std::optional<std::chrono::year_month_day>, LocalizedText> parse_as_of(const std::optional<std::string>& text) {
  using R = Expected<std::optional<std::chrono::year_month_day>, LocalizedText>;
  if (!text) return std::optional<std::chrono::year_month_day>();
  const auto date = parse_iso_date(*text);
  if (!date) {
    return R::failure({"--as-of must be a date such as 2025-01-01; found `" + *text + "`",
                       "--as-of 应为日期，如 2025-01-01；此处为“" + *text + "”"});
  }
  return std::optional(*date);
}

std::optional<LocalizedText> unreadable_ruleset(const std::string& path) {
  if (const auto files = find_rule_files(path); !files) return files.error();
  return std::nullopt;
}

LoadedRuleset load_ruleset(const std::string& path, bool repair_maps, const std::string& command, Lang lang,
                           std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru " << command << ": " << message.in(lang) << '\n'; };
  // A compiled snapshot is accepted wherever a ruleset directory is.
  if (std::filesystem::path(path).extension() == ".zr" || looks_like_snapshot(path)) {
    auto loaded = load_snapshot(path, SnapshotReading::mapped);  // one run, on a file its user controls
    if (!loaded) {
      say({path + ": " + loaded.error().message.en, path + "：" + loaded.error().message.zh});
      return {nullptr, kBadInput};
    }
    return {std::move(loaded).value(), kSuccess};
  }
  if (const auto problem = unreadable_ruleset(path)) {
    say(*problem);
    return {nullptr, kBadInput};
  }
  CompileOptions compile_options;
  compile_options.repair_maps = repair_maps;
  const CompileResult compiled = compile_directory(path, compile_options);
  if (!compiled.ok()) {
    err << compiled.render(lang);
    say({"the ruleset has errors; nothing was evaluated", "清单有错误，未进行判定"});
    return {nullptr, kRuleErrors};
  }
  // Warnings are the rule author's business (`zhunru check` shows them);
  // an applicant's answer mentions only that there are some.
  const auto warnings = std::count_if(compiled.diagnostics.begin(), compiled.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::warning; });
  if (warnings > 0) {
    say({"the ruleset has " + std::to_string(warnings) + " warning(s); `zhunru check " + path + "` shows them",
         "清单有 " + std::to_string(warnings) + " 条警告；运行 `zhunru check " + path + "` 查看"});
  }
  return {compiled.ruleset, kSuccess};
}

}  // namespace zhunru::cli

namespace zhunru::cli {

LoadedRuleset load_for_analysis(const std::string& path, const std::string& command, Lang lang, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru " << command << ": " << message.in(lang) << '\n'; };
  if (std::filesystem::path(path).extension() == ".zr" || looks_like_snapshot(path)) {
    return load_ruleset(path, false, command, lang, err);  // a snapshot holds the checked model and the maps
  }
  if (const auto problem = unreadable_ruleset(path)) {
    say(*problem);
    return {nullptr, kBadInput};
  }
  const CompileResult compiled = compile_directory(path);  // map problems come as findings
  err << compiled.render(lang);
  if (!compiled.ok()) {
    say({path + ": the ruleset has errors; nothing was analysed", path + "：清单有错误，未进行分析"});
    return {nullptr, kRuleErrors};
  }
  return {compiled.ruleset, kSuccess};
}

}  // namespace zhunru::cli
