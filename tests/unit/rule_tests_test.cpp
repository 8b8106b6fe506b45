// zhunru test's library (RuleTests): expectations compared exactly
// (verdict, violated, missing, units) or as a subset (satisfied), a
// malformed test failing with the reason, and coverage counted over rules in force.
#include <doctest/doctest.h>

#include "support/eval_helpers.hpp"
#include "zhunru/rule_tests.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

RuleTestRun run_of(const std::vector<std::pair<std::string, std::string>>& files) {
  static const auto rs = ruleset_with(R"(
city 500000 {
  spatial-layout { B1: ban new chemical projects; B2: ban projects where grade = D; }
  emission-control { L1: limit voc to 5 t/a for new projects; E1: encourage projects where low-voc; }
}
)");
  RuleTestOptions options;
  options.as_of = day(2025, 6, 1);
  RuleTests tests(*rs, options);
  for (const auto& [name, json] : files) tests.add(name, json);
  return tests.run();
}

}  // namespace

TEST_CASE("rule tests: a passing test, a failing one with every difference, coverage over the run") {
  const RuleTestRun r = run_of({
      {"pass", R"({"industry": "C2614", "nature": "new", "grade": "A", "voc": 1, "low-voc": true, "units": ["ZH50010320001"],
                   "expect": {"verdict": "reject", "violated": ["B1"], "satisfied": ["L1"], "units": ["ZH50010320001"]}})"},
      {"fail", R"({"industry": "C2614", "nature": "expansion", "units": ["ZH50010320001"],
                   "expect": {"verdict": "admit", "violated": ["B1"], "missing": [], "satisfied": ["B2"]}})"},
  });
  REQUIRE(r.tests.size() == 2);
  CHECK(r.tests[0].passed);
  CHECK_FALSE(r.tests[1].passed);
  CHECK(r.failed() == 1);
  std::vector<std::string> what;
  for (const TestDifference& d : r.tests[1].differences) what.push_back(d.what + ": " + d.expected + " / " + d.actual);
  CHECK(what == std::vector<std::string>{"verdict: admit / incomplete", "violated: B1 / -", "missing: - / grade",
                                         "satisfied: B2 / -"});
  CHECK(r.coverage.rules == 4);
  CHECK(r.coverage.unreached == std::vector<std::string>{"B2"});        // grade never given: B2 never applied
  CHECK(r.coverage.never_violated == std::vector<std::string>{"B2", "L1"});
}

TEST_CASE("rule tests: malformed tests fail with the reason, never pass") {
  const RuleTestRun r = run_of({
      {"no-expect", R"({"industry": "C2614"})"},
      {"bad-key", R"({"industry": "C2614", "expect": {"verdikt": "admit"}})"},
      {"bad-verdict", R"({"industry": "C2614", "expect": {"verdict": "ok"}})"},
      {"bad-list", R"({"industry": "C2614", "expect": {"violated": "B1"}})"},
      {"bad-date", R"({"industry": "C2614", "expect": {"as_of": "yesterday"}})"},
      {"not-json", R"({"industry": )"},
      {"deep", std::string(100000, '[') + std::string(100000, ']')},
      {"bad-fact", R"({"industry": "C2614", "colour": "red", "expect": {}})"},
  });
  REQUIRE(r.tests.size() == 8);
  for (const RuleTestResult& t : r.tests) {
    INFO(t.name);
    CHECK_FALSE(t.passed);
    REQUIRE(t.error);
    CHECK_FALSE(t.error->en.empty());
    CHECK_FALSE(t.error->zh.empty());
  }
  CHECK(r.tests[1].error->en.find("verdikt") != std::string::npos);
  CHECK(r.tests[6].error->en.find("deep") != std::string::npos);
  CHECK(r.tests[7].error->en.find("colour") != std::string::npos);
}

TEST_CASE("rule tests: an empty expectation passes whatever the decision, and as_of in the test decides the date") {
  const RuleTestRun r = run_of({
      {"empty", R"({"industry": "C2614", "units": ["ZH50010320001"], "expect": {}})"},
      // kSchema's list holds until 2030-12-31: judged as of 2031, the project is refused.
      {"dated", R"({"industry": "C2614", "nature": "new", "units": ["ZH50010320001"],
                    "expect": {"as_of": "2031-01-01", "verdict": "reject"}})"},
  });
  CHECK(r.tests[0].passed);
  CHECK_FALSE(r.tests[1].passed);
  REQUIRE(r.tests[1].error);
  CHECK(r.tests[1].error->en.find("2031-01-01") != std::string::npos);
}
