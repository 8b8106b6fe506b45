// A span-free S-expression of an AST. Two files have the same meaning as
// far as the syntax goes exactly when their dumps are equal; `fmt`'s
// round-trip tests and the parser's golden tests rely on this.
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace zhunru::ast {

std::string dump(const File& file);

}  // namespace zhunru::ast
