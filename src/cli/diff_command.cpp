// `zhunru diff OLD NEW [--format text|json] [--as-of D] [--projects FILE]`:
// exit 0 when NEW loosens nothing, 3 when it does (严禁降低要求、弱化管控),
// 1 when a version does not compile, 2 for bad arguments.
#include <fstream>
#include <ostream>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/diff.hpp"

namespace zhunru::cli {

int run_diff(const DiffCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru diff: " << message.in(options.lang) << '\n'; };
  DiffOptions diff_options;
  diff_options.timeout_ms = options.timeout_ms;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) diff_options.as_of = **as_of;
  std::ifstream projects;
  if (options.projects) {  // opened first: a wrong path is said before minutes of solving
    projects.open(*options.projects);
    if (!projects) {
      say({"cannot read " + *options.projects, "无法读取 " + *options.projects});
      return kBadInput;
    }
  }
  const LoadedRuleset older = load_for_analysis(options.older, "diff", options.lang, err);
  if (!older.ruleset) return older.exit_code;
  const LoadedRuleset newer = load_for_analysis(options.newer, "diff", options.lang, err);
  if (!newer.ruleset) return newer.exit_code;
  DiffResult result = diff(*older.ruleset, *newer.ruleset, diff_options);
  if (options.projects) result.corpus = diff_projects(*older.ruleset, *newer.ruleset, projects, diff_options);
  out << (options.json ? to_json(result) : to_text(result, options.lang));
  return result.loosens() ? kFindings : kSuccess;
}

}  // namespace zhunru::cli
