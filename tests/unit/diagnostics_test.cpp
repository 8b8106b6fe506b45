// Syntax errors a rule author can act on: wording, location, hints,
// recovery (one typo does not hide the next), Chinese messages, rendering.
#include <doctest/doctest.h>

#include "diagnostics/render.hpp"
#include "support/parse_helpers.hpp"
#include "base/edit_distance.hpp"

using zhunru::testing::diagnostics_of;
using zhunru::testing::parse_text;

namespace {

std::string in_city(const std::string& rules) { return "city 500000 {\n  spatial-layout {\n" + rules + "\n  }\n}\n"; }

const zhunru::Diagnostic& only(const zhunru::syntax::ParseResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics[0];
}

}  // namespace

TEST_CASE("a misspelt unit class: the issue's own example") {
  const auto r = parse_text(in_city("    CQ-01: ban two-high projects in prority units;"));
  const auto& d = only(r);
  CHECK(d.message.en == "expected a unit class — priority, key or general — or a list of units, districts, cities or provinces after `in`, found `prority`");
  CHECK(d.help.en == "did you mean `priority`?");
  CHECK(d.location.line == 3);
  CHECK(d.location.column == 37);
  // Keywords are quoted as the file writes them, here in English.
  CHECK(d.message.zh == "“in”之后应为单元类别（priority、key 或 general）或单元、区县、市、省的列表，但出现了“prority”");
}

TEST_CASE("a misspelt rule keyword") {
  const auto r = parse_text(in_city("    CQ-01: bna two-high projects;"));
  const auto& d = only(r);
  CHECK(d.message.en == "expected a rule (ban, require, limit, allow or encourage) after `:`, found `bna`");
  CHECK(d.help.en == "did you mean `ban`?");
}

TEST_CASE("a missing semicolon is reported where it belongs") {
  const auto r = parse_text(in_city("    CQ-01: ban two-high projects\n    CQ-02: ban chemical projects;"));
  const auto& d = only(r);
  CHECK(d.location.line == 3);
  CHECK(d.location.column == 33);  // just after `projects`
  CHECK(d.help.en == "end the statement with `;`");
}

TEST_CASE("a misspelt metadata keyword on its own line is the word, not a missing semicolon") {
  // fmt puts each metadata clause on a line of its own: the typo is there, and `;` would be wrong.
  auto r = parse_text(in_city("    CQ-01: ban two-high projects\n        becuase \"x\";"));
  auto d = only(r);
  CHECK(d.location.line == 4);
  CHECK(d.location.column == 9);
  CHECK(d.help.en == "did you mean `because`?");
  r = parse_text("市级 500000 {\n  空间布局约束 {\n    CQ-01: 禁止 两高 项目\n        理尤 \"x\"；\n  }\n}\n");
  d = only(r);
  CHECK(d.location.line == 4);
  CHECK(d.help.zh == "是否应为“理由”？");
  // A next line that starts with a name that is no keyword still means the `;` was forgotten.
  r = parse_text(in_city("    CQ-01: ban two-high projects\n    CQ-02: ban chemical projects;"));
  CHECK(only(r).help.en == "end the statement with `;`");
}

TEST_CASE("a rule id needs a colon") {
  const auto r = parse_text(in_city("    CQ-01 ban projects;"));
  const auto& d = only(r);
  CHECK(d.help.en == "a rule id is followed by `:`, as in `CQ-01: ban …`");
}

TEST_CASE("Chinese keywords glued to a name get a precise hint") {
  const auto r = parse_text("市级 500000 { 空间布局约束 { 禁止 两高项目； } }");
  const auto& d = only(r);
  CHECK(d.help.en == "Chinese keywords are separate words: write `两高 项目`");
  CHECK(d.help.zh == "中文关键字须与名称以空格分开：写作“两高 项目”");
  // In a Chinese file, expected keywords are quoted in Chinese.
  CHECK(d.message.en.find("`项目`") != std::string::npos);
}

