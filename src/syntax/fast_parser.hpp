// The front end's fast path: a clean file straight to its AST, without ANTLR.
//
// Most files a compile reads are correct. For them, ANTLR's parse tree is a
// detour: a generated parser allocating a context per rule, walked once by
// the AST builder and thrown away. At national scale (a million rules) that
// was most of a compile. This recursive-descent parser follows
// grammar/ZhunruParser.g4 decision for decision and builds the same AST the
// builder does — the same nodes, spans and arena order — from the tokens of
// fast_lex.
//
// It only ever answers for a clean file: on the first token it does not
// expect, a character its lexer does not know, or anything a literal check
// would report, it gives up, and the ANTLR parser, with its error recovery
// and its messages, parses the file instead. Diagnostics therefore always
// come from one place, and a file is parsed twice only when it has a problem.
#pragma once

#include <optional>

#include "base/source_file.hpp"
#include "syntax/parse.hpp"

namespace zhunru::syntax {

/// The AST of `source` when it is clean and within the nesting limit, as
/// `parse` would give it; nullopt otherwise (and then nothing was reported).
std::optional<ParseResult> parse_clean(const SourceFile& source, const ParseOptions& options);

}  // namespace zhunru::syntax
