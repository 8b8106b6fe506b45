// The parser and AST builder, one construct of docs/language.md at a time.
// Each case compares the span-free AST dump with the structure it must have.
#include <doctest/doctest.h>

#include "support/parse_helpers.hpp"

using zhunru::testing::dump_of;

namespace {

// Wraps rules in a city tier and section, the way they must be written.
std::string in_city(const std::string& rules, const std::string& section = "spatial-layout") {
  return "city 500000 {\n  " + section + " {\n" + rules + "\n  }\n}\n";
}

// The dump of the one rule in `rule`, without the closers of its section and tier.
std::string rule_dump(const std::string& rule) {
  const std::string d = dump_of(in_city(rule));
  const auto start = d.find("(rule ");
  const std::string closers = "))\n";
  if (start == std::string::npos || !d.ends_with(closers)) return d;
  return d.substr(start, d.size() - closers.size() - start);
}

std::string kind_dump(const std::string& condition) {
  std::string d = dump_of("kind k = " + condition + ";");
  const std::string prefix = "(kind k ";
  if (d.rfind(prefix, 0) != 0) return d;
  d = d.substr(prefix.size());
  return d.substr(0, d.size() - 2);  // drop ")\n"
}

}  // namespace

TEST_CASE("ruleset declaration with version and effective dates") {
  CHECK(dump_of("ruleset \"重庆市\" version \"2024.03\" effective 2024-03-19;") ==
        "(ruleset \"重庆市\" (version \"2024.03\") (effective 2024-03-19))\n");
  CHECK(dump_of("ruleset \"R\";") == "(ruleset \"R\")\n");
  CHECK(dump_of("ruleset \"R\" effective 2024-01-01 until 2025-01-01;") ==
        "(ruleset \"R\" (effective 2024-01-01 until 2025-01-01))\n");
}

TEST_CASE("fact declarations of every type") {
  CHECK(dump_of("fact b : bool \"标签\";") == "(fact b (bool) (label \"标签\"))\n");
  CHECK(dump_of("fact n : number;") == "(fact n (number))\n");
  CHECK(dump_of("fact i : industry;") == "(fact i (industry))\n");
  CHECK(dump_of("fact t : text;") == "(fact t (text))\n");
  CHECK(dump_of("fact d : date;") == "(fact d (date))\n");
  CHECK(dump_of("fact c : quantity t/a;") == "(fact c (quantity (unit \"t/a\" 1 t/a)))\n");
  CHECK(dump_of("fact c : quantity 万t/a;") == "(fact c (quantity (unit \"万t/a\" 10000 t/a)))\n");
  CHECK(dump_of("fact p : quantity %;") == "(fact p (quantity (unit \"%\" 0.01 1)))\n");
  CHECK(dump_of("fact e : one of { new \"新建\", rebuild, };") ==
        "(fact e (one-of (new (label \"新建\")) (rebuild)))\n");
  // Type keywords are also ordinary names.
  CHECK(dump_of("fact industry : industry;") == "(fact industry (industry))\n");
  CHECK(dump_of("fact weight : number;") == "(fact weight (number))\n");
}

TEST_CASE("kinds, layers and the unit map") {
  CHECK(dump_of("kind two-high \"两高项目\" = industry in [C25, C26];") ==
        "(kind two-high (label \"两高项目\") (in industry [C25 C26]))\n");
  CHECK(dump_of("kind big = is two-high and capacity > 1;").find("(and (is two-high) (> capacity") !=
        std::string::npos);
  CHECK(dump_of("layer y \"长江\" from \"maps/y.geojson\";") == "(layer y (label \"长江\") (from \"maps/y.geojson\"))\n");
  CHECK(dump_of("layer y from \"y.geojson\";") == "(layer y (from \"y.geojson\"))\n");
  CHECK(dump_of("units from \"maps/units.geojson\";") == "(units-from \"maps/units.geojson\")\n");
}

TEST_CASE("tier blocks and dimension sections") {
  CHECK(dump_of("city 500000 \"重庆市\" {\n spatial-layout { }\n emission-control { }\n}") ==
        "(city 500000 (name \"重庆市\")\n  (spatial-layout)\n  (emission-control))\n");
  CHECK(dump_of("district 500103 { risk-control { } resource-efficiency { } }") ==
        "(district 500103\n  (risk-control)\n  (resource-efficiency))\n");
  CHECK(dump_of("unit ZH50010320001 { }") == "(unit ZH50010320001)\n");
}

