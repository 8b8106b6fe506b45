#include <algorithm>
#include <filesystem>
#include <vector>
#include <fstream>
#include <ostream>

#include "cli/write_atomically.hpp"
#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "syntax/parse.hpp"
#include "zhunru/format.hpp"

namespace zhunru::cli {
namespace {

namespace fs = std::filesystem;

/// `zhunru fmt` on one file, as FmtOptions say (options.file unused: `file` instead).
int format_file(const std::string& file, const FmtOptions& options, std::ostream& out, std::ostream& err) {
  const auto bytes = read_file(file, syntax::ParseOptions{}.max_file_bytes);
  if (!bytes) {
    err << "zhunru fmt: " << bytes.error().in(options.lang) << '\n';
    return kBadInput;
  }
  FormatOptions format_options;
  format_options.keywords = options.keywords;
  const FormatResult result = format_source({file, *bytes}, format_options);
  err << result.render(options.lang);
  if (!result.ok()) {
    const bool internal = !result.diagnostics.empty() && result.diagnostics.back().code == "format.changes-meaning";
    return internal ? kInternalError : kRuleErrors;
  }
  const std::string& formatted = *result.text;
  if (options.check) {
    if (formatted == *bytes) return kSuccess;
    out << file << '\n';
    return kRuleErrors;
  }
  if (!options.write) {
    out << formatted;
    return kSuccess;
  }
  if (formatted != *bytes && !write_atomically(file, formatted)) {
    err << "zhunru fmt: " << (options.lang == Lang::zh ? "无法写入 " : "cannot write ") << file << '\n';
    return kBadInput;
  }
  return kSuccess;
}

/// The worse of two exit codes: an internal error, then bad input, then rule errors.
int worse(int a, int b) {
  const auto rank = [](int c) { return c == kInternalError ? 3 : c == kBadInput ? 2 : c == kRuleErrors ? 1 : 0; };
  return rank(b) > rank(a) ? b : a;
}

}  // namespace

int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.file, ec)) return format_file(options.file, options, out, err);
  // A directory: every .rules file under it, in path order, each checked
  // or rewritten alone — one file's errors do not stop the others.
  if (!options.check && !options.write) {
    err << "zhunru fmt: " << (options.lang == Lang::zh ? "格式化目录时需加 --check（列出未格式化的文件）或 --write（就地改写）"
                                                       : "a directory needs --check (list the files not formatted) or --write (rewrite them)")
        << '\n';
    return kBadInput;
  }
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(options.file, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".rules") files.push_back(it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  int code = kSuccess;
  for (const std::string& file : files) code = worse(code, format_file(file, options, out, err));
  if (ec) {
    err << "zhunru fmt: " << options.file << ": " << ec.message() << '\n';
    return worse(code, kBadInput);
  }
  return code;
}

}  // namespace zhunru::cli