TEST_CASE("an unclosed block points back at its opening brace") {
  const auto r = parse_text("city 500000 {\n  spatial-layout {\n    ban projects;\n");
  REQUIRE(!r.diagnostics.empty());
  const auto& d = r.diagnostics[0];
  CHECK(d.message.en.find("found the end of the file") != std::string::npos);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].location.line == 2);
  CHECK(d.notes[0].location.column == 18);
  CHECK(d.notes[0].message.en == "this `{` is not closed");
}

TEST_CASE("one typo does not hide the next: errors in three rules are three errors") {
  const auto ds = diagnostics_of(in_city("    A: ban two-high projects in prority units;\n"
                                         "    B: ban projects where = 5;\n"
                                         "    C: ban chemical projets;\n"
                                         "    D: ban projects;"));
  REQUIRE(ds.size() == 3);
  CHECK(ds[0] == "3:33 syntax.expected: expected a unit class — priority, key or general — or a list of units, districts, cities or provinces after `in`, found `prority`");
  CHECK(ds[1] == "4:27 syntax.expected: unexpected `=` after `where`; expected a condition");
  CHECK(ds[2] == "5:28 syntax.expected: expected a name or `projects` after `projets`, found `;`");
}

TEST_CASE("errors in declarations and tiers are all reported") {
  const auto ds = diagnostics_of("fact a : ;\nfact b bool;\nkind k = ;\ncity 500000 { spatial-layout { ban x; } }\n");
  REQUIRE(ds.size() == 4);
  CHECK(ds[0].rfind("1:10 syntax.expected: expected a fact type", 0) == 0);
  CHECK(ds[1] == "2:8 syntax.expected: expected `:` after `b`, found `bool`");
  CHECK(ds[2] == "3:10 syntax.expected: expected a condition after `=`, found `;`");
  CHECK(ds[3] == "4:37 syntax.expected: expected a name or `projects` after `x`, found `;`");
}

TEST_CASE("unterminated strings and stray characters are named as such, without a cascade") {
  const auto ds = diagnostics_of("ruleset \"unclosed;\nfact a : bool;\nfact b ¥ : bool;\n");
  REQUIRE(ds.size() >= 2);
  CHECK(ds[0] == "1:9 syntax.unterminated-string: unterminated string: close it with `\"` before the end of the line");
  bool stray = false;
  for (const auto& d : ds) stray |= d == "3:8 syntax.character: unexpected character `¥`";
  CHECK(stray);
}

TEST_CASE("curly quotes, `。` and `【】` are one error each and parsing goes on") {
  CHECK(diagnostics_of("ruleset “R”;") ==
        std::vector<std::string>{"1:9 syntax.curly-quotes: strings use straight quotes: \"…\", not “…”"});
  CHECK(diagnostics_of("fact a : bool。fact b : bool;") ==
        std::vector<std::string>{"1:14 syntax.character: unexpected character `。`"});
  CHECK(diagnostics_of("kind k = a in 【x】;").size() == 2);
  // A curly quote inside a proper string is just text.
  CHECK(zhunru::testing::dump_of("ruleset \"“两高”项目\";") == "(ruleset \"“两高”项目\")\n");
}

TEST_CASE("edit distance counts code points") {
  CHECK(zhunru::edit_distance("prority", "priority") == 1);
  CHECK(zhunru::edit_distance("项目", "项木") == 1);
  CHECK(zhunru::edit_distance("", "abc") == 3);
}

TEST_CASE("edit distance within a bound: the distance when it is small enough, else nothing") {
  CHECK(zhunru::edit_distance_within(U"prority", U"priority", 1) == std::optional<std::size_t>(1));
  CHECK(zhunru::edit_distance_within(U"bna", U"ban", 1) == std::optional<std::size_t>(1));
  CHECK(zhunru::edit_distance_within(U"abc", U"xyz", 2) == std::nullopt);
  CHECK(zhunru::edit_distance_within(U"abc", U"xyz", 3) == std::optional<std::size_t>(3));
  const std::u32string huge(1 << 20, U'z');
  CHECK(zhunru::edit_distance_within(huge, U"industry", 2) == std::nullopt);
  CHECK_FALSE(zhunru::near_miss(std::string(1 << 20, 'z'), "industry"));
  CHECK(zhunru::closest_near_miss("industy", {"nature", "industry"}) == std::optional<std::size_t>(1));
  CHECK(zhunru::closest_near_miss(std::string(1 << 20, 'z'), {"nature", "industry"}) == std::nullopt);
}

