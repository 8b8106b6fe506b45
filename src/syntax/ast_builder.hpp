// Builds our AST from an ANTLR parse tree. ANTLR types stop here.
//
// Besides copying structure, the builder checks what needs no name
// resolution: quantities and units, string escapes, dates, tier and unit
// codes, misspelt tier or dimension keywords, rules outside a dimension
// section, repeated metadata. Statements the parser marked broken are
// skipped: their errors are already reported.
#pragma once

#include "ZhunruParser.h"
#include "antlr4-runtime.h"
#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"
#include "syntax/error_strategy.hpp"

namespace zhunru::syntax {

/// Appends the items of `tree` to `out`. `strategy` may be null when the
/// parse had no errors.
void build_ast(grammar::ZhunruParser::FileContext* tree, antlr4::CharStream& input, DiagnosticSink& sink,
               const ErrorStrategy* strategy, Lang keyword_lang, ast::File& out);

}  // namespace zhunru::syntax
