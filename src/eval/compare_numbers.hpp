// How the evaluator compares two numbers of a project and a rule (or a map).
#pragma once

#include <algorithm>
#include <cmath>

#include "ast/ast.hpp"

namespace zhunru::eval {

/// Equal up to rounding: `9 kg/a` converted to t/a is 0.009000000000000001,
/// and must still equal a limit of 0.009 t/a. Twelve significant digits are
/// far beyond any measured quantity in a project file.
inline bool same_number(double l, double r) { return std::fabs(l - r) <= 1e-12 * std::max(std::fabs(l), std::fabs(r)); }

inline bool compare_numbers(ast::CompareOp op, double l, double r) {
  switch (op) {
    case ast::CompareOp::eq: return same_number(l, r);
    case ast::CompareOp::ne: return !same_number(l, r);
    case ast::CompareOp::lt: return l < r && !same_number(l, r);
    case ast::CompareOp::le: return l < r || same_number(l, r);
    case ast::CompareOp::gt: return l > r && !same_number(l, r);
    case ast::CompareOp::ge: return l > r || same_number(l, r);
  }
  return false;
}

}  // namespace zhunru::eval
