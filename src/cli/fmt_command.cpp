#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/write_atomically.hpp"
#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "syntax/parse.hpp"
#include "zhunru/format.hpp"

namespace zhunru::cli {

int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err) {
  const auto bytes = read_file(options.file, syntax::ParseOptions{}.max_file_bytes);
  if (!bytes) {
    err << "zhunru fmt: " << bytes.error().in(options.lang) << '\n';
    return kBadInput;
  }
  FormatOptions format_options;
  format_options.keywords = options.keywords;
  const FormatResult result = format_source({options.file, *bytes}, format_options);
  err << result.render(options.lang);
  if (!result.ok()) {
    const bool internal = !result.diagnostics.empty() && result.diagnostics.back().code == "format.changes-meaning";
    return internal ? kInternalError : kRuleErrors;
  }
  const std::string& formatted = *result.text;
  if (options.check) {
    if (formatted == *bytes) return kSuccess;
    out << options.file << '\n';
    return kRuleErrors;
  }
  if (!options.write) {
    out << formatted;
    return kSuccess;
  }
  if (formatted != *bytes && !write_atomically(options.file, formatted)) {
    err << "zhunru fmt: " << (options.lang == Lang::zh ? "无法写入 " : "cannot write ") << options.file << '\n';
    return kBadInput;
  }
  return kSuccess;
}

}  // namespace zhunru::cli