TEST_CASE("the four rule forms") {
  CHECK(rule_dump("CQ-01: ban two-high projects;") == "(rule CQ-01 ban (projects (two-high)))");
  CHECK(rule_dump("R: require new projects to have low-voc;") ==
        "(rule R require (projects (new)) (to-have low-voc))");
  CHECK(rule_dump("R: limit voc to 5 t/a for new projects;") ==
        "(rule R limit (limit voc <= (quantity \"5\" \"\" (unit \"t/a\" 1 t/a) = 5)) (projects (new)))");
  CHECK(rule_dump("R: limit eff to at least 85% for projects;") ==
        "(rule R limit (limit eff >= (quantity \"85\" \"\" (unit \"%\" 0.01 1) = 0.85)) (projects))");
  CHECK(rule_dump("R: allow chemical projects;") == "(rule R allow (projects (chemical)))");
  CHECK(rule_dump("R: encourage projects;") == "(rule R encourage (projects))");
}

TEST_CASE("rule ids are optional") {
  CHECK(rule_dump("ban projects;") == "(rule - ban (projects))");
}

TEST_CASE("subjects: adjective sets joined by or, sets joined by and") {
  CHECK(rule_dump("ban new or expansion chemical projects;") ==
        "(rule - ban (projects (new expansion) (chemical)))");
  CHECK(rule_dump("ban new or rebuild or expansion two-high projects;") ==
        "(rule - ban (projects (new rebuild expansion) (two-high)))");
}

TEST_CASE("scopes, alone and joined by and") {
  CHECK(rule_dump("ban projects in priority units;") == "(rule - ban (projects) (in-class priority))");
  CHECK(rule_dump("ban projects in key or general units;") == "(rule - ban (projects) (in-class key general))");
  CHECK(rule_dump("ban projects in units [ZH50010320001, ZH50010330002];") ==
        "(rule - ban (projects) (in-units ZH50010320001 ZH50010330002))");
  CHECK(rule_dump("ban projects inside parks;") == "(rule - ban (projects) (inside parks))");
  CHECK(rule_dump("ban projects outside parks;") == "(rule - ban (projects) (outside parks))");
  CHECK(rule_dump("ban projects within 1 km of shore;") ==
        "(rule - ban (projects) (within shore (quantity \"1\" \"\" (unit \"km\" 1000 m) = 1000)))");
  CHECK(rule_dump("ban projects in priority units and within 500 m of shore and outside parks;") ==
        "(rule - ban (projects) (in-class priority) (within shore (quantity \"500\" \"\" (unit \"m\" 1 m) = 500)) "
        "(outside parks))");
}

TEST_CASE("where and unless guards") {
  CHECK(rule_dump("ban projects where catalogue = eliminated;") ==
        "(rule - ban (projects) (where (= catalogue eliminated)))");
  CHECK(rule_dump("ban projects where a unless b;") == "(rule - ban (projects) (where a) (unless b))");
  CHECK(rule_dump("require projects to have a where b;") == "(rule - require (projects) (to-have a) (where b))");
}

TEST_CASE("metadata: because, cite (repeatable), weight, effective") {
  CHECK(rule_dump("ban projects because \"理由\" cite \"文件一\" cite \"文件二\" weight 2.5 "
                  "effective 2024-07-01 until 2026-12-31;") ==
        "(rule - ban (projects) (because \"理由\") (cite \"文件一\") (cite \"文件二\") (weight 2.5) "
        "(effective 2024-07-01 until 2026-12-31))");
}

TEST_CASE("condition precedence: not > arithmetic > comparison > and > or") {
  CHECK(kind_dump("a or b and c") == "(or a (and b c))");
  CHECK(kind_dump("a and b or c and d") == "(or (and a b) (and c d))");
  CHECK(kind_dump("(a or b) and c") == "(and (paren (or a b)) c)");
  CHECK(kind_dump("not a and b") == "(and (not a) b)");
  // `not` binds tighter than a comparison, as docs/language.md specifies.
  CHECK(kind_dump("not a = b") == "(= (not a) b)");
  CHECK(kind_dump("not (a = b)") == "(not (paren (= a b)))");
  CHECK(kind_dump("not not a") == "(not not a)");
  CHECK(kind_dump("a + b * c > d - e") == "(> (arith a + (arith b * c)) (arith d - e))");
  CHECK(kind_dump("-a < b") == "(< (neg a) b)");
  CHECK(kind_dump("a and b and c and d") == "(and a b c d)");
}

TEST_CASE("comparisons and memberships") {
  CHECK(kind_dump("a = b") == "(= a b)");
  CHECK(kind_dump("a != b") == "(!= a b)");
  CHECK(kind_dump("a < b") == "(< a b)");
  CHECK(kind_dump("a <= b") == "(<= a b)");
  CHECK(kind_dump("a > b") == "(> a b)");
  CHECK(kind_dump("a >= b") == "(>= a b)");
  CHECK(kind_dump("a ≤ b") == "(<= a b)");
  CHECK(kind_dump("grade in {C, D}") == "(in grade {C D})");
  CHECK(kind_dump("industry in [B, C, D]") == "(in industry [B C D])");
  CHECK(kind_dump("x in []") == "(in x [])");
}

