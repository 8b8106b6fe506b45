// RuleTests: each test file's `expect` taken out, the rest judged as a
// project file, and what was expected compared with what was decided.
#include "zhunru/rule_tests.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "api/ruleset_data.hpp"
#include "audit/rule_formulas.hpp"
#include "base/json_input.hpp"
#include "zhunru/dates.hpp"
#include "zhunru/project.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;

std::string joined(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

/// The strings of a JSON array, or why it is not one.
std::optional<std::vector<std::string>> strings(const Json& value) {
  if (!value.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const Json& v : value) {
    if (!v.is_string()) return std::nullopt;
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::optional<Verdict> verdict_named(const std::string& name) {
  for (Verdict v : {Verdict::admit, Verdict::conditional, Verdict::reject, Verdict::incomplete}) {
    if (name == name_of(v) || name == name_zh(v)) return v;
  }
  return std::nullopt;
}

LocalizedText bad_expect(const std::string& en, const std::string& zh) {
  return {"the `expect` member: " + en, "“expect”成员：" + zh};
}

/// Why `expect` is not a well-formed expectation, if it is not: checked
/// before the project is judged, so a misspelt key is said as such.
std::optional<LocalizedText> malformed(const Json& expect) {
  if (!expect.is_object()) return bad_expect("it is an object", "应为对象");
  static const std::set<std::string> kKnown{"verdict", "violated", "satisfied", "missing", "needed", "units", "as_of"};
  for (const auto& [key, value] : expect.items()) {
    if (!kKnown.count(key)) {
      return bad_expect("`" + key + "` is not something a test can expect (verdict, violated, satisfied, missing, needed, units, as_of)",
                        "“" + key + "”不是可预期的内容（verdict、violated、satisfied、missing、needed、units、as_of）");
    }
    if (key == "verdict" && !(value.is_string() && verdict_named(value.get<std::string>()))) {
      return bad_expect("`verdict` is one of admit, conditional, reject, incomplete", "“verdict”应为 admit、conditional、reject、incomplete 之一");
    }
    if (key == "as_of" && !(value.is_string() && parse_iso_date(value.get<std::string>()))) {
      return bad_expect("`as_of` is a date, YYYY-MM-DD", "“as_of”应为日期 YYYY-MM-DD");
    }
    if (key != "verdict" && key != "as_of" && !strings(value)) {
      return bad_expect("`" + key + "` is a list of strings", "“" + key + "”应为字符串列表");
    }
  }
  return std::nullopt;
}

/// The differences between a well-formed `expect` and the decision.
void compare(const Json& expect, const Decision& d, std::vector<TestDifference>& out) {
  if (expect.contains("verdict")) {
    const Verdict wanted = *verdict_named(expect["verdict"].get<std::string>());
    if (wanted != d.verdict) out.push_back({"verdict", std::string(name_of(wanted)), std::string(name_of(d.verdict))});
  }
  std::vector<std::string> units;
  for (const UnitDecision& u : d.units) units.push_back(u.code);
  for (auto& [key, actual] : std::vector<std::pair<const char*, std::vector<std::string>>>{
           {"violated", d.violated}, {"missing", d.missing}, {"needed", d.needed}, {"units", units}}) {
    if (!expect.contains(key)) continue;
    auto wanted = *strings(expect[key]);
    std::sort(wanted.begin(), wanted.end());
    std::sort(actual.begin(), actual.end());
    actual.erase(std::unique(actual.begin(), actual.end()), actual.end());
    if (wanted != actual) out.push_back({key, joined(wanted), joined(actual)});
  }
  if (expect.contains("satisfied")) {
    const auto wanted = strings(expect["satisfied"]);
    std::vector<std::string> not_met;
    for (const std::string& id : *wanted) {
      const bool met = std::any_of(d.findings.begin(), d.findings.end(),
                                   [&](const Finding& f) { return f.rule == id && f.status == Status::satisfied; });
      if (!met) not_met.push_back(id);
    }
    if (!not_met.empty()) {
      std::vector<std::string> satisfied;
      for (const Finding& f : d.findings) {
        if (f.status == Status::satisfied) satisfied.push_back(f.rule);
      }
      satisfied.erase(std::unique(satisfied.begin(), satisfied.end()), satisfied.end());
      out.push_back({"satisfied", joined(*wanted), joined(satisfied)});
    }
  }
}

}  // namespace

std::size_t RuleTestRun::failed() const {
  return static_cast<std::size_t>(std::count_if(tests.begin(), tests.end(), [](const RuleTestResult& t) { return !t.passed; }));
}

void RuleTests::add(std::string name, std::string_view json) {
  RuleTestResult r;
  r.name = std::move(name);
  auto doc = json_input::parse<Json>(json, {}, {"the test file", "测试文件"});
  const auto fail = [&](LocalizedText why) {
    r.error = std::move(why);
    results_.push_back(std::move(r));
  };
  if (!doc) return fail(doc.error().message);
  if (!doc->is_object() || !doc->contains("expect")) {
    return fail({"a test is a project file with an `expect` member (what its decision must be)",
                 "测试文件应为含“expect”成员（对判定结果的预期）的项目文件"});
  }
  const Json expect = (*doc)["expect"];
  doc->erase("expect");
  if (auto problem = malformed(expect)) return fail(*problem);
  EvaluateOptions options;
  options.as_of = expect.contains("as_of") ? *parse_iso_date(expect["as_of"].get<std::string>()) : options_.as_of;
  auto project = load_project_json(ruleset_, doc->dump());
  if (!project) {
    const ProjectError& e = project.error().front();
    return fail({e.fact + ": " + e.message.en, e.fact + "：" + e.message.zh});
  }
  const auto decision = evaluate(ruleset_, *project, options);
  if (!decision) return fail(decision.error().message);
  r.verdict = decision->verdict;
  for (const Finding& f : decision->findings) {
    if (f.applies == std::optional<bool>(true)) reached_.push_back(f.rule);
    if (f.status == Status::violated) violated_.push_back(f.rule);
  }
  compare(expect, *decision, r.differences);
  r.passed = r.differences.empty();
  results_.push_back(std::move(r));
}

void RuleTests::add_unreadable(std::string name, LocalizedText why) {
  RuleTestResult r;
  r.name = std::move(name);
  r.error = std::move(why);
  results_.push_back(std::move(r));
}

RuleTestRun RuleTests::run() const {
  RuleTestRun out;
  out.tests = results_;
  const std::set<std::string> reached(reached_.begin(), reached_.end());
  const std::set<std::string> violated(violated_.begin(), violated_.end());
  const model::Model& m = ruleset_.data().model;
  std::set<std::string> unreached, never;
  for (const model::Rule& r : m.rules) {
    if (!auditing::in_force(r, options_.as_of)) continue;
    ++out.coverage.rules;
    if (!reached.count(r.id)) unreached.insert(r.id);
    const bool stops = r.form == RuleForm::ban || r.form == RuleForm::require || r.form == RuleForm::limit;
    if (stops && !violated.count(r.id)) never.insert(r.id);
  }
  out.coverage.unreached.assign(unreached.begin(), unreached.end());
  out.coverage.never_violated.assign(never.begin(), never.end());
  return out;
}

}  // namespace zhunru
