#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "base/file_io.hpp"
#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::cli {

int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru eval: " << message.in(options.lang) << '\n'; };
  EvaluateOptions eval_options;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) eval_options.as_of = **as_of;
  if (const auto problem = unreadable_ruleset(options.ruleset)) {
    say(*problem);
    return kBadInput;
  }
  CompileOptions compile_options;
  compile_options.repair_maps = options.repair_maps;
  const CompileResult compiled = compile_directory(options.ruleset, compile_options);
  if (!compiled.ok()) {
    err << compiled.render(options.lang);
    say({"the ruleset has errors; nothing was evaluated", "清单有错误，未进行判定"});
    return kRuleErrors;
  }
  // Warnings are the rule author's business (`zhunru check` shows them);
  // an applicant's answer mentions only that there are some.
  const auto warnings = std::count_if(compiled.diagnostics.begin(), compiled.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::warning; });
  if (warnings > 0) {
    say({"the ruleset has " + std::to_string(warnings) + " warning(s); `zhunru check " + options.ruleset +
             "` shows them",
         "清单有 " + std::to_string(warnings) + " 条警告；运行 `zhunru check " + options.ruleset + "` 查看"});
  }
  ProjectLimits limits;
  limits.max_bytes = options.max_project_mib << 20;
  // Read no further than the limit: `--project /dev/zero` must end.
  const auto text = read_file(options.project, limits.max_bytes);
  if (!text) {
    say(text.error());
    return kBadInput;
  }
  const ProjectResult project = load_project_json(*compiled.ruleset, *text, limits);
  if (!project) {
    for (const ProjectError& e : project.error()) {
      err << "zhunru eval: " << options.project << ": " << (e.fact.empty() ? "" : e.fact + ": ")
          << e.message.in(options.lang) << '\n';
    }
    return kBadInput;
  }
  const auto decision = evaluate(*compiled.ruleset, *project, eval_options);
  if (!decision) {
    say(decision.error().message);
    return kBadInput;
  }
  out << (options.json ? to_json(*decision) : to_text(*decision, options.lang));
  return kSuccess;
}

}  // namespace zhunru::cli
