// A syntax error as plain data, and how it becomes a diagnostic.
//
// The error strategy (ANTLR side) fills a SyntaxProblem; composing the
// message is kept apart so the wording can be tested without a parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/span.hpp"
#include "diagnostics/sink.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::syntax {

struct TokenInfo {
  std::size_t type = 0;
  std::string text;
  Span span;
};

struct SyntaxProblem {
  enum class Kind { unexpected, extraneous };
  Kind kind = Kind::unexpected;
  TokenInfo found;
  std::optional<TokenInfo> previous;   // the last token before `found`
  std::optional<TokenInfo> next;       // the token after `found`
  std::vector<std::size_t> expected;   // token types
  std::optional<Span> open_brace;      // innermost `{` not yet closed
};

/// Adds the diagnostic for `problem` to `sink`. Keywords in the message are
/// quoted in `keyword_lang`, the language the file's keywords are written in.
void report_syntax_problem(DiagnosticSink& sink, const SyntaxProblem& problem, Lang keyword_lang);

}  // namespace zhunru::syntax
