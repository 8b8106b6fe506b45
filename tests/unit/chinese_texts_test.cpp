// Chinese answers for applicants (issue #17, item 2): under --lang zh the
// trace of an English-keyword rule is printed in Chinese keywords with the
// schema's labels for its names — facts, values, kinds, layers, tables — and
// missing facts are named by their labels. Names without a label, and a
// value name whose labels differ between facts, show as written.
#include <doctest/doctest.h>

#include <string>

#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const Finding& only_finding(const Decision& d) {
  REQUIRE(d.findings.size() == 1);
  return d.findings.front();
}

std::string trace_zh(const Finding& f, const std::string& part) {
  for (const TraceStep& s : f.trace) {
    if (s.part == part) return s.text_zh;
  }
  return "";
}

}  // namespace

TEST_CASE("Chinese texts: labels for facts, values, kinds and layers, the English text unchanged") {
  const auto rs = ruleset_with(R"(
city 500000 { spatial-layout {
  R1: ban new or expansion chemical projects within 1 km of shore where capacity > 10 t/a and grade = A and note = "x";
  R2: require industrial projects to have low-voc;
} })");
  const Decision d = decide(*rs, R"({"units": ["ZH50011220001"], "industry": "C2614", "nature": "new", "capacity": 20, "grade": "A", "note": "x",
                                     "site": {"type": "Point", "coordinates": [106.5, 30.001]}})");
  const Finding* r1 = finding(d, "R1");
  REQUIRE(r1 != nullptr);
  // 化工项目 loses its 项目 before the subject's own; `industrial` and `note` have no label.
  CHECK(trace_zh(*r1, "subject") == "新建 或 扩建 化工 项目");
  CHECK(trace_zh(*r1, "scope") == "距 长江岸线 1 km 范围内");
  CHECK(trace_zh(*r1, "where") == "设计产能 > 10 t/a 且 环保绩效等级 = A 且 note = \"x\"");
  CHECK(r1->trace.front().text == "new or expansion chemical projects");
  const Finding* r2 = finding(d, "R2");
  REQUIRE(r2 != nullptr);
  CHECK(trace_zh(*r2, "subject") == "industrial 项目");
  CHECK(trace_zh(*r2, "requirement") == "使用低VOCs原辅材料");
  // The text answer: the labels, and the missing fact by its label and key.
  const std::string text = to_text(d, Lang::zh);
  CHECK(text.find("要求：使用低VOCs原辅材料") == std::string::npos);  // low-voc is missing, not violated
  CHECK(text.find("未提供（不影响结论）： 使用低VOCs原辅材料（low-voc）") != std::string::npos);
  CHECK(to_text(d, Lang::en).find("Not given (they would not change the verdict): low-voc") != std::string::npos);
}

TEST_CASE("Chinese texts: a value named alike in two facts with different labels shows as written") {
  const auto rs = compile_ok(schema_and({{"more.rules", R"(
fact old-grade : one of { A "甲级", B } "原绩效等级";
city 500000 { emission-control { R: ban projects where grade = A and (old-grade = A or old-grade = B); } })"}}));
  const Decision d = decide(*rs, R"({"units": ["ZH50011220001"], "grade": "A", "old-grade": "B"})");
  CHECK(trace_zh(only_finding(d), "where") == "环保绩效等级 = A 且 (原绩效等级 = A 或 原绩效等级 = B)");
}

TEST_CASE("Chinese texts: a rule written in Chinese keywords keeps its own words") {
  const auto rs = ruleset_with("市级 500000 { 污染物排放管控 { R: 禁止 new 项目 当 capacity > 10 t/a； } }");
  const Decision d = decide(*rs, R"({"units": ["ZH50011220001"], "nature": "new", "capacity": 20})");
  CHECK(trace_zh(only_finding(d), "where") == "capacity > 10 t/a");
}
