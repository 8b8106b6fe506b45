// Checks on the token stream before parsing: problems a rule author should
// hear about in plain words, not as parser confusion.
#pragma once

#include <cstddef>
#include <vector>

#include "antlr4-runtime.h"
#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::syntax {

/// Reports stray characters (then hidden from the parser) and unterminated
/// strings (then parsed as strings), so parsing goes on without a cascade.
/// Returns false when brackets or prefix operators nest deeper than
/// `max_nesting`: such a file is not parsed at all.
bool check_tokens(antlr4::BufferedTokenStream& tokens, DiagnosticSink& sink, std::size_t max_nesting);

/// The language most of the file's keywords are written in.
Lang keyword_language(const std::vector<antlr4::Token*>& tokens);

/// The `#` and `//` comments, for `fmt`.
std::vector<ast::Comment> collect_comments(const std::vector<antlr4::Token*>& tokens, FileId file);

}  // namespace zhunru::syntax
