#include "audit/query_watchdog.hpp"

#include <algorithm>

namespace zhunru::auditing {

QueryWatchdog::QueryWatchdog(unsigned limit_ms) : limit_(limit_ms) {
  if (limit_ms > 0) thread_ = std::thread([this] { watch(); });
}

QueryWatchdog::~QueryWatchdog() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

z3::check_result QueryWatchdog::check(z3::context& ctx, z3::solver& solver) {
  if (limit_.count() == 0) return solver.check();
  {
    const std::lock_guard lock(mutex_);
    running_.push_back({&ctx, Clock::now() + limit_});
  }
  struct Finished {  // however the check ends, its context is no longer watched
    QueryWatchdog& watchdog;
    z3::context& ctx;
    ~Finished() {
      const std::lock_guard lock(watchdog.mutex_);
      std::erase_if(watchdog.running_, [this](const Running& r) { return r.ctx == &ctx; });
    }
  } finished{*this, ctx};
  return solver.check();
}

void QueryWatchdog::watch() {
  // Looked at ten times a limit (at most every 100 ms): a query is stopped
  // within a tenth of its limit after it ran out.
  const auto tick = std::clamp(limit_ / 10, std::chrono::milliseconds(1), std::chrono::milliseconds(100));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, tick, [this] { return stopping_; })) {
    const Clock::time_point now = Clock::now();
    for (Running& r : running_) {
      if (r.deadline > now) continue;
      Z3_interrupt(*r.ctx);  // the check returns unknown ("canceled"); the context stays usable
      r.deadline = Clock::time_point::max();
    }
  }
}

}  // namespace zhunru::auditing
