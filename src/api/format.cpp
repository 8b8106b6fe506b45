// format_source: parse, print canonically, and re-read the result to prove
// it means what the source meant.
#include "zhunru/format.hpp"

#include "ast/dump.hpp"
#include "base/source_file.hpp"
#include "diagnostics/render.hpp"
#include "format/formatter.hpp"
#include "syntax/parse.hpp"

namespace zhunru {
namespace {

// The same rules (spans aside) and as many comments: a formatter bug never
// reaches an author's file.
bool same_meaning(const ast::File& original, const std::string& formatted) {
  SourceSet scratch;
  const SourceFile& source = scratch.add(original.path, formatted);
  const syntax::ParseResult reparsed = syntax::parse(source);
  return !has_errors(reparsed.diagnostics) && ast::dump(reparsed.file) == ast::dump(original) &&
         reparsed.file.comments.size() == original.comments.size();
}

}  // namespace

FormatResult format_source(const SourceText& source, const FormatOptions& options) {
  FormatResult result;
  auto sources = std::make_shared<SourceSet>();
  const SourceFile& file = sources->add(source.path, source.text);
  result.sources = sources;
  syntax::ParseResult parsed = syntax::parse(file);
  result.source_keywords = parsed.keyword_lang;
  result.diagnostics = std::move(parsed.diagnostics);
  if (has_errors(result.diagnostics)) return result;

  format::FormatOptions format_options;
  format_options.lang = options.keywords.value_or(parsed.keyword_lang);
  format_options.max_width = options.max_width;
  std::string formatted = format::format(parsed.file, format_options);
  if (!same_meaning(parsed.file, formatted)) {
    Diagnostic d;
    d.code = "format.changes-meaning";
    d.location.file = source.path;
    d.message = {"internal error: formatting would change the meaning of this file; it is left as it is",
                 "内部错误：格式化会改变此文件的含义，未作修改"};
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  result.text = std::move(formatted);
  return result;
}

std::string FormatResult::render(Lang lang) const { return render_all(diagnostics, sources.get(), lang); }

}  // namespace zhunru
