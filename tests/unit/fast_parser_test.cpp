// The front end's fast path (syntax/fast_parser) against the ANTLR parser:
// wherever the fast path answers, it must build the very tree ANTLR's parser
// and builder build — items, condition arena in the same order, spans,
// comments, keyword language — and it must answer for clean files. Where a
// file has any problem, it must step aside so ANTLR reports it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "ZhunruLexer.h"
#include "antlr4-runtime.h"
#include "ast/dump.hpp"
#include "base/source_file.hpp"
#include "syntax/fast_lexer.hpp"
#include "syntax/fast_parser.hpp"
#include "syntax/lexer.hpp"
#include "syntax/parse.hpp"

namespace {

namespace fs = std::filesystem;
using zhunru::SourceFile;
using zhunru::syntax::ParseOptions;
using zhunru::syntax::ParseResult;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ParseResult parse_antlr(const SourceFile& source) {
  ParseOptions options;
  options.fast_path = false;
  return zhunru::syntax::parse(source, options);
}

// Where two arenas first differ, for the failure message.
std::string first_difference(const zhunru::ast::File& a, const zhunru::ast::File& b) {
  const auto show = [](const zhunru::Span& s) {
    return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) + "-" + std::to_string(s.end.line) + ":" +
           std::to_string(s.end.column);
  };
  for (std::size_t i = 0; i < std::min(a.exprs.size(), b.exprs.size()); ++i) {
    if (a.exprs[i] == b.exprs[i]) continue;
    return "node " + std::to_string(i) + ": kind " + std::to_string(a.exprs[i].node.index()) + " at " +
           show(a.exprs[i].span) + (a.exprs[i].parenthesized ? " (paren)" : "") + " vs kind " +
           std::to_string(b.exprs[i].node.index()) + " at " + show(b.exprs[i].span) +
           (b.exprs[i].parenthesized ? " (paren)" : "");
  }
  return "sizes " + std::to_string(a.exprs.size()) + " vs " + std::to_string(b.exprs.size());
}

// The two paths agree on `text`: returns whether the fast path answered.
bool agree(const std::string& text, const std::string& name) {
  const SourceFile source(7, name, text);
  const ParseResult slow = parse_antlr(source);
  const std::optional<ParseResult> fast = zhunru::syntax::parse_clean(source, ParseOptions{});
  if (!fast) return false;
  INFO(name);
  INFO(text.substr(0, 2000));
  CHECK(slow.diagnostics.empty());
  CHECK(fast->diagnostics.empty());
  CHECK(zhunru::ast::dump(fast->file) == zhunru::ast::dump(slow.file));  // readable when it fails
  CHECK(fast->file.items == slow.file.items);
  CHECK_MESSAGE(fast->file.exprs == slow.file.exprs, first_difference(fast->file, slow.file));
  CHECK(fast->file.comments == slow.file.comments);
  CHECK(fast->file == slow.file);
  CHECK(fast->keyword_lang == slow.keyword_lang);
  return true;
}

bool has_error(const ParseResult& r) { return !r.diagnostics.empty(); }

// Every rules file the repository ships or tests with, and the fuzz corpora.
std::vector<fs::path> rule_files() {
  const fs::path root = ZHUNRU_SOURCE_DIR;
  std::vector<fs::path> files;
  for (const char* dir : {"rules", "examples", "tests/fixtures", "docs"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      if (e.is_regular_file() && e.path().extension() == ".rules") files.push_back(e.path());
    }
  }
  for (const char* dir : {"fuzz/corpus/rules", "fuzz/corpus/fmt", "fuzz/corpus/audit"}) {
    for (const auto& e : fs::directory_iterator(root / dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The quoted literals of a lexer grammar, comments left out.
std::vector<std::string> grammar_literals(const std::string& grammar) {
  std::vector<std::string> out;
  std::istringstream lines(grammar);
  for (std::string line; std::getline(lines, line);) {
    bool quoted = false;
    std::string current;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (!quoted && c == '/' && i + 1 < line.size() && line[i + 1] == '/') break;  // a comment
      if (quoted && c == '\\' && i + 1 < line.size()) {
        current += line.substr(i, 2);
        ++i;
      } else if (c == '\'') {
        if (quoted) out.push_back(current);
        current.clear();
        quoted = !quoted;
      } else if (quoted) {
        current += c;
      }
    }
  }
  return out;
}

std::vector<std::size_t> antlr_types(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  zhunru::syntax::Lexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<std::size_t> out;
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken()) {
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) out.push_back(t->getType());
  }
  return out;
}

std::vector<std::size_t> fast_types(const zhunru::syntax::FastTokens& lexed) {
  std::vector<std::size_t> out;
  for (const auto& t : lexed.tokens) {
    if (t.type != zhunru::syntax::FastToken::kEof) out.push_back(t.type);
  }
  return out;
}

}  // namespace

