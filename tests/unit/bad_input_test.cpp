// Hostile input: nothing may crash or hang, every error is located, and the
// number of errors per file is bounded.
#include <doctest/doctest.h>

#include <random>

#include "diagnostics/render.hpp"
#include "support/parse_helpers.hpp"
#include "support/ruleset_generator.hpp"
#include "support/text.hpp"

using zhunru::testing::parse_text;
using zhunru::testing::repeat;

namespace {

// Every error points into the file (line ≥ 1); only the "stopped" note may not.
void require_located(const zhunru::syntax::ParseResult& r) {
  for (const auto& d : r.diagnostics) {
    if (d.code == "syntax.too-many-errors") continue;
    CAPTURE(d.message.en);
    CHECK(d.location.line >= 1);
    CHECK(d.location.column >= 1);
  }
}

}  // namespace

TEST_CASE("deep nesting is refused with a located error, not a stack overflow") {
  const std::size_t depth = 100000;
  const auto r = parse_text("kind k = " + repeat("(", depth) + "a" + repeat(")", depth) + ";");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "syntax.nesting");
  CHECK(r.diagnostics[0].location.line == 1);
  CHECK(r.diagnostics[0].location.column == 10 + 64);  // the 65th `(`
}

TEST_CASE("a long run of prefix operators is refused the same way") {
  CHECK(parse_text("kind k = " + repeat("not ", 100000) + "a;").diagnostics.at(0).code == "syntax.nesting");
  CHECK(parse_text("kind k = " + repeat("- ", 100000) + "a > 1;").diagnostics.at(0).code == "syntax.nesting");
}

TEST_CASE("nesting up to the limit is fine") {
  const auto r = parse_text("kind k = " + repeat("(", 60) + "a" + repeat(")", 60) + ";");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("a very long condition is parsed into a flat tree") {
  const std::size_t n = 100000;
  std::string text = "kind k = a" + repeat(" and a", n - 1) + " or " + repeat("b + ", n - 1) + "b > 1;";
  const auto r = parse_text(text);
  REQUIRE(r.diagnostics.empty());
  const auto& kind = std::get<zhunru::ast::KindDecl>(r.file.items.at(0));
  const auto& top = std::get<zhunru::ast::LogicExpr>(r.file.expr(kind.condition).node);
  REQUIRE(top.operands.size() == 2);
  CHECK(std::get<zhunru::ast::LogicExpr>(r.file.expr(top.operands[0]).node).operands.size() == n);
}

TEST_CASE("a large generated ruleset parses without errors") {
  const std::string text = zhunru::testing::generate_ruleset(20000);
  CHECK(text.size() > 2'000'000);
  const auto r = parse_text(text);
  CHECK(r.diagnostics.empty());
  const auto zh = parse_text(zhunru::testing::generate_ruleset(2000, true));
  CHECK(zh.diagnostics.empty());
  CHECK(zh.keyword_lang == zhunru::Lang::zh);
}

TEST_CASE("a large file of junk stops after the error limit") {
  std::string junk;
  for (int i = 0; i < 50000; ++i) junk += "fact ; } { ban [ where ) 5 t/a \"x\" ";
  const auto r = parse_text(junk);
  CHECK(r.diagnostics.size() == 51);  // 50 errors and the note that says it stopped
  CHECK(r.diagnostics.back().code == "syntax.too-many-errors");
  require_located(r);
}

TEST_CASE("a file over the size limit is refused") {
  zhunru::SourceSet sources;
  zhunru::syntax::ParseOptions options;
  options.max_file_bytes = 1000;
  const auto r = zhunru::syntax::parse(sources.add("big.rules", std::string(2000, ' ')), options);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "syntax.file-too-large");
}

TEST_CASE("a very long line: the error is located and the shown line is cut around it") {
  zhunru::SourceSet sources;
  const std::string line = "kind k = a" + repeat(" and a", 200000) + " and ;";
  const auto& source = sources.add("long.rules", line);
  const auto r = zhunru::syntax::parse(source);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.column == line.size());
  const std::string shown = zhunru::render(r.diagnostics[0], sources, zhunru::Lang::en);
  CHECK(shown.size() < 400);
  CHECK(shown.find(" 1 | …a and a and") != std::string::npos);
  CHECK(shown.find("and a and ;\n") != std::string::npos);
}

TEST_CASE("empty files, comment-only files, NUL bytes, lone keywords") {
  CHECK(parse_text("").diagnostics.empty());
  CHECK(parse_text("# only a comment\n// and another").diagnostics.empty());
  CHECK(parse_text("\n\n\n").diagnostics.empty());
  const auto nul = parse_text(std::string("fact a : bool;\0\0", 16));
  REQUIRE(nul.diagnostics.size() == 2);
  CHECK(nul.diagnostics[0].code == "syntax.character");
  for (const char* text : {"ban", "city", "city 500000", "city 500000 {", "}", ";", "fact", "\"", "kind k =", "(",
                           "units from", "单元", "在", "ban projects;"}) {
    CAPTURE(text);
    const auto r = parse_text(text);
    CHECK_FALSE(r.diagnostics.empty());
    require_located(r);
  }
}

TEST_CASE("random bytes and random token soup never crash the front end") {
  std::mt19937 rng(20261121);
  const std::vector<std::string> pieces{"city", "500000", "{", "}", "spatial-layout", "ban", "projects", "in",
                                        "priority", "units", "where", "a", "=", "5", "t/a", "万", ";", ":", "(",
                                        ")", "[", "]", "\"s\"", "\"", "禁止", "项目", "在", "内", "距", "范围内",
                                        "not", "and", "or", "#c\n", "\n", "2024-01-01", "fact", "one", "of",
                                        "\xFF", "\xE4\xB8", "。", "“"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) {
      if (round % 3 == 0) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += pieces[rng() % pieces.size()];
        text += ' ';
      }
    }
    CAPTURE(round);
    const auto r = parse_text(text);
    require_located(r);
  }
}
