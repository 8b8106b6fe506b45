// The canonical layout of `fmt`: indentation, wrapping, blank lines,
// comments, and translation between English and Chinese keywords.
#include <doctest/doctest.h>

#include "format/formatter.hpp"
#include "support/parse_helpers.hpp"

using zhunru::Lang;

namespace {

std::string fmt(const std::string& text, Lang lang = Lang::en) {
  const auto parsed = zhunru::testing::parse_text(text);
  REQUIRE(parsed.diagnostics.empty());
  zhunru::format::FormatOptions options;
  options.lang = lang;
  return zhunru::format::format(parsed.file, options);
}

}  // namespace

TEST_CASE("statements one per line, two-space indents, canonical spacing") {
  CHECK(fmt("fact   a:bool ;fact b : one of{x,y,};city 500000{spatial-layout{R:ban projects;}}") ==
        "fact a : bool;\n"
        "fact b : one of { x, y };\n"
        "\n"
        "city 500000 {\n"
        "  spatial-layout {\n"
        "    R: ban projects;\n"
        "  }\n"
        "}\n");
}

TEST_CASE("quantities are written number, multiplier, space, unit — percent glued") {
  CHECK(fmt("kind k = a > 30万t/a and b < 30 万t/a and c = 85 % and d > 1km;") ==
        "kind k = a > 30万 t/a and b < 30 万t/a and c = 85% and d > 1 km;\n");
}

TEST_CASE("full-width punctuation becomes ASCII") {
  CHECK(fmt("事实 性质 : 枚举 { 新建、扩建 }；") == "fact 性质 : one of { 新建, 扩建 };\n");
}

TEST_CASE("clauses join the rule line while it fits — metadata always on its own lines") {
  CHECK(fmt("city 500000 { spatial-layout { R: ban projects where a because \"x\" cite \"y\" weight 2; } }") ==
        "city 500000 {\n"
        "  spatial-layout {\n"
        "    R: ban projects where a\n"
        "        because \"x\"\n"
        "        cite \"y\"\n"
        "        weight 2;\n"
        "  }\n"
        "}\n");
}

TEST_CASE("long conditions break before their top-level and/or") {
  const std::string long_names = "aaaaaaaaaaaaaaaaaaaa and bbbbbbbbbbbbbbbbbbbbbbbbb and cccccccccccccccccccccccc and "
                                 "dddddddddddddddddddddddd";
  CHECK(fmt("kind k = " + long_names + ";") ==
        "kind k = aaaaaaaaaaaaaaaaaaaa\n"
        "    and bbbbbbbbbbbbbbbbbbbbbbbbb\n"
        "    and cccccccccccccccccccccccc\n"
        "    and dddddddddddddddddddddddd;\n");
  CHECK(fmt("city 500000 { spatial-layout { R: ban chemical projects where " + long_names + "; } }") ==
        "city 500000 {\n"
        "  spatial-layout {\n"
        "    R: ban chemical projects\n"
        "        where aaaaaaaaaaaaaaaaaaaa\n"
        "            and bbbbbbbbbbbbbbbbbbbbbbbbb\n"
        "            and cccccccccccccccccccccccc\n"
        "            and dddddddddddddddddddddddd;\n"
        "  }\n"
        "}\n");
}

TEST_CASE("parentheses the author wrote are kept") {
  CHECK(fmt("kind k = (a or b) and (c);") == "kind k = (a or b) and (c);\n");
  CHECK(fmt("kind k = not (a = b);") == "kind k = not (a = b);\n");
}

TEST_CASE("blank lines: kept where the author left them, at most one, always before a tier") {
  CHECK(fmt("fact a : bool;\n\n\n\nfact b : bool;\nfact c : bool;\ncity 500000 { }") ==
        "fact a : bool;\n\nfact b : bool;\nfact c : bool;\n\ncity 500000 {\n}\n");
}

TEST_CASE("comments: leading, trailing, inside a statement, before a closing brace, at the end") {
  CHECK(fmt("# head\nfact a : bool; # tail\nkind k = a and # inner\n b;\ncity 500000 {\n  # last\n}\n# end\n") ==
        "# head\n"
        "fact a : bool;  # tail\n"
        "# inner\n"
        "kind k = a and b;\n"
        "\n"
        "city 500000 {\n"
        "  # last\n"
        "}\n"
        "# end\n");
}

TEST_CASE("translation to Chinese keywords, every form") {
  CHECK(fmt("units from \"u.geojson\"; layer p from \"p.geojson\"; fact f : one of { x } ; kind k = is j and site "
            "inside p and f in [x] and not true;",
            Lang::zh) ==
        "单元图 来自 \"u.geojson\";\n"
        "图层 p 来自 \"p.geojson\";\n"
        "事实 f : 枚举 { x };\n"
        "类别 k = 是 j 且 选址 在 p 内 且 f 属于 [x] 且 非 真;\n");
  CHECK(fmt("city 500000 { emission-control { R: limit x to at least 5 t/a for new or expansion projects in key or "
            "general units and within 1 km of y and outside p where a unless b; } }",
            Lang::zh) ==
        "市级 500000 {\n"
        "  污染物排放管控 {\n"
        "    R: 限制 x 不低于 5 t/a 对于 new 或 expansion 项目\n"
        "        在 重点管控单元 或 一般管控单元 且 距 y 1 km 范围内 且 在 p 外\n"
        "        当 a\n"
        "        除非 b;\n"
        "  }\n"
        "}\n");
}

TEST_CASE("formatting is idempotent") {
  const std::string once = fmt("fact a:bool;# c\ncity 500000{risk-control{R:require new projects to have a;}}");
  CHECK(fmt(once) == once);
}