TEST_CASE("fast lexer: every literal of the lexer grammar lexes as ANTLR lexes it") {
  // A keyword added to grammar/ZhunruLexer.g4 and not to the fast lexer's
  // table would be a name there: this reads the grammar to catch it.
  const std::string grammar = read(fs::path(ZHUNRU_SOURCE_DIR) / "grammar/ZhunruLexer.g4");
  std::size_t words = 0;
  for (const std::string& text : grammar_literals(grammar)) {
    if (text.find('\\') != std::string::npos) continue;  // escapes: '\\', '\r' — not words
    INFO(text);
    const auto lexed = zhunru::syntax::fast_lex(text);
    if (!lexed) {
      // Only what ANTLR lexes as an error or a string fragment may be refused.
      CHECK((text == "\"" || text == "“" || text == "”" || text == "!" || text == "." || text == "-"));
      continue;
    }
    CHECK(fast_types(*lexed) == antlr_types(text));
    if (std::isalpha(static_cast<unsigned char>(text[0])) || static_cast<unsigned char>(text[0]) >= 0x80) ++words;
    // As a word among others, too: `x KEYWORD y`.
    const std::string among = "x " + text + " y";
    if (const auto lexed_among = zhunru::syntax::fast_lex(among)) CHECK(fast_types(*lexed_among) == antlr_types(among));
  }
  CHECK(words > 100);
}

TEST_CASE("fast lexer: names, numbers, dates, strings, comments and positions as ANTLR has them") {
  for (const std::string text : {
           "two-high a-1 a--b a- -a _x x_1 C2614 ZH50010320001 禁止两高项目 两高-化工",
           "2024-07-01 2024-07-011 12345-07-01 2024-7-01 1.5 30万 0.50",
           R"("a\"b" "\\" "中文\n" "" "x\ty")",
           "a # comment 中文\nb // 注释\r\nc/d /e",
           "≤ ≥ ≠ ％ ‰ ；：，、（）<= >= != < > = + - * / % ; : , ( ) { } [ ]",
           "a\tb\r\nc\fd\u3000e",
       }) {
    INFO(text);
    const auto lexed = zhunru::syntax::fast_lex(text);
    REQUIRE(lexed);
    CHECK(fast_types(*lexed) == antlr_types(text));
    // Positions and lengths, token by token.
    antlr4::ANTLRInputStream input(text);
    zhunru::syntax::Lexer lexer(&input);
    lexer.removeErrorListeners();
    std::size_t i = 0;
    std::size_t c = 0;
    for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken()) {
      const bool comment = t->getChannel() != antlr4::Token::DEFAULT_CHANNEL;
      const auto& mine = comment ? lexed->comments.at(c++) : lexed->tokens.at(i++);
      CHECK(mine.line == t->getLine());
      CHECK(mine.column == t->getCharPositionInLine());
      CHECK(mine.length == t->getStopIndex() - t->getStartIndex() + 1);
      CHECK(text.substr(mine.begin, mine.end - mine.begin) == t->getText());
    }
  }
}

TEST_CASE("fast lexer: steps aside for what only ANTLR's lexer reports") {
  for (const std::string& text : std::vector<std::string>{"\"open", "\"open\\", "“curly”", "a。", "é", "a-é", "naïve",
                                                         "a ! b", "1.x.2", "\xEF\xBF\xBD", "a\vb",
                                                         std::string("a\0b", 3), "〇", "ｘ"}) {
    INFO(text);
    CHECK_FALSE(zhunru::syntax::fast_lex(text));
  }
}

TEST_CASE("fast parser: every rules file of the repository parses to the same tree on both paths") {
  std::size_t fast = 0;
  std::size_t clean = 0;
  for (const fs::path& path : rule_files()) {
    const std::string text = read(path);
    const SourceFile source(7, path.string(), text);
    const bool answered = agree(text, path.string());
    fast += answered;
    // A file ANTLR parses without a word must take the fast path, but for
    // characters the fast lexer leaves to ANTLR (a fuzz corpus has them).
    if (!has_error(parse_antlr(source))) {
      ++clean;
      const bool plain = zhunru::syntax::fast_lex(source.text()).has_value();
      if (plain) CHECK_MESSAGE(answered, path.string());
    }
  }
  MESSAGE(fast << " files on the fast path, " << clean << " clean");
  CHECK(fast >= 40);
}

