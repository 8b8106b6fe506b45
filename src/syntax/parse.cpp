#include "syntax/parse.hpp"

#include <algorithm>

#include "ZhunruLexer.h"
#include "ZhunruParser.h"
#include "antlr4-runtime.h"
#include "syntax/ast_builder.hpp"
#include "syntax/error_strategy.hpp"
#include "syntax/fast_parser.hpp"
#include "syntax/lexer.hpp"
#include "syntax/token_checks.hpp"

namespace zhunru::syntax {
namespace {

using P = grammar::ZhunruParser;

void refuse_large_file(const SourceFile& source, const ParseOptions& options, DiagnosticSink& sink) {
  const std::string mib = std::to_string(options.max_file_bytes >> 20);
  sink.error("syntax.file-too-large", Span{source.id(), {1, 1}, {1, 1}},
             {"the file is larger than " + mib + " MiB; split the ruleset into several files",
              "文件超过 " + mib + " MiB；请将清单拆分为多个文件"});
}

void report_abort(const SourceFile& source, DiagnosticSink& sink, std::size_t max_errors) {
  const std::string n = std::to_string(max_errors);
  Diagnostic d;
  d.severity = Severity::note;
  d.code = "syntax.too-many-errors";
  d.location = SourceLocation{source.path(), 0, 0, 0, 0};
  d.message = {"stopped after " + n + " errors in this file", "此文件错误超过 " + n + " 处，已停止检查"};
  sink.add(std::move(d));
}

// Lexical, syntax and literal errors are found in separate passes; the
// author reads them top to bottom. File-level notes (line 0) come last.
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto key = [](const Diagnostic& d) {
      return std::pair(d.location.line == 0 ? UINT32_MAX : d.location.line, d.location.column);
    };
    return key(a) < key(b);
  });
}

// Fast path: SLL prediction, giving up at the first error. Most files are
// correct, and SLL is much faster than full LL.
P::FileContext* parse_fast(P& parser) {
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    return nullptr;
  }
}

}  // namespace

ParseResult parse(const SourceFile& source, const ParseOptions& options) {
  ParseResult result;
  result.file.id = source.id();
  result.file.path = source.path();
  DiagnosticSink sink(source, options.max_errors);
  for (const Diagnostic& d : source.encoding_errors()) sink.add(d);
  if (source.text().size() > options.max_file_bytes) {
    refuse_large_file(source, options, sink);
    result.diagnostics = sink.take();
    return result;
  }
  // A clean file needs no parse tree (fast_parser.hpp); the rest, and every
  // diagnostic, go through ANTLR.
  if (options.fast_path) {
    if (std::optional<ParseResult> clean = parse_clean(source, options)) return std::move(*clean);
  }

  antlr4::ANTLRInputStream input(source.text());
  Lexer lexer(&input);
  lexer.removeErrorListeners();  // ERROR_CHAR catches everything; nothing to report
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  result.keyword_lang = keyword_language(tokens.getTokens());
  result.file.comments = collect_comments(tokens.getTokens(), source.id());
  const TokenCheck checked = check_tokens(tokens, sink, options.max_nesting);
  if (!checked.parse) {
    result.diagnostics = sink.take();
    return result;
  }

  P parser(&tokens);
  parser.removeErrorListeners();
  P::FileContext* tree = parse_fast(parser);
  std::shared_ptr<ErrorStrategy> strategy;
  if (tree == nullptr) {
    // Slow path: full LL with our error reporting and recovery.
    tokens.seek(0);
    parser.reset();
    strategy = std::make_shared<ErrorStrategy>(sink, result.keyword_lang, checked.unterminated_strings);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(strategy);
    try {
      tree = parser.file();
    } catch (const ParseAbort&) {
      tree = nullptr;
    }
  }
  if (tree != nullptr && !sink.full()) build_ast(tree, input, sink, strategy.get(), result.keyword_lang, result.file);
  if (sink.full()) report_abort(source, sink, options.max_errors);
  result.diagnostics = sink.take();
  sort_by_position(result.diagnostics);
  return result;
}

}  // namespace zhunru::syntax
