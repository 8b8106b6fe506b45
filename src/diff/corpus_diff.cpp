// diff_projects(): every project of a corpus judged on both versions, the
// verdicts compared — what a list's change does to real applications.
#include <algorithm>
#include <string>

#include "screen/record_reader.hpp"
#include "zhunru/diff.hpp"
#include "zhunru/project.hpp"

namespace zhunru {
namespace {

bool stops(Verdict v) { return v == Verdict::conditional || v == Verdict::reject; }

}  // namespace

CorpusDiff diff_projects(const Ruleset& older, const Ruleset& newer, std::istream& ndjson, const DiffOptions& options) {
  CorpusDiff out;
  EvaluateOptions eval;
  eval.as_of = options.as_of;
  eval.findings = false;  // verdicts and violated rules are all this needs
  // The batch reader `screen` uses: blank lines are no records, and a line
  // over the project size limit is refused without being kept in memory.
  const auto reader = batch::ndjson_reader(ndjson, ProjectLimits{});
  batch::Record line;
  while (true) {
    line.number = out.projects + 1;
    line.error.reset();
    if (!reader->next(line)) break;
    const std::size_t record = ++out.projects;
    if (line.error) {
      out.errors.push_back(record);
      continue;
    }
    std::optional<Decision> judged[2];
    for (int k = 0; k < 2; ++k) {
      const Ruleset& r = k == 0 ? older : newer;
      auto project = load_project_json(r, line.text);
      if (!project) break;
      auto decision = evaluate(r, *project, eval);
      if (!decision) break;
      judged[k] = std::move(decision).value();
    }
    if (!judged[0] || !judged[1]) {
      out.errors.push_back(record);
      continue;
    }
    const Decision& a = *judged[0];
    const Decision& b = *judged[1];
    if (a.verdict != b.verdict) {
      ++out.changed;
      ++out.transitions[std::string(name_of(a.verdict)) + "→" + std::string(name_of(b.verdict))];
      if (stops(a.verdict) && b.verdict == Verdict::admit) ++out.loosened;
      if (a.verdict == Verdict::admit && stops(b.verdict)) ++out.tightened;
    }
    std::vector<std::string> either;
    std::set_symmetric_difference(a.violated.begin(), a.violated.end(), b.violated.begin(), b.violated.end(),
                                  std::back_inserter(either));
    for (const std::string& id : either) ++out.by_rule[id];
  }
  return out;
}

}  // namespace zhunru
