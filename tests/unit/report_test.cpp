// The applicant's report (to_html): what it must say, in which language,
// and that nothing a project says can become markup.
#include <doctest/doctest.h>

#include "support/eval_helpers.hpp"
#include "zhunru/report.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::string report_for(const std::string& project_json, Lang lang) {
  const auto rs = chongqing_rules();
  const Project p = project_ok(*rs, project_json);
  EvaluateOptions options;
  options.as_of = day(2025, 6, 1);
  const auto d = evaluate(*rs, p, options);
  REQUIRE(d);
  return to_html(*rs, p, *d, {lang});
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("report: a rejected project — verdict, the rule with 理由/依据/原文, units, map, in Chinese") {
  const std::string html = report_for(
      R"({"industry": "C2661", "nature": "新建", "catalogue": "permitted", "site": {"type": "Point", "coordinates": [107.08, 29.82]}})",
      Lang::zh);
  CHECK(html.starts_with("<!doctype html>"));
  CHECK(has(html, R"(<html lang="zh-CN">)"));
  CHECK(has(html, R"(class="verdict v-reject">判定不通过)"));
  CHECK(has(html, "须改正的问题"));
  CHECK(has(html, "CQ-SL-03"));
  CHECK(has(html, "理由："));
  CHECK(has(html, "依据：</b>中华人民共和国长江保护法 第八十八条（一）"));
  CHECK(has(html, "<blockquote>（一）在长江干支流岸线一公里范围内新建、扩建化工园区和化工项目的；</blockquote>"));
  CHECK(has(html, "sha256:"));
  CHECK(has(html, "2025-06-01"));
  CHECK(has(html, "<svg"));
  CHECK(has(html, R"(<g class="site">)"));
  CHECK(has(html, R"(class="layer layer-)"));  // the Yangtze layer decided CQ-SL-03
  CHECK(has(html, "— <b>是</b>"));
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "http://"));  // self-contained: nothing fetched
  CHECK_FALSE(has(html, "https://"));
}

TEST_CASE("report: incomplete lists the facts still needed by their labels, and English on request") {
  const std::string zh = report_for(R"({"units": ["ZH50011510001"]})", Lang::zh);
  CHECK(has(zh, "尚需补充的信息"));
  CHECK(has(zh, "待补充信息"));
  const std::string en = report_for(R"({"units": ["ZH50011510001"]})", Lang::en);
  CHECK(has(en, R"(<html lang="en">)"));
  CHECK(has(en, "Facts still needed"));
  CHECK(has(en, "the verdict lies between"));
  CHECK(has(en, "<svg"));                        // the unit, from the unit map
  CHECK_FALSE(has(en, R"(<g class="site">)"));   // but no site was given
}

TEST_CASE("report: a project's own text is escaped, never markup") {
  const std::string html = report_for(
      R"({"units": ["ZH50011510001"], "project": {"id": "<script>alert('x')</script>&\""}})", Lang::zh);
  CHECK_FALSE(has(html, "<script>"));
  CHECK(has(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"));
}

TEST_CASE("report: deterministic") {
  const std::string a = report_for(R"({"industry": "C3011", "units": ["ZH50011520001"]})", Lang::zh);
  CHECK(a == report_for(R"({"industry": "C3011", "units": ["ZH50011520001"]})", Lang::zh));
}