TEST_CASE("fast parser: the grammar's corners build the same tree") {
  for (const std::string text : {
           // Types: keywords that are also names, and the name reading when only it parses.
           "fact a : bool; fact b : quantity t/a \"量\"; fact c : quantity; fact d : quantity % ;\n"
           "fact e : one of { x \"X\", y { y1, y2 \"二\", }, }; fact f : 枚举 {p}; fact g : version;\n"
           "fact h : quantity 万吨/年; fact weight : number; fact by : text;",
           "enumeration n \"性质\" = one of { new { relocation } }; enumeration m = {a, b};",
           "ruleset \"T\" version \"1\" effective 2024-01-01 until 2025-01-01;",
           "layer r \"河\" from \"maps/r.geojson\" repair; layer s = r and t and u; layer big = r where basin > 10000;",
           "table t \"表\" from \"tables/t.csv\" column \"CAS号\" effective 2023-03-01; table u = t where 编号 = \"1\";",
           "table b \"标杆\" from \"tables/b.csv\" column \"产品\" quantity \"标杆水平\" kgce/t effective 2021-01-01;"
           " table c from \"t.csv\" column \"k\" number \"系数\"; 名录 d 来自 \"t.csv\" 列 \"k\" 数量 \"v\" 吨/年；",
           "kind l = x <= b[p] * 1.1 or -标杆[产品] > y and (c[k]) = 2;",
           "units from \"maps/u.geojson\" repair; geometry outfall \"排污口\"; kind k effective 2021-01-01 = x > 1;",
           // Rules: every form, scopes, guards, metadata.
           "city 500000 \"重庆\" { spatial-layout { r1: ban new or expansion chemical two-high projects in priority "
           "or key units and within 1 km of river and not overlapping farmland where a > 3 万吨/年 and b or not c "
           "unless is k because \"b\" cite \"c1\" cite \"c2\" quote \"q\" weight 2.5 effective 2024-01-01; } }",
           "district 500103 { emission-control { limit cod to at least 30 % for projects in units [ZH50010310001, "
           "ZH50010320002,]; limit so2 to 5 t/a for new projects overlapping park by at least 10 %; "
           "require projects to have x in [1, 2 km, \"s\", 2024-01-01, true, false, n] where (a + b * -c / d - e) "
           ">= 3; allow projects; encourage projects outside r where site inside r or outfall within 2 km of r; } }",
           "单元 ZH50010320001 { 环境风险防控 { 禁止 新建 项目 在 重点管控单元 或 一般管控单元 且 距 河流 1 公里 范围内 "
           "当 非 (选址 在 河流 内) 且 排污口 在 园区 外 除非 x 属于 {a, b} 理由 \"因\"；"
           "限制 x 不超过 5 吨 对于 项目 在 单元 [ZH50010320001]；限制 y 不低于 1 对于 项目 占用 园区 不低于 2 公顷；"
           "应当 项目 在 园区 内 满足 x 属于 名录甲 且 选址 不占用 农田；} }",
           // Quantities: units on the number's line only, `/ ID` as a unit, `/ 2` as division.
           "kind q = a > 3 t or b < 2 t/a or c < 4 / 2 or d = 5 t\n / e;",
           "kind k2 = - - a * not b; kind k3 = ((a)); kind k4 = x in t; kind k5 = a != b and c <= d;",
           "# a comment\n// another\r\nfact x : bool; # trailing\n",
           // Set facts and their tests; `set`, `any`, `all`, `no` are names too.
           "fact s : set of { a \"甲\" { a1 }, b, }; fact t : 多选 n; fact u : set of n \"U\"; fact set : set;"
           " fact any : bool; enumeration no = { x };",
           "kind q1 = any s in [a, b] and not all s in {a} or no t in tab; kind q2 = 任一 s 属于 [a] 且 全部 t 属于 表;"
           " kind q3 = any and all = no or any in [x] or no < 3; kind q4 = 无一 s 属于 [];",
           "fact a : quantity 万t/a per s \"分\"; fact b : number per s; fact c : 数量 吨 按 s; fact per : per;"
           " kind k = a[x] > 3 t and per[y] < 2;",
           // Units of measure; a unit not built in is kept for the checker (QuantityLit::pending).
           "unit 重量箱 \"weight box\" = 50 kg; unit 运行日 = 1 a / 300; 计量单位 大箱 = 2 重量箱；unit x = 5;"
           " fact e : quantity kgce/重量箱; kind k = a > 3 furlongs or b < 30万 箱/a; unit ZH50010320001 { }",
       }) {
    CHECK_MESSAGE(agree(text, "corner.rules"), text);
  }
}

