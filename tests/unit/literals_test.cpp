// Literal checks done while building the AST: strings, dates, quantities,
// units, codes, distances.
#include <doctest/doctest.h>

#include "support/parse_helpers.hpp"

using zhunru::testing::diagnostics_of;
using zhunru::testing::dump_of;

namespace {
std::string one_error(const std::string& text) {
  const auto ds = diagnostics_of(text);
  return ds.size() == 1 ? ds[0] : "expected exactly one diagnostic, got " + std::to_string(ds.size());
}
}  // namespace

TEST_CASE("string escapes") {
  CHECK(dump_of(R"(ruleset "a\"b\\c\nd";)") == "(ruleset \"a\\\"b\\\\c\\nd\")\n");
  CHECK(one_error(R"(ruleset "tab\there";)") ==
        "1:13 syntax.string-escape: unknown escape `\\t` in a string; use \\\", \\\\ or \\n");
}

TEST_CASE("dates must exist") {
  CHECK(one_error("ruleset \"R\" effective 2024-02-30;") ==
        "1:23 syntax.date: `2024-02-30` is not a calendar date");
  CHECK(diagnostics_of("ruleset \"R\" effective 2024-02-29;").empty());  // a leap year
  CHECK(one_error("ruleset \"R\" effective 2024-05-01 until 2024-01-01;") ==
        "1:40 syntax.effective-range: `until` must come after the effective date");
}

TEST_CASE("quantities are read by the quantity parser and located") {
  CHECK(one_error("kind k = x > 5 t / a;").rfind("1:17 syntax.quantity: spaces are not allowed", 0) == 0);
  // A unit that is not built in may be one the ruleset declares in any file:
  // the parser keeps it as written for the checker (units_of_measure_test.cpp).
  CHECK(diagnostics_of("kind k = x > 5 t/x; fact c : quantity parsecs;").empty());
  const std::string pending = R"((quantity "30" "万" (unit "重量箱" 1 -) = 30 pending))";
  CHECK(dump_of("kind k = x > 30万 重量箱;").find(pending) != std::string::npos);
  CHECK(dump_of("kind k = x > 30万重量箱;").find(pending) != std::string::npos);
  CHECK(dump_of("kind k = x > 30 万重量箱;").find(R"((unit "万重量箱" 1 -) = 30 pending)") != std::string::npos);
}

TEST_CASE("tier and unit codes follow the national patterns") {
  CHECK(one_error("city 5000 { }") ==
        "1:6 syntax.city-code: a city code is six digits ending in 00, such as 500000 or 320100; found `5000`");
  CHECK(one_error("city 500103 { }").rfind("1:6 syntax.city-code", 0) == 0);
  CHECK(diagnostics_of("city 320100 { }").empty());
  CHECK(one_error("district 50010 { }").rfind("1:10 syntax.district-code", 0) == 0);
  CHECK(one_error("unit ZH5001032000 { }").rfind("1:6 syntax.unit-code", 0) == 0);
  CHECK(one_error("unit ZH50010340001 { }").rfind("1:6 syntax.unit-code", 0) == 0);  // class digit 4
  CHECK(one_error("unit YS50010320001 { }").rfind("1:6 syntax.unit-code", 0) == 0);
  CHECK(diagnostics_of("unit ZH50010320001 { }").empty());
  CHECK(one_error("city 500000 { spatial-layout { ban projects in units [ZH1]; } }")
            .rfind("1:55 syntax.unit-code", 0) == 0);
}

TEST_CASE("a within distance must be a length") {
  CHECK(one_error("city 500000 { spatial-layout { ban projects within 500 of y; } }") ==
        "1:52 syntax.distance-unit: a distance needs a length unit, such as `500 m` or `1 km`");
  CHECK(one_error("city 500000 { spatial-layout { ban projects within 5 t/a of y; } }")
            .rfind("1:52 syntax.distance-unit: a distance must be a length", 0) == 0);
  CHECK(diagnostics_of("city 500000 { spatial-layout { ban projects within 1.5 公里 of y; } }").empty());
}

TEST_CASE("rules outside sections, misspelt keywords, repeated clauses") {
  CHECK(one_error("city 500000 { ban projects; }").rfind("1:15 syntax.rule-outside-section: a rule must sit inside", 0) ==
        0);
  CHECK(one_error("city 500000 { spatial-layot { ban projects; } }") ==
        "1:15 syntax.unknown-keyword: `spatial-layot` is not a keyword here: a section is one of the four dimensions: "
        "spatial-layout, emission-control, risk-control or resource-efficiency");
  // A misspelt tier keyword is repaired by the parser: one error, block kept.
  CHECK(one_error("ctiy 500000 { spatial-layout { ban projects; } }") ==
        "1:1 syntax.expected: expected a declaration (ruleset, fact, enumeration, kind, layer, table, units) or a tier block (nation, "
        "province, city, district, unit), found `ctiy`");
  CHECK(one_error("city 500000 { spatial-layout { ban projects where a where b; } }") ==
        "1:53 syntax.repeated-clause: a rule takes one `where` clause");
  CHECK(one_error("city 500000 { spatial-layout { ban projects because \"a\" because \"b\"; } }") ==
        "1:57 syntax.repeated-metadata: `because` is given twice for this rule");
}
