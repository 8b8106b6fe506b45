// Judging a list of project files on every core, one answer per record, in
// order; kept apart from the pybind11 code so it compiles fast and holds no
// Python object (it runs with the GIL released).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "zhunru/ruleset.hpp"

namespace zhunru::python {

struct Judged {
  bool ok = false;
  std::string json;     // the decision, or {"errors": [{code, fact, en, zh}, …]}
  std::string summary;  // a full decision's verdict-only JSON, which Python reads at once
                        // (the full one only when asked): "" otherwise
};

struct JudgeOptions {
  std::chrono::year_month_day as_of;
  bool verdict_only = false;
  unsigned threads = 0;  // 0: every core
};

/// One project file judged: the decision JSON (compact), or its errors.
Judged judge_one(const Ruleset& ruleset, const std::string& project_json, const JudgeOptions& options);

/// Every project file judged, answers in input order.
std::vector<Judged> judge_many(const Ruleset& ruleset, const std::vector<std::string>& projects,
                               const JudgeOptions& options);

}  // namespace zhunru::python
