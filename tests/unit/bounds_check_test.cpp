// The auditor's shortcut for queries that are only bounds on separate
// variables (audit/bounds_check.hpp): it may answer "satisfiable" only when
// Z3 would, so it is checked against Z3 on its corners and on 20,000 random
// conjunctions (bounds, negations, Bools, disjunctions with false, `!=`,
// sums), and it must leave to Z3 whatever is not bounds.
#include <doctest/doctest.h>

#include <random>

#include "audit/bounds_check.hpp"

using zhunru::auditing::BoundsCheck;

namespace {

bool z3_sat(z3::context& ctx, const std::vector<z3::expr>& background, const std::vector<z3::expr>& terms) {
  z3::solver s(ctx);
  for (const auto& e : background) s.add(e);
  for (const auto& e : terms) s.add(e);
  return s.check() == z3::sat;
}

}  // namespace

TEST_CASE("bounds check: its corners agree with Z3, and it leaves what is not bounds to Z3") {
  z3::context ctx;
  const z3::expr i = ctx.int_const("i");
  const z3::expr r = ctx.real_const("r");
  const z3::expr b = ctx.bool_const("b");
  const z3::expr o = ctx.int_const("o");  // constrained beyond bounds by the background
  const std::vector<z3::expr> background{i >= 0, i < 10, r >= 0, o != 3};
  const BoundsCheck check(background);
  const auto sat = [&](std::vector<z3::expr> terms) {
    const bool ours = check.certainly_satisfiable(terms);
    if (ours) CHECK(z3_sat(ctx, background, terms));  // never claims what Z3 denies
    return ours;
  };
  CHECK(sat({i > 3, i < 5}));                          // 4
  CHECK_FALSE(sat({i > 3, i < 4}));                    // no integer
  CHECK_FALSE(sat({i >= 10}));                         // the background's bound
  CHECK(sat({r > ctx.real_val("1/3"), r < ctx.real_val("1/2")}));
  CHECK_FALSE(sat({r > ctx.real_val("1/2"), r <= ctx.real_val("1/2")}));
  CHECK(sat({r >= ctx.real_val("1/2"), r <= ctx.real_val("1/2")}));
  CHECK(sat({i > ctx.int_val(-5), i <= 0}));           // 0
  CHECK(sat({!(i >= 3), i == 2}));                     // a negated bound
  CHECK(sat({b, i == 1}));
  CHECK_FALSE(sat({b, !b}));
  CHECK(sat({(i == 2) || ctx.bool_val(false)}));       // `complies || exempt` with no exemption
  CHECK_FALSE(sat({(i == 2) || (i == 3)}));            // a real disjunction: Z3's
  CHECK_FALSE(sat({i != 2}));                          // a disequality: Z3's
  CHECK_FALSE(sat({o == 4}));                          // the background says more of o than bounds
  CHECK_FALSE(sat({i + 1 > 3}));                       // a sum: Z3's
  CHECK(sat({ctx.bool_val(true), !(ctx.bool_val(false))}));
  CHECK(sat({i >= 2 && (r < 1 && !b)}));
}

TEST_CASE("bounds check: on 20,000 random conjunctions, satisfiable only when Z3 says so") {
  z3::context ctx;
  std::mt19937 rng(16);
  std::vector<z3::expr> ints{ctx.int_const("a"), ctx.int_const("b")};
  std::vector<z3::expr> reals{ctx.real_const("x"), ctx.real_const("y")};
  const z3::expr flag = ctx.bool_const("f");
  const std::vector<z3::expr> background{ints[0] >= 0, ints[0] <= 6, reals[0] >= 0, ints[1] != 2};
  const BoundsCheck check(background);
  std::uniform_int_distribution<int> pick(0, 9);
  std::uniform_int_distribution<int> value(-3, 8);
  const auto atom = [&]() -> z3::expr {
    const bool real = pick(rng) % 2 == 0;
    const z3::expr v = real ? reals[static_cast<std::size_t>(pick(rng) % 2)] : ints[static_cast<std::size_t>(pick(rng) % 2)];
    const int n = value(rng);
    const z3::expr c = real ? ctx.real_val((std::to_string(n) + "/" + std::to_string(1 + pick(rng) % 3)).c_str()) : ctx.int_val(n);
    switch (pick(rng)) {
      case 0: return v < c;
      case 1: return v <= c;
      case 2: return v > c;
      case 3: return c >= v;
      case 4: return v == c;
      case 5: return !(v <= c);
      case 6: return flag;
      case 7: return !flag;
      case 8: return (v > c) || ctx.bool_val(false);
      default: return v != c;
    }
  };
  int claimed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<z3::expr> terms;
    for (int n = 1 + pick(rng) % 4; n > 0; --n) terms.push_back(atom());
    if (!check.certainly_satisfiable(terms)) continue;
    ++claimed;
    INFO(round);
    REQUIRE(z3_sat(ctx, background, terms));
  }
  CHECK(claimed > 2000);  // it does answer, not only decline
}
