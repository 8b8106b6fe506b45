// The span of an ANTLR token in our coordinates (1-based, code points).
#pragma once

#include "antlr4-runtime.h"
#include "base/span.hpp"

namespace zhunru::syntax {

/// Tokens never span lines (strings and comments end at the line break).
/// Start and stop index the code points of the input, so no text is needed.
inline Span token_span(const antlr4::Token* t, FileId file) {
  const auto line = static_cast<std::uint32_t>(t->getLine());
  const auto column = static_cast<std::uint32_t>(t->getCharPositionInLine() + 1);
  const bool empty = t->getType() == antlr4::Token::EOF || t->getStopIndex() < t->getStartIndex();
  const auto length = empty ? 0U : static_cast<std::uint32_t>(t->getStopIndex() - t->getStartIndex() + 1);
  return Span{file, {line, column}, {line, column + length}};
}

}  // namespace zhunru::syntax