TEST_CASE("fast parser: a file with any problem goes to ANTLR, which reports it") {
  for (const std::string text : {
           "fact a : bool",                                                      // no `;`
           "city 500000 { spatial-layot { ban projects; } }",                    // a misspelt dimension
           "city 500000 { ban projects; }",                                      // a rule outside a section
           "city 500000 { spatial-layout { ban projects because \"a\" because \"b\"; } }",
           "city 500000 { spatial-layout { ban projects where a where b; } }",
           "city 50000 { spatial-layout { ban projects; } }",                   // a bad code
           "ruleset \"a\\q\";",                                                  // a bad escape
           "ruleset \"a\" effective 2024-02-30;",                                // no such day
           "ruleset \"a\" effective 2024-01-01 until 2023-01-01;",
           "city 500000 { spatial-layout { ban projects within 3 t of r; } }",  // not a length
           "fact x : bool。",
       }) {
    INFO(text);
    const SourceFile source(7, "bad.rules", text);
    CHECK_FALSE(zhunru::syntax::parse_clean(source, ParseOptions{}));
    const ParseResult r = zhunru::syntax::parse(source);
    CHECK_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics.size() == parse_antlr(source).diagnostics.size());
  }
  // A letter of another script is ANTLR's to lex, and no error.
  const SourceFile other_script(7, "naive.rules", "fact naïve : bool;");
  CHECK_FALSE(zhunru::syntax::parse_clean(other_script, ParseOptions{}));
  CHECK(zhunru::syntax::parse(other_script).diagnostics.empty());
  CHECK(zhunru::syntax::parse(other_script).file == parse_antlr(other_script).file);
  // Nesting beyond the limit is the ANTLR path's to refuse, too.
  const std::string deep = "kind k = " + std::string(70, '(') + "a" + std::string(70, ')') + ";";
  CHECK_FALSE(zhunru::syntax::parse_clean(SourceFile(7, "deep.rules", deep), ParseOptions{}));
}

TEST_CASE("fast parser: mutated files — where the fast path answers, ANTLR agrees without a word") {
  // Deterministic mutations of the shipped rules: each word dropped, each
  // word doubled, neighbours swapped. Most make a broken file, which the
  // fast path must leave to ANTLR; those that still parse must agree.
  std::size_t answered = 0;
  std::size_t variants = 0;
  const fs::path root = ZHUNRU_SOURCE_DIR;
  for (const char* file : {"rules/examples/schema.rules", "rules/chongqing/schema.rules", "examples/clauses/national.rules"}) {
    if (!fs::exists(root / file)) continue;
    const std::string text = read(root / file);
    std::vector<std::size_t> starts;  // word starts
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1]))) && !std::isspace(static_cast<unsigned char>(text[i])))
        starts.push_back(i);
    }
    const std::size_t step = std::max<std::size_t>(1, starts.size() / 300);
    for (std::size_t k = 0; k + 1 < starts.size(); k += step) {
      const std::size_t a = starts[k];
      const std::size_t b = starts[k + 1];
      const std::string word = text.substr(a, b - a);
      for (const std::string& variant : {text.substr(0, a) + text.substr(b),               // dropped
                                         text.substr(0, b) + word + text.substr(b),        // doubled
                                         text.substr(0, a) + text.substr(b, (k + 2 < starts.size() ? starts[k + 2] : text.size()) - b) + word +
                                             text.substr(k + 2 < starts.size() ? starts[k + 2] : text.size())}) {  // swapped
        ++variants;
        const SourceFile source(7, "mutant.rules", variant);
        const std::optional<ParseResult> fast = zhunru::syntax::parse_clean(source, ParseOptions{});
        if (!fast) continue;
        ++answered;
        const ParseResult slow = parse_antlr(source);
        INFO(variant);
        REQUIRE(slow.diagnostics.empty());
        REQUIRE(fast->file == slow.file);
        REQUIRE(fast->keyword_lang == slow.keyword_lang);
      }
    }
  }
  MESSAGE(answered << " of " << variants << " mutants on the fast path, all agreeing");
  CHECK(variants > 300);
}
