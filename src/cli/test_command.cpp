// `zhunru test RULESET [PATH…] [--format text|json|junit] [--coverage]
// [--as-of D]`: the tests kept with a ruleset (RULESET/tests/, or the files
// and directories given), each a project file with an `expect` member.
// Exit 0 when every test passes, 1 when one fails (or the rules have
// errors), 2 for bad arguments or no tests at all.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "base/file_io.hpp"
#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/rule_tests.hpp"

namespace zhunru::cli {
namespace {

namespace fs = std::filesystem;

/// The test files under `path` (itself, if a file), sorted, so every run
/// lists them in one order.
std::vector<std::string> test_files(const std::string& path, std::error_code& ec) {
  std::vector<std::string> out;
  if (fs::is_regular_file(path, ec)) return {path};
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json") out.push_back(it->path().generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int run_test(const TestCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru test: " << message.in(options.lang) << '\n'; };
  RuleTestOptions test_options;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) test_options.as_of = **as_of;
  std::vector<std::string> roots = options.paths;
  if (roots.empty()) roots.push_back((fs::path(options.ruleset) / "tests").generic_string());
  std::vector<std::string> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::exists(root, ec)) {
      say({"`" + root + "` does not exist" + (options.paths.empty() ? " (tests are kept in RULESET/tests/, or give their paths)" : ""),
           "“" + root + "”不存在" + (options.paths.empty() ? "（测试放在 RULESET/tests/ 中，或在命令中给出路径）" : "")});
      return kBadInput;
    }
    const auto found = test_files(root, ec);
    if (ec) {
      say({"cannot read `" + root + "`: " + ec.message(), "无法读取“" + root + "”：" + ec.message()});
      return kBadInput;
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) {
    say({"no test files (*.json) were found", "未找到测试文件（*.json）"});
    return kBadInput;
  }
  const LoadedRuleset loaded = load_ruleset(options.ruleset, false, "test", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  RuleTests tests(*loaded.ruleset, test_options);
  for (const std::string& file : files) {
    const auto bytes = read_file(file, std::size_t{64} << 20);
    if (!bytes) {
      tests.add_unreadable(file, bytes.error());  // a test that cannot be read does not pass
      continue;
    }
    tests.add(file, *bytes);
  }
  const RuleTestRun run = tests.run();
  if (options.format == "json") {
    out << to_json(run);
  } else if (options.format == "junit") {
    out << to_junit(run);
  } else {
    out << to_text(run, options.lang, options.coverage);
  }
  return run.failed() == 0 ? kSuccess : kRuleErrors;
}

}  // namespace zhunru::cli
