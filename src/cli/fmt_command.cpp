#include <filesystem>
#include <fstream>
#include <ostream>

#include "ast/dump.hpp"
#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "diagnostics/render.hpp"
#include "format/formatter.hpp"
#include "syntax/parse.hpp"

namespace zhunru::cli {
namespace {

// Re-reads the formatted text and compares its AST with the input's: if they
// differ, the formatter has a bug and the author's file must not be touched.
bool same_meaning(const ast::File& original, const std::string& formatted) {
  SourceSet scratch;
  const SourceFile& source = scratch.add(original.path, formatted);
  const syntax::ParseResult reparsed = syntax::parse(source);
  return !has_errors(reparsed.diagnostics) && ast::dump(reparsed.file) == ast::dump(original) &&
         reparsed.file.comments.size() == original.comments.size();
}

// Writes through a temporary file and a rename, so an interrupted write
// never leaves a half-written rule file.
bool write_atomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path tmp = path;
  tmp += ".zhunru-fmt.tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << text) || !out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

}  // namespace

int run_fmt(const FmtOptions& options, std::ostream& out, std::ostream& err) {
  const auto bytes = read_file(options.file);
  if (!bytes) {
    err << "zhunru fmt: " << bytes.error().in(options.lang) << '\n';
    return kBadInput;
  }
  SourceSet sources;
  const SourceFile& source = sources.add(options.file, *bytes);
  const syntax::ParseResult parsed = syntax::parse(source);
  for (const Diagnostic& d : parsed.diagnostics) err << render(d, sources, options.lang);
  if (has_errors(parsed.diagnostics)) return kRuleErrors;

  format::FormatOptions format_options;
  format_options.lang = options.keywords.value_or(parsed.keyword_lang);
  const std::string formatted = format::format(parsed.file, format_options);
  if (!same_meaning(parsed.file, formatted)) {
    err << (options.lang == Lang::zh ? "zhunru fmt: 内部错误：格式化改变了文件含义，未作修改\n"
                                     : "zhunru fmt: internal error: formatting would change the meaning; file left as is\n");
    return kInternalError;
  }
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