TEST_CASE("rendering: file:line:col, the source line, a caret under the range") {
  zhunru::SourceSet sources;
  const auto& source = sources.add("r.rules", in_city("    CQ-01: ban two-high projects in prority units;"));
  const auto r = zhunru::syntax::parse(source);
  REQUIRE(r.diagnostics.size() == 1);
  const std::string text = zhunru::render(r.diagnostics[0], sources, zhunru::Lang::en);
  CHECK(text ==
        "r.rules:3:37: error: expected a unit class — priority, key or general — or a list of units, districts, cities or provinces after `in`, found `prority`\n"
        " 3 |     CQ-01: ban two-high projects in prority units;\n"
        "   |                                     ^^^^^^^\n"
        "  help: did you mean `priority`?\n");
  const std::string zh = zhunru::render(r.diagnostics[0], sources, zhunru::Lang::zh);
  CHECK(zh.rfind("r.rules:3:37: 错误: ", 0) == 0);
  CHECK(zh.find("  提示: 是否应为“priority”？\n") != std::string::npos);
}

TEST_CASE("a misspelt keyword read as a name gets a hint — the caret sits under wide characters") {
  zhunru::SourceSet sources;
  const auto& source = sources.add("z.rules", "市级 500000 { 空间布局约束 { 禁止 两高 项目 在 优先单元； } }");
  const auto r = zhunru::syntax::parse(source);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].help.zh == "“优先单元”在此被当作名称；是否应为“优先保护单元”？");
  const std::string text = zhunru::render(r.diagnostics[0], sources, zhunru::Lang::zh);
  // The full-width `；` is code point 37 and starts at display column 56: two carets.
  CHECK(text == "z.rules:1:37: 错误: “优先单元”之后应为“内”或“外”，但出现了“；”\n"
                " 1 | 市级 500000 { 空间布局约束 { 禁止 两高 项目 在 优先单元； } }\n"
                "   | " + std::string(55, ' ') + "^^\n"
                "  提示: “优先单元”在此被当作名称；是否应为“优先保护单元”？\n");
}

TEST_CASE("a spatial test in a condition without `site`, and scope terms joined by `or`, each get the fix") {
  const auto r = parse_text(in_city("    A3: ban projects where within 1 km of river;"));
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].help.en == "in a condition, a spatial test names what it tests: `site within …` (or a declared geometry's name)");
  CHECK(r.diagnostics[0].help.zh.find("选址 within") != std::string::npos);
  const auto o = parse_text(in_city("    A4: ban projects within 1 km of river or inside river;"));
  REQUIRE_FALSE(o.diagnostics.empty());
  CHECK(o.diagnostics[0].help.en.find("scope terms are joined with `and` only") == 0);
  const auto zh = parse_text(in_city("    A5: 禁止 项目 距 river 1 km 范围内 或 在 river 内;"));
  REQUIRE_FALSE(zh.diagnostics.empty());
  CHECK(zh.diagnostics[0].help.zh.find("范围各项之间只能用“且”连接") == 0);
}

TEST_CASE("ASCII quotes inside a Chinese title: the string they end is named, with the fix") {
  const auto r = parse_text("ruleset \"重庆市\"三线一单\"生态环境准入清单\" version \"1\" effective 2024-01-01;\n");
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].help.en == "a `\"` inside a string ends it: write the quotation marks inside as “…” (or as \\\")");
  CHECK(r.diagnostics[0].help.zh.find("内部的引号请写作“…”") != std::string::npos);
}

TEST_CASE("a percentage declared as a number is told to be a quantity") {
  const auto r = parse_text("fact share : number % \"占比\";\n");
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].help.en.find("a percentage is a quantity: `quantity %`") == 0);
}
