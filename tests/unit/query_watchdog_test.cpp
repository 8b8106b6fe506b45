// The audit's time limit on solver queries (audit/query_watchdog.hpp): one
// watchdog thread interrupts a query that runs past its limit, the context
// answers the next query as usual, and contexts on other threads are limited
// alike. The hard query puts 14 pigeons in 13 holes, which takes a CDCL
// solver far longer than any test may run: without the interrupt this test
// would not end in time.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "audit/query_watchdog.hpp"

using zhunru::auditing::QueryWatchdog;

namespace {

/// Each of 14 pigeons in one of 13 holes, no two in one: unsatisfiable, and
/// exponentially hard to refute by resolution.
void assert_pigeonhole(z3::context& ctx, z3::solver& s) {
  constexpr int kHoles = 13;
  std::vector<std::vector<z3::expr>> in(kHoles + 1);
  for (int p = 0; p <= kHoles; ++p) {
    z3::expr_vector somewhere(ctx);
    for (int h = 0; h < kHoles; ++h) {
      in[p].push_back(ctx.bool_const(("p" + std::to_string(p) + "h" + std::to_string(h)).c_str()));
      somewhere.push_back(in[p].back());
    }
    s.add(z3::mk_or(somewhere));
  }
  for (int h = 0; h < kHoles; ++h) {
    for (int p = 0; p <= kHoles; ++p) {
      for (int q = p + 1; q <= kHoles; ++q) s.add(!in[p][h] || !in[q][h]);
    }
  }
}

}  // namespace

TEST_CASE("query watchdog: a query past its limit is interrupted, and the context answers the next one") {
  QueryWatchdog watchdog(200);
  z3::context ctx;
  z3::solver s(ctx);
  s.push();
  assert_pigeonhole(ctx, s);
  CHECK(watchdog.check(ctx, s) == z3::unknown);
  const std::string reason = s.reason_unknown();
  CHECK((reason == "canceled" || reason == "interrupted"));  // Z3 4.8 says the first, later versions the second
  s.pop();
  s.add(ctx.int_const("x") > 3);
  CHECK(watchdog.check(ctx, s) == z3::sat);  // an interrupt does not outlive its query
  CHECK(watchdog.check(ctx, s) == z3::sat);
}

TEST_CASE("query watchdog: contexts on several threads are each limited") {
  QueryWatchdog watchdog(200);
  std::vector<z3::check_result> results(3, z3::sat);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&watchdog, &results, i] {
      z3::context ctx;
      z3::solver s(ctx);
      assert_pigeonhole(ctx, s);
      results[i] = watchdog.check(ctx, s);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const z3::check_result r : results) CHECK(r == z3::unknown);
}

TEST_CASE("query watchdog: no limit starts no thread and answers as the solver does") {
  QueryWatchdog watchdog(0);
  z3::context ctx;
  z3::solver s(ctx);
  s.add(ctx.int_const("x") > 3 && ctx.int_const("x") < 2);
  CHECK(watchdog.check(ctx, s) == z3::unsat);
}
