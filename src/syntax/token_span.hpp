// The span of an ANTLR token in our coordinates (1-based, code points).
#pragma once

#include "antlr4-runtime.h"
#include "base/span.hpp"
#include "base/utf8.hpp"

namespace zhunru::syntax {

/// Tokens never span lines (strings and comments end at the line break).
inline Span token_span(const antlr4::Token* t, FileId file) {
  const auto line = static_cast<std::uint32_t>(t->getLine());
  const auto column = static_cast<std::uint32_t>(t->getCharPositionInLine() + 1);
  const auto length =
      t->getType() == antlr4::Token::EOF ? 0U : static_cast<std::uint32_t>(utf8::length(t->getText()));
  return Span{file, {line, column}, {line, column + length}};
}

}  // namespace zhunru::syntax
