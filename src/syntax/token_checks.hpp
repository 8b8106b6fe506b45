// Checks on the token stream before parsing: problems a rule author should
// hear about in plain words, not as parser confusion.
#pragma once

#include <cstddef>
#include <unordered_set>
#include <vector>

#include "antlr4-runtime.h"
#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::syntax {

struct TokenCheck {
  bool parse = true;  // false: nesting too deep, the file is not parsed
  /// Unterminated strings, by token index: the statement they end is cut
  /// short, and saying so again would only repeat the same error.
  std::unordered_set<std::size_t> unterminated_strings;
};

/// Reports lexical mistakes and repairs them so parsing goes on without a
/// cascade: an unterminated or curly-quoted string becomes a string, `。`
/// a `;`, `【】` brackets; any other stray character is hidden. Refuses
/// brackets or prefix operators nested deeper than `max_nesting`.
TokenCheck check_tokens(antlr4::BufferedTokenStream& tokens, DiagnosticSink& sink, std::size_t max_nesting);

/// The language most of the file's keywords are written in (judged on its
/// first 200 keywords).
Lang keyword_language(const std::vector<antlr4::Token*>& tokens);

/// The `#` and `//` comments, for `fmt`.
std::vector<ast::Comment> collect_comments(const std::vector<antlr4::Token*>& tokens, FileId file);

}  // namespace zhunru::syntax
