// Or and and of any number of terms, as one n-ary application: a chain of
// binary ones (`a = a || t` in a loop) is as deep as it is long, and Z3
// simplifies and frees deep terms slowly — a scope of 100,000 districts built
// as a chain took the auditor past 5 minutes and 15 GB.
#pragma once

#include <z3++.h>

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

}  // namespace zhunru::auditing
