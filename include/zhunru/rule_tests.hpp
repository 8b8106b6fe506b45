// Tests kept with a ruleset (issue #17, `zhunru test`): project files with
// an `expect` member, judged and compared with what they expect; and which
// rules the tests reach and see violated (coverage). docs/rule-tests.md.
//
//   {"industry": "C2614", "nature": "新建", "units": ["ZH50010320001"],
//    "expect": {"verdict": "reject", "violated": ["CQ-SL-15"]}}
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

/// One thing a test expected and did not get: `what` is the expectation
/// ("verdict", "violated", "satisfied", "missing", "units").
struct TestDifference {
  std::string what;
  std::string expected;   // as the test wrote it (lists as "A, B")
  std::string actual;
};

struct RuleTestResult {
  std::string name;                        // the file's path as given, or its name
  bool passed = false;
  std::vector<TestDifference> differences; // why it failed (empty when it passed or could not run)
  std::optional<LocalizedText> error;      // the file could not be read or judged: it failed
  std::optional<Verdict> verdict;          // what it got, when it was judged
};

struct RuleTestCoverage {
  std::size_t rules = 0;                     // rules in force
  std::vector<std::string> unreached;        // rules no test made applicable (sorted)
  std::vector<std::string> never_violated;   // bans and requirements no test saw violated (sorted)
};

struct RuleTestRun {
  std::vector<RuleTestResult> tests;  // in the order given
  RuleTestCoverage coverage;
  [[nodiscard]] std::size_t failed() const;
};

struct RuleTestOptions {
  /// The date the tests are judged as of, unless a test's `expect` gives `as_of`.
  std::chrono::year_month_day as_of =
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
};

/// A test file: a project file with an `expect` member. `expect` holds any of
///   "verdict": "admit" | "conditional" | "reject" | "incomplete",
///   "violated": [ids]  — exactly the rules violated,
///   "satisfied": [ids] — rules that must be satisfied (others may be too),
///   "missing": [facts] — exactly the facts missing,
///   "units": [codes]   — exactly the units the project lies in,
///   "as_of": "YYYY-MM-DD" — the date to judge it as of.
/// The file is read as every project file is (64 MiB, 64 levels deep).
class RuleTests {
 public:
  RuleTests(const Ruleset& ruleset, RuleTestOptions options) : ruleset_(ruleset), options_(options) {}

  /// Judges one test (`json`: the file's text) and adds it to the run.
  void add(std::string name, std::string_view json);
  /// Records a test that could not be read (it fails, with `why`).
  void add_unreadable(std::string name, LocalizedText why);
  /// The results so far, with the coverage of every test added.
  [[nodiscard]] RuleTestRun run() const;

 private:
  const Ruleset& ruleset_;
  RuleTestOptions options_;
  std::vector<RuleTestResult> results_;
  std::vector<std::string> reached_;   // rules applicable in some test (sorted, unique at run())
  std::vector<std::string> violated_;  // rules violated in some test
};

std::string to_json(const RuleTestRun& run);
std::string to_junit(const RuleTestRun& run);
std::string to_text(const RuleTestRun& run, Lang lang, bool coverage);

}  // namespace zhunru
