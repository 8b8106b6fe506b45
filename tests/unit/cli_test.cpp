// The `check` and `fmt` commands as a user runs them: exit codes, what goes
// to stdout and stderr, and that `fmt --write` changes only layout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "support/fixture_files.hpp"

namespace fs = std::filesystem;
using namespace zhunru::cli;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run check(const std::string& path) {
  std::ostringstream out;
  std::ostringstream err;
  CheckOptions options;
  options.path = path;
  const int code = run_check(options, out, err);
  return {code, out.str(), err.str()};
}

Run fmt(FmtOptions options) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_fmt(options, out, err);
  return {code, out.str(), err.str()};
}

fs::path fixture(const std::string& name) { return fs::path(ZHUNRU_FIXTURES) / name; }

// A scratch copy of a fixture, removed afterwards.
struct TempCopy {
  fs::path path;
  explicit TempCopy(const fs::path& from) : path(fs::temp_directory_path() / ("zhunru-test-" + from.filename().string())) {
    fs::copy_file(from, path, fs::copy_options::overwrite_existing);
  }
  ~TempCopy() { fs::remove(path); }
};

}  // namespace

TEST_CASE("check: exit 0 for clean rules, 1 for errors, 2 for a bad path") {
  CHECK(check((fs::path(ZHUNRU_SOURCE_DIR) / "rules" / "examples").string()).code == kSuccess);
  const Run bad = check(fixture("bad/typos.rules").string());
  CHECK(bad.code == kRuleErrors);
  CHECK(bad.out == "1 file, 1 rule: 7 errors, 0 warnings\n");
  CHECK(bad.err.find("typos.rules:7:36: error:") != std::string::npos);
  CHECK(check("/no/such/dir").code == kBadInput);
  const fs::path empty = fs::temp_directory_path() / "zhunru-empty-dir";
  fs::create_directories(empty);
  const Run none = check(empty.string());
  CHECK(none.code == kBadInput);
  CHECK(none.err == "zhunru check: no .rules files under `" + empty.string() + "`\n");
}

TEST_CASE("fmt: prints canonical text — refuses broken files and missing ones") {
  FmtOptions options;
  options.file = fixture("spec/tiers.rules").string();
  const Run ok = fmt(options);
  CHECK(ok.code == kSuccess);
  CHECK(ok.out.find("    CQ-01: ban two-high projects in priority units\n") != std::string::npos);
  options.file = fixture("bad/typos.rules").string();
  CHECK(fmt(options).code == kRuleErrors);
  options.file = "/no/such/file.rules";
  CHECK(fmt(options).code == kBadInput);
  options.file = ZHUNRU_FIXTURES;
  CHECK(fmt(options).code == kBadInput);
}

TEST_CASE("fmt --check: exit 1 and the file name when not canonical, 0 when it is") {
  FmtOptions options;
  options.check = true;
  options.file = fixture("spec/tiers.rules").string();
  const Run not_canonical = fmt(options);
  CHECK(not_canonical.code == kRuleErrors);
  CHECK(not_canonical.out == options.file + "\n");
  for (const auto& path : zhunru::testing::rules_files_under(fs::path(ZHUNRU_SOURCE_DIR) / "rules")) {
    options.file = path.string();
    CAPTURE(path);
    CHECK(fmt(options).code == kSuccess);  // the bundled rules are kept formatted
  }
}

TEST_CASE("fmt --write rewrites in place, keeps meaning, and is then a fixed point") {
  TempCopy copy(fixture("spec/tiers.rules"));
  FmtOptions options;
  options.file = copy.path.string();
  const std::string expected = fmt(options).out;
  options.write = true;
  CHECK(fmt(options).code == kSuccess);
  CHECK(zhunru::testing::read_text(copy.path) == expected);
  options.write = false;
  options.check = true;
  CHECK(fmt(options).code == kSuccess);
}

TEST_CASE("fmt --lang translates keywords — the language of a file is kept otherwise") {
  FmtOptions options;
  options.file = fixture("zh/tiers.rules").string();
  CHECK(fmt(options).out.find("禁止 two-high 项目 在 优先保护单元") != std::string::npos);
  options.keywords = zhunru::Lang::en;
  CHECK(fmt(options).out.find("ban two-high projects in priority units") != std::string::npos);
}

TEST_CASE("cli: fmt on a directory — --check lists the files not formatted, --write rewrites only those") {
  const fs::path dir = fs::temp_directory_path() / "zhunru-fmt-dir";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::copy_file(fixture("fmt/comments.rules"), dir / "sub" / "messy.rules");
  fs::copy_file(fs::path(ZHUNRU_SOURCE_DIR) / "rules/chongqing/city.rules", dir / "tidy.rules");
  fs::copy_file(fixture("fmt/comments.rules"), dir / "notes.txt");  // not a .rules file: left alone
  const auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string tidy = read(dir / "tidy.rules");
  FmtOptions options;
  options.file = dir.string();
  const Run plain = fmt(options);
  CHECK(plain.code == kBadInput);  // a directory is never printed whole
  CHECK(plain.err.find("--check") != std::string::npos);
  options.check = true;
  const Run check = fmt(options);
  CHECK(check.code == kRuleErrors);
  CHECK(check.out == (dir / "sub" / "messy.rules").generic_string() + "\n");
  options.check = false;
  options.write = true;
  CHECK(fmt(options).code == kSuccess);
  CHECK(read(dir / "tidy.rules") == tidy);
  CHECK(read(dir / "notes.txt") == read(fixture("fmt/comments.rules")));
  options.write = false;
  options.check = true;
  const Run again = fmt(options);
  CHECK(again.code == kSuccess);
  CHECK(again.out.empty());
  fs::remove_all(dir);
}

TEST_CASE("cli: a file checked alone whose names are declared beside it says to check the whole list") {
  CheckOptions options;
  options.path = std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing/city.rules";
  std::ostringstream out;
  std::ostringstream err;
  CHECK(run_check(options, out, err) == kRuleErrors);
  CHECK(err.str().find("this file was checked alone; 7 other .rules files beside it may declare these names") != std::string::npos);
  CHECK(err.str().find("zhunru check " + std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing") != std::string::npos);
  options.path = std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing/schema.rules";  // declares, uses nothing undeclared
  std::ostringstream err2;
  CHECK(run_check(options, out, err2) == kSuccess);
  CHECK(err2.str().find("checked alone") == std::string::npos);
}