TEST_CASE("literals in conditions") {
  CHECK(kind_dump("capacity > 30万 t/a") ==
        "(> capacity (quantity \"30\" \"万\" (unit \"t/a\" 1 t/a) = 300000))");
  CHECK(kind_dump("capacity > 30万t/a") == kind_dump("capacity > 30万 t/a"));
  CHECK(kind_dump("capacity > 30万 吨/年") ==
        "(> capacity (quantity \"30\" \"万\" (unit \"吨/年\" 1 t/a) = 300000))");
  CHECK(kind_dump("n = 3") == "(= n (quantity \"3\" \"\" (unit \"\" 1 -) = 3))");
  CHECK(kind_dump("name = \"x\\\"y\"") == "(= name \"x\\\"y\")");
  CHECK(kind_dump("approved >= 2024-07-01") == "(>= approved 2024-07-01)");
  CHECK(kind_dump("flag = true or flag = false") == "(or (= flag true) (= flag false))");
}

TEST_CASE("is KIND and the spatial conditions") {
  CHECK(kind_dump("is two-high") == "(is two-high)");
  CHECK(kind_dump("site inside parks") == "(site (inside parks))");
  CHECK(kind_dump("site outside parks") == "(site (outside parks))");
  CHECK(kind_dump("site within 1 km of shore") ==
        "(site (within shore (quantity \"1\" \"\" (unit \"km\" 1000 m) = 1000)))");
}

TEST_CASE("comments are collected with their positions") {
  const auto result = zhunru::testing::parse_text("# one\nfact a : bool; // two\n");
  REQUIRE(result.file.comments.size() == 2);
  CHECK(result.file.comments[0].text == "# one");
  CHECK(result.file.comments[1].span.begin.line == 2);
  CHECK(result.file.comments[1].span.begin.column == 16);
}

TEST_CASE("spans count code points from 1") {
  const auto result = zhunru::testing::parse_text("fact 两高产能 : number;");
  REQUIRE(result.file.items.size() == 1);
  const auto& fact = std::get<zhunru::ast::FactDecl>(result.file.items[0]);
  CHECK(fact.name.span.begin.line == 1);
  CHECK(fact.name.span.begin.column == 6);
  CHECK(fact.name.span.end.column == 10);  // 4 Chinese characters
  CHECK(fact.span.end.column == 20);
}

TEST_CASE("Chinese keywords build the same AST as English ones") {
  CHECK(dump_of("事实 产能 : 数量 吨/年 \"设计产能\"；") == dump_of("fact 产能 : quantity 吨/年 \"设计产能\";"));
  CHECK(dump_of("事实 性质 : 枚举 { 新建, 扩建 }；") == dump_of("fact 性质 : one of { 新建, 扩建 };"));
  const std::string zh = "市级 500000 { 空间布局约束 { R: 禁止 新建 或 扩建 化工 项目 在 优先保护单元 且 距 岸线 1 km 范围内 "
                         "且 在 园区 外 当 a 属于 [C26] 除非 是 k 理由 \"x\" 依据 \"y\" 权重 2 生效 2024-01-01 至 2025-01-01； } }";
  const std::string en = "city 500000 { spatial-layout { R: ban 新建 or 扩建 化工 projects in priority units and within 1 km "
                         "of 岸线 and outside 园区 where a in [C26] unless is k because \"x\" cite \"y\" weight 2 "
                         "effective 2024-01-01 until 2025-01-01; } }";
  CHECK(dump_of(zh) == dump_of(en));
  CHECK(dump_of("市级 500000 { 污染物排放管控 { 限制 x 不超过 5 t/a 对于 项目 在 重点管控单元 或 一般管控单元； } }") ==
        dump_of("city 500000 { emission-control { limit x to 5 t/a for projects in key or general units; } }"));
  CHECK(dump_of("市级 500000 { 资源开发效率要求 { 限制 x 不低于 5 t/a 对于 项目 在 单元 [ZH50010320001]； } }") ==
        dump_of("city 500000 { resource-efficiency { limit x to at least 5 t/a for projects in units [ZH50010320001]; } }"));
  CHECK(dump_of("市级 500000 { 环境风险防控 { 应当 项目 满足 非 选址 在 园区 内 且 x = 真； 鼓励 项目； 允许 项目； } }") ==
        dump_of("city 500000 { risk-control { require projects to have not site inside 园区 and x = true; encourage "
                "projects; allow projects; } }"));
  CHECK(dump_of("区县 500103 { } 单元 ZH50010320001 { } 单元图 来自 \"u.geojson\"； 图层 y 来自 \"y.geojson\"；"
                "类别 k = 是 j；清单 \"R\" 版本 \"1\"；") ==
        dump_of("district 500103 { } unit ZH50010320001 { } units from \"u.geojson\"; layer y from \"y.geojson\";"
                "kind k = is j; ruleset \"R\" version \"1\";"));
}
