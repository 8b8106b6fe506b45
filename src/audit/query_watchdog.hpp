// A time limit on Z3 queries without a timer per query.
//
// Z3's `timeout` parameter arms a timer around every check: on Z3 4.8 a
// thread is woken and put back to sleep for each query, and on this VM those
// wake-ups took 40 % of auditing 10,000 rules (103,000 queries). One watchdog
// thread instead looks at the running queries a few times a limit and
// interrupts a context whose query has run past it; a check costs two
// uncontended mutex operations.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include <z3++.h>

namespace zhunru::auditing {

class QueryWatchdog {
 public:
  /// `limit_ms`: the time one query may take; 0 for none (no thread is started).
  explicit QueryWatchdog(unsigned limit_ms);
  ~QueryWatchdog();
  QueryWatchdog(const QueryWatchdog&) = delete;
  QueryWatchdog& operator=(const QueryWatchdog&) = delete;

  /// `solver.check()`, interrupted (z3::unknown) once it runs past the limit.
  /// Safe to call from several threads, each with its own context.
  z3::check_result check(z3::context& ctx, z3::solver& solver);

 private:
  using Clock = std::chrono::steady_clock;
  struct Running {
    z3::context* ctx;
    Clock::time_point deadline;
  };
  void watch();

  const std::chrono::milliseconds limit_;
  std::mutex mutex_;  // guards running_ and stopping_; held while interrupting, so a query
                      // never ends and the next one starts between the decision and the interrupt
  std::condition_variable wake_;
  std::vector<Running> running_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zhunru::auditing
