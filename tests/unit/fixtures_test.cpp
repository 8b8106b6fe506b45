// Properties over every fixture and every bundled ruleset:
//   - the normative examples of the language design (docs/language.md) check clean;
//   - `fmt` preserves meaning (same AST, spans aside), keeps every comment,
//     and is idempotent, in both keyword languages;
//   - translating to Chinese and back gives the English canonical text.
#include <doctest/doctest.h>

#include "ast/dump.hpp"
#include "format/formatter.hpp"
#include "support/fixture_files.hpp"
#include "support/parse_helpers.hpp"

namespace fs = std::filesystem;
using zhunru::Lang;
using zhunru::testing::parse_text;

namespace {

std::vector<fs::path> clean_files() {
  std::vector<fs::path> files;
  for (const char* dir : {"spec", "constructs", "zh", "fmt"}) {
    for (auto& f : zhunru::testing::rules_files_under(fs::path(ZHUNRU_FIXTURES) / dir)) files.push_back(f);
  }
  for (auto& f : zhunru::testing::rules_files_under(fs::path(ZHUNRU_SOURCE_DIR) / "rules")) files.push_back(f);
  return files;
}

std::string format(const zhunru::ast::File& file, Lang lang) {
  zhunru::format::FormatOptions options;
  options.lang = lang;
  return zhunru::format::format(file, options);
}

std::vector<std::string> comment_texts(const zhunru::ast::File& file) {
  std::vector<std::string> out;
  for (const auto& c : file.comments) out.push_back(c.text);
  return out;
}

// The text without comment lines, to compare files whose comments differ.
std::string without_comment_lines(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    if (line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] != '#') out += line + '\n';
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("there are fixtures to run over") { CHECK(clean_files().size() >= 10); }

TEST_CASE("every fixture and bundled ruleset checks clean") {
  for (const auto& path : clean_files()) {
    CAPTURE(path);
    const auto parsed = parse_text(zhunru::testing::read_text(path), path.string());
    for (const auto& d : parsed.diagnostics) FAIL_CHECK(d.location.line << ":" << d.location.column << " " << d.message.en);
  }
}

TEST_CASE("fmt preserves meaning and comments and is idempotent, in both languages") {
  for (const auto& path : clean_files()) {
    const auto original = parse_text(zhunru::testing::read_text(path), path.string());
    if (!original.diagnostics.empty()) continue;  // reported by the test above
    for (const Lang lang : {Lang::en, Lang::zh}) {
      CAPTURE(path);
      CAPTURE(lang == Lang::zh ? "zh" : "en");
      const std::string once = format(original.file, lang);
      const auto reparsed = parse_text(once, path.string());
      REQUIRE(reparsed.diagnostics.empty());
      CHECK(zhunru::ast::dump(reparsed.file) == zhunru::ast::dump(original.file));
      CHECK(comment_texts(reparsed.file) == comment_texts(original.file));
      CHECK(format(reparsed.file, lang) == once);
      CHECK(reparsed.keyword_lang == lang);
    }
  }
}

TEST_CASE("Chinese and back: fmt --lang zh then --lang en gives the English canonical text") {
  for (const auto& path : clean_files()) {
    const auto original = parse_text(zhunru::testing::read_text(path), path.string());
    if (!original.diagnostics.empty()) continue;
    CAPTURE(path);
    const auto chinese = parse_text(format(original.file, Lang::zh));
    CHECK(format(chinese.file, Lang::en) == format(original.file, Lang::en));
  }
}

TEST_CASE("the Chinese-keyword copies of the spec examples are the spec examples") {
  for (const char* name : {"declarations.rules", "tiers.rules"}) {
    CAPTURE(name);
    const auto en = parse_text(zhunru::testing::read_text(fs::path(ZHUNRU_FIXTURES) / "spec" / name));
    const auto zh = parse_text(zhunru::testing::read_text(fs::path(ZHUNRU_FIXTURES) / "zh" / name));
    REQUIRE(en.diagnostics.empty());
    REQUIRE(zh.diagnostics.empty());
    CHECK(zh.keyword_lang == Lang::zh);
    CHECK(zhunru::ast::dump(zh.file) == zhunru::ast::dump(en.file));
    CHECK(without_comment_lines(format(zh.file, Lang::en)) == without_comment_lines(format(en.file, Lang::en)));
  }
}

namespace {

// The fenced code blocks of a Markdown file that are rule text (they start
// with a declaration or a tier keyword, in either language).
std::vector<std::string> rule_blocks(const fs::path& markdown) {
  static const std::vector<std::string> kStarts{"ruleset", "fact", "city", "district", "unit ", "清单", "事实", "市级", "区县"};
  std::vector<std::string> blocks;
  const std::string text = zhunru::testing::read_text(markdown);
  for (std::size_t pos = text.find("```\n"); pos != std::string::npos; pos = text.find("```\n", pos)) {
    const std::size_t begin = pos + 4;
    const std::size_t end = text.find("```", begin);
    if (end == std::string::npos) break;
    const std::string block = text.substr(begin, end - begin);
    for (const auto& s : kStarts) {
      if (block.rfind(s, 0) == 0) {
        blocks.push_back(block);
        break;
      }
    }
    pos = end + 3;
  }
  return blocks;
}

}  // namespace

TEST_CASE("the rules shown in the README and the docs check clean") {
  std::size_t checked = 0;
  for (const char* doc : {"README.md", "docs/chinese-syntax.md"}) {
    for (const std::string& block : rule_blocks(fs::path(ZHUNRU_SOURCE_DIR) / doc)) {
      CAPTURE(doc);
      CAPTURE(block);
      CHECK(parse_text(block).diagnostics.empty());
      ++checked;
    }
  }
  CHECK(checked >= 3);
}
