// A run of rule tests as text (PASS/FAIL with what differed, then
// coverage), JSON, and JUnit XML for CI systems.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/html_text.hpp"  // escapes what XML needs too
#include "zhunru/rule_tests.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;

/// What differed, one line each: `verdict: expected reject, got admit`.
std::vector<std::string> failure_lines(const RuleTestResult& t, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<std::string> out;
  if (t.error) out.push_back(t.error->in(lang));
  for (const TestDifference& d : t.differences) {
    out.push_back(fmt::format(fmt::runtime(zh ? "{}：预期 {}，实际 {}" : "{}: expected {}, got {}"), d.what, d.expected, d.actual));
  }
  return out;
}

}  // namespace

std::string to_text(const RuleTestRun& run, Lang lang, bool coverage) {
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const RuleTestResult& t : run.tests) {
    out += fmt::format("{} {}\n", t.passed ? (zh ? "通过" : "PASS") : (zh ? "失败" : "FAIL"), t.name);
    for (const std::string& line : failure_lines(t, lang)) out += "  " + line + "\n";
  }
  const std::size_t failed = run.failed();
  out += fmt::format(fmt::runtime(zh ? "{} 个测试：{} 个通过，{} 个失败\n" : "{} test(s): {} passed, {} failed\n"), run.tests.size(),
                     run.tests.size() - failed, failed);
  if (!coverage) return out;
  const auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s.empty() ? std::string("-") : s;
  };
  const RuleTestCoverage& c = run.coverage;
  out += fmt::format(fmt::runtime(zh ? "覆盖：{} 条生效规则中 {} 条被测试触及\n  未触及：{}\n  从未被违反的禁止与要求：{}\n"
                                     : "coverage: {1} of {0} rules in force reached by a test\n  not reached: {2}\n  bans and requirements never seen violated: {3}\n"),
                     c.rules, c.rules - c.unreached.size(), list(c.unreached), list(c.never_violated));
  return out;
}

std::string to_json(const RuleTestRun& run) {
  Json tests = Json::array();
  for (const RuleTestResult& t : run.tests) {
    Json differences = Json::array();
    for (const TestDifference& d : t.differences) differences.push_back({{"what", d.what}, {"expected", d.expected}, {"actual", d.actual}});
    Json j = {{"name", t.name}, {"status", t.passed ? "passed" : "failed"}};
    j["verdict"] = t.verdict ? Json(name_of(*t.verdict)) : Json(nullptr);
    j["differences"] = std::move(differences);
    j["error"] = t.error ? Json(t.error->en) : Json(nullptr);
    j["error_zh"] = t.error ? Json(t.error->zh) : Json(nullptr);
    tests.push_back(std::move(j));
  }
  Json out;
  out["tests"] = std::move(tests);
  out["passed"] = run.tests.size() - run.failed();
  out["failed"] = run.failed();
  out["coverage"] = {{"rules", run.coverage.rules},
                     {"reached", run.coverage.rules - run.coverage.unreached.size()},
                     {"unreached", run.coverage.unreached},
                     {"never_violated", run.coverage.never_violated}};
  return out.dump(2) + "\n";
}

std::string to_junit(const RuleTestRun& run) {
  std::string out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"zhunru\" tests=\"{}\" failures=\"{}\">\n",
                                run.tests.size(), run.failed());
  for (const RuleTestResult& t : run.tests) {
    out += fmt::format("  <testcase classname=\"zhunru\" name=\"{}\"", report::escape(t.name));
    if (t.passed) {
      out += "/>\n";
      continue;
    }
    std::string text;
    for (const std::string& line : failure_lines(t, Lang::en)) text += line + "\n";
    out += fmt::format(">\n    <failure message=\"{}\">{}</failure>\n  </testcase>\n", report::escape(failure_lines(t, Lang::en).front()), report::escape(text));
  }
  return out + "</testsuite>\n";
}

}  // namespace zhunru
