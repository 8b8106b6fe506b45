// Kinds defined anew for periods (issue #15, feature 9): the 两高 definition
// of 2013 and that of 2021 in one ruleset, each holding in its own period —
// the evaluator and the auditor read the one in effect at their as-of date.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kDated = R"(
ruleset "两高定义" version "1" effective 2010-01-01;
fact industry : industry "国民经济行业类别";
kind two-high "两高" effective 2013-01-01 until 2021-05-29 = industry in [C25, C26, C30, C31, C32];
kind two-high "两高" effective 2021-05-30 = industry in [D44, C25, C26, C30, C31, C32];
)";

const char* const kRules = R"(
city 500000 {
  spatial-layout {
    T1: ban two-high projects in priority units;
  }
}
)";

std::vector<std::string> violated(const Ruleset& rs, const std::string& industry, std::chrono::year_month_day as_of) {
  return decide(rs, R"({"units": ["ZH50010310001"], "industry": ")" + industry + "\"}", as_of).violated;
}

std::vector<std::string> messages(const std::string& schema) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources({{"schema.rules", schema}, {"tiers.rules", kRules}}).diagnostics) {
    out.push_back(d.code + ": " + d.message.en);
  }
  return out;
}

const std::vector<std::string> kT1{"T1"};
const std::vector<std::string> kNone{};

}  // namespace

TEST_CASE("dated kind: the definition in effect at the as-of date decides") {
  const auto rs = compile_ok({{"schema.rules", kDated}, {"tiers.rules", kRules}});
  CHECK(violated(*rs, "D4411", day(2020, 1, 1)) == kNone);  // power was not 两高 then
  CHECK(violated(*rs, "D4411", day(2021, 5, 29)) == kNone);
  CHECK(violated(*rs, "D4411", day(2021, 5, 30)) == kT1);
  CHECK(violated(*rs, "C2614", day(2020, 1, 1)) == kT1);
  CHECK(violated(*rs, "C2614", day(2012, 12, 31)) == kNone);  // no definition in effect: not 两高
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(violated(**loaded, "D4411", day(2020, 1, 1)) == kNone);
  CHECK(violated(**loaded, "D4411", day(2022, 1, 1)) == kT1);
}

TEST_CASE("dated kind: fmt keeps the periods, in both keyword sets") {
  const auto zh = format_source({"schema.rules", kDated}, {Lang::zh});
  REQUIRE(zh.text);
  CHECK(zh.text->find("类别 two-high \"两高\" 生效 2021-05-30 = industry 属于 [D44, C25, C26, C30, C31, C32];") !=
        std::string::npos);
  const auto en = format_source({"schema.rules", *zh.text}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == format_source({"schema.rules", kDated}, {Lang::en}).text.value());
  const auto from_zh = compile_ok({{"schema.rules", *zh.text}, {"tiers.rules", kRules}});
  CHECK(violated(*from_zh, "D4411", day(2022, 1, 1)) == kT1);
}

TEST_CASE("dated kind: overlapping periods, and a definition without one, are refused") {
  std::string overlapping = kDated;
  overlapping.replace(overlapping.find("effective 2021-05-30"), 20, "effective 2021-05-01");
  CHECK(messages(overlapping) == std::vector<std::string>{"check.kind-periods: kind `two-high` has two definitions in "
                                                          "effect on 2021-05-01: give each its own period"});
  const auto undated = messages(std::string(kDated) + "kind two-high = industry in [C26];\n");
  REQUIRE(undated.size() == 1);
  CHECK(undated.front().starts_with("check.duplicate-name:"));
}

TEST_CASE("dated kind: the auditor reads the definition in effect at its date") {
  const auto rs = compile_ok({{"schema.rules", kDated}, {"tiers.rules", R"(city 500000 { spatial-layout {
    P1: ban two-high projects where industry in [D4411]; } })"}});
  const auto dead = [&](std::chrono::year_month_day as_of) {
    AuditOptions options;
    options.as_of = as_of;
    const auto findings = audit(*rs, options).findings;
    return std::any_of(findings.begin(), findings.end(), [](const AuditFinding& f) { return f.kind == AuditKind::dead_rule; });
  };
  CHECK(dead(day(2020, 1, 1)));  // power plants were not 两高 before 2021-05-30
  CHECK_FALSE(dead(day(2022, 1, 1)));
}
