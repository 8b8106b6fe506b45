// Enumerations declared anew for periods (issue #15, feature 9): a revised
// catalogue has values the previous one did not. A project is judged with
// the values in force on the as-of date; a value of another period is an
// error, never a silent "no rule matched".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// Illustrative versions: the point is the mechanism, not the catalogues' contents.
const char* const kDatedSchema = R"(
ruleset "目录版本测试" version "1" effective 2011-01-01;
fact nature : one of { new "新建", expansion "扩建" } "建设性质";
enumeration classes "目录类别" effective 2011-06-01 until 2019-12-31 = { encouraged "鼓励类", restricted "限制类", eliminated "淘汰类" };
enumeration classes "目录类别" effective 2020-01-01 = {
  encouraged "鼓励类", restricted "限制类" { restricted-new "限制新建" }, eliminated "淘汰类", pending "待定类" };
fact class : classes "目录类别";
fact processes : set of classes "各工序类别";
)";

std::vector<SourceText> sources(const std::string& rules, const std::string& schema = kDatedSchema) {
  return {{"r/schema.rules", schema}, {"r/tiers.rules", "city 500000 { spatial-layout { " + rules + " } }"}};
}

Expected<Decision, EvalError> judge(const Ruleset& rs, const std::string& facts, std::chrono::year_month_day as_of) {
  const Project p = project_ok(rs, R"({"units": ["ZH50011220001"], )" + facts + "}");
  return evaluate(rs, p, {as_of});
}

std::vector<std::string> codes(const std::string& schema) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources("R: ban projects;", schema)).diagnostics) {
    out.push_back(std::to_string(d.location.line) + " " + d.code);
  }
  return out;
}

}  // namespace

TEST_CASE("dated enumerations: the values in force on the as-of date, and no others") {
  const auto rs = compile_ok(sources("R1: ban projects where class = eliminated;"
                                     " R2: ban new projects where class = restricted;"
                                     " R3: ban projects where any processes in [eliminated];"));
  const auto y2015 = day(2015, 6, 1);
  const auto y2021 = day(2021, 6, 1);
  CHECK(judge(*rs, R"("class": "eliminated", "nature": "new", "processes": [])", y2015)->verdict == Verdict::reject);
  CHECK(judge(*rs, R"("class": "限制类", "nature": "new", "processes": [])", y2015)->verdict == Verdict::reject);
  // A value under `restricted` from 2020 on: R2 covers it then.
  CHECK(judge(*rs, R"("class": "限制新建", "nature": "new", "processes": [])", y2021)->verdict == Verdict::reject);
  CHECK(judge(*rs, R"("class": "pending", "nature": "new", "processes": [])", y2021)->verdict == Verdict::admit);
  // The same values before 2020 are not values of the catalogue in force: an error, in both languages.
  const auto early = judge(*rs, R"("class": "限制新建", "nature": "new", "processes": [])", y2015);
  REQUIRE_FALSE(early.has_value());
  CHECK(early.error().code == "eval.value-not-in-force");
  CHECK(early.error().message.en.find("2020-01-01–") != std::string::npos);
  CHECK(early.error().message.zh.find("“限制新建”") != std::string::npos);
  const auto in_set = judge(*rs, R"("class": "encouraged", "nature": "new", "processes": ["encouraged", "pending"])", y2015);
  REQUIRE_FALSE(in_set.has_value());
  CHECK(in_set.error().code == "eval.value-not-in-force");
  // Before the first version (the ruleset is in force from 2011-01-01) no value is.
  CHECK_FALSE(judge(*rs, R"("class": "encouraged", "nature": "new", "processes": [])", day(2011, 3, 1)).has_value());
  CHECK(judge(*rs, R"("nature": "new", "processes": [])", day(2011, 3, 1))->verdict == Verdict::incomplete);

  // The auditor knows it: as of 2015 a rule about `pending` can never apply.
  const auto dead = compile_ok(sources("R4: ban projects where class = pending;"));
  AuditOptions before;
  before.as_of = y2015;
  const AuditResult early_audit = audit(*dead, before);
  REQUIRE(early_audit.findings.size() == 1);
  CHECK(early_audit.findings.front().kind == AuditKind::dead_rule);
  AuditOptions after;
  after.as_of = y2021;
  CHECK(audit(*dead, after).findings.empty());
  // Audited on a day no version is in force, the fact can only be left out:
  // a rule that does not read it is not thereby dead.
  const auto other = compile_ok(sources("R5: ban expansion projects; R6: ban projects where class = pending;"));
  AuditOptions gap;
  gap.as_of = day(2011, 3, 1);
  for (const AuditFinding& f : audit(*other, gap).findings) {
    for (const AuditRule& r : f.rules) CHECK(r.id != "R5");
  }
}

TEST_CASE("dated enumerations: mistakes, each with its code") {
  const std::string head = "ruleset \"x\";\n";
  CHECK(codes(head + "enumeration e effective 2020-01-01 = { a, b };\nenumeration e effective 2021-01-01 = { a };") ==
        std::vector<std::string>{"3 check.enum-periods"});
  CHECK(codes(head + "enumeration e effective 2020-01-01 until 2020-12-31 = { a, b { c } };\n"
                     "enumeration e effective 2021-01-01 = { a { c }, b };") ==
        std::vector<std::string>{"3 check.enum-versions"});
  CHECK(codes(head + "enumeration e effective 2020-01-01 until 2020-12-31 = { a \"甲\" };\n"
                     "enumeration e effective 2021-01-01 = { a \"乙\" };") ==
        std::vector<std::string>{"3 check.enum-versions"});
  CHECK(codes(head + "enumeration e effective 2020-01-01 until 2020-12-31 = { a \"甲\" };\n"
                     "enumeration e effective 2021-01-01 = { b \"甲\" };") ==
        std::vector<std::string>{"2 check.duplicate-value"});
  CHECK(codes(head + "enumeration e = { a };\nenumeration e effective 2021-01-01 = { a };") ==
        std::vector<std::string>{"3 check.duplicate-name"});
}

TEST_CASE("dated enumerations: fmt both ways and a snapshot keep the periods") {
  const std::string zh = *format_source({"r/schema.rules", kDatedSchema}, {Lang::zh}).text;
  CHECK(zh.find("枚举类型 classes \"目录类别\" 生效 2011-06-01 至 2019-12-31 = {") != std::string::npos);
  CHECK(format_source({"r/schema.rules", zh}, {Lang::en}).text == format_source({"r/schema.rules", kDatedSchema}, {Lang::en}).text);

  const auto rs = compile_ok(sources("R1: ban projects where class = eliminated;"));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(judge(**loaded, R"("class": "eliminated", "processes": [])", day(2015, 1, 1))->verdict == Verdict::reject);
  CHECK_FALSE(judge(**loaded, R"("class": "pending", "processes": [])", day(2015, 1, 1)).has_value());
  CHECK(judge(**loaded, R"("class": "pending", "processes": [])", day(2021, 1, 1))->verdict == Verdict::admit);
}
