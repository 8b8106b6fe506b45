// `zhunru fmt`: the canonical layout of a .rules file.
//
// Canonical means: two-space indents, one statement per line, rule clauses
// that do not fit in 100 columns and all rule metadata on continuation lines,
// at most one blank line where the author left any, comments kept in order
// (a comment inside a statement moves to the line before it). The output
// parses to the same AST as the input, spans aside, in either keyword
// language.
#pragma once

#include <string>

#include "ast/ast.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::format {

struct FormatOptions {
  Lang lang = Lang::en;          // keyword language of the output
  std::size_t max_width = 100;   // display columns (a Chinese character is 2)
};

std::string format(const ast::File& file, const FormatOptions& options = {});

}  // namespace zhunru::format
