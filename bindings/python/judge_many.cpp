#include "judge_many.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <nlohmann/json.hpp>

#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"

namespace zhunru::python {
namespace {

std::string errors_json(const std::vector<ProjectError>& errors) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ProjectError& e : errors) {
    list.push_back({{"code", e.code}, {"fact", e.fact}, {"en", e.message.en}, {"zh", e.message.zh}});
  }
  return nlohmann::ordered_json{{"errors", list}}.dump();
}

}  // namespace

Judged judge_one(const Ruleset& ruleset, const std::string& project_json, const JudgeOptions& options) {
  try {
    const auto project = load_project_json(ruleset, project_json);
    if (!project) return {false, errors_json(project.error()), ""};
    EvaluateOptions eval;
    eval.as_of = options.as_of;
    eval.findings = !options.verdict_only;
    const auto decision = evaluate(ruleset, *project, eval);
    if (!decision) return {false, errors_json({{decision.error().code, "", decision.error().message}}), ""};
    if (options.verdict_only) return {true, to_verdict_json(*decision), ""};
    return {true, to_json(*decision, JsonLayout::compact), to_verdict_json(*decision)};
  } catch (const std::exception& e) {  // one record's failure is that record's answer
    return {false, errors_json({{"internal", "", {std::string("internal error: ") + e.what(),
                                                  std::string("内部错误：") + e.what()}}}),
            ""};
  }
}

std::vector<Judged> judge_many(const Ruleset& ruleset, const std::vector<std::string>& projects,
                               const JudgeOptions& options) {
  std::vector<Judged> out(projects.size());
  const auto judge = [&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, projects.size(), 16),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t i = range.begin(); i != range.end(); ++i) {
                          out[i] = judge_one(ruleset, projects[i], options);
                        }
                      });
  };
  if (options.threads == 0) {
    judge();
  } else {
    tbb::task_arena arena(static_cast<int>(options.threads));
    arena.execute(judge);
  }
  return out;
}

}  // namespace zhunru::python
