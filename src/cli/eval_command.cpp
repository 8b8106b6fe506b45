#include <fmt/format.h>

#include <ostream>

#include "base/file_io.hpp"
#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/report.hpp"

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
  const LoadedRuleset loaded = load_ruleset(options.ruleset, options.repair_maps, "eval", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  const Ruleset& ruleset = *loaded.ruleset;
  ProjectLimits limits;
  limits.max_bytes = options.max_project_mib << 20;
  // Read no further than the limit: `--project /dev/zero` must end.
  const auto text = read_file(options.project, limits.max_bytes);
  if (!text) {
    say(text.error());
    return kBadInput;
  }
  const ProjectResult project = load_project_json(ruleset, *text, limits);
  if (!project) {
    for (const ProjectError& e : project.error()) {
      err << "zhunru eval: " << options.project << ": " << (e.fact.empty() ? "" : e.fact + ": ")
          << e.message.in(options.lang) << '\n';
    }
    return kBadInput;
  }
  const auto decision = evaluate(ruleset, *project, eval_options);
  if (!decision) {
    say(decision.error().message);
    return kBadInput;
  }
  if (options.format == "html") {
    out << to_html(ruleset, *project, *decision, {options.lang_given ? options.lang : Lang::zh});
  } else {
    out << (options.format == "json" ? to_json(*decision) : to_text(*decision, options.lang));
  }
  return kSuccess;
}

}  // namespace zhunru::cli
