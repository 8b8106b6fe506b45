// Or and and of any number of terms, as one n-ary application: a chain of
// binary ones (`a = a || t` in a loop) is as deep as it is long, and Z3
// simplifies and frees deep terms slowly — a scope of 100,000 districts built
// as a chain took the auditor past 5 minutes and 15 GB.
#pragma once

#include <z3++.h>

#include <algorithm>
#include <vector>

namespace zhunru::auditing {

inline z3::expr any_of(z3::context& ctx, const std::vector<z3::expr>& terms) {
  if (terms.size() == 1) return terms.front();
  z3::expr_vector v(ctx);
  for (const z3::expr& t : terms) v.push_back(t);
  return z3::mk_or(v);  // false when empty
}

inline z3::expr all_of(z3::context& ctx, const std::vector<z3::expr>& terms) {
  if (terms.size() == 1) return terms.front();
  z3::expr_vector v(ctx);
  for (const z3::expr& t : terms) v.push_back(t);
  return z3::mk_and(v);  // true when empty
}

/// `v` is one of `values` (in any order, repeats allowed), written as
/// ranges of consecutive values (`3 <= v <= 7`) instead of one equality
/// each: the negation of an equality is a disequality, which integer
/// arithmetic can only split in two (v < k or v > k), while the negation of
/// a range is two bounds. A class of 40 industries, negated, made every
/// satisfiable query an order of magnitude slower than an unsatisfiable one.
inline z3::expr one_of_values(const z3::expr& v, std::vector<int> values) {
  z3::context& ctx = v.ctx();
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<z3::expr> ranges;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j + 1 < values.size() && values[j + 1] == values[j] + 1) ++j;
    ranges.push_back(i == j ? v == values[i] : v >= values[i] && v <= values[j]);
    i = j + 1;
  }
  return any_of(ctx, ranges);
}

}  // namespace zhunru::auditing
