#include "ast/ast.hpp"

namespace zhunru::ast {

Span span_of(const Item& item) {
  return std::visit([](const auto& i) { return i.span; }, item);
}

}  // namespace zhunru::ast
