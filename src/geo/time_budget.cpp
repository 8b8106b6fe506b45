#include "geo/time_budget.hpp"

#include <geos/util/Interrupt.h>

#include <algorithm>
#include <mutex>

namespace zhunru::geo {
namespace {

using Clock = std::chrono::steady_clock;

// The deadline of this thread's innermost budget; max(): none.
thread_local Clock::time_point t_deadline = Clock::time_point::max();

// Whatever callback was registered before ours (an embedding program's), called first.
geos::util::Interrupt::Callback* g_previous = nullptr;

void throw_if_late() {
  if (t_deadline != Clock::time_point::max() && Clock::now() > t_deadline) throw OutOfTime();
}

void check_deadline() {
  if (g_previous) g_previous();
  // Thrown here, on this thread, rather than through Interrupt::request(),
  // whose flag is process-wide and would stop another thread's work.
  throw_if_late();
}

void register_once() {
  static std::once_flag once;
  std::call_once(once, [] { g_previous = geos::util::Interrupt::registerCallback(&check_deadline); });
}

}  // namespace

Deadline deadline_after(double seconds) {
  if (!(seconds >= 0.0 && seconds < 1e6)) return Deadline::max();
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

TimeBudget::TimeBudget(Deadline deadline) : previous_(t_deadline) {
  register_once();
  t_deadline = std::min(previous_, deadline);  // an enclosing budget that ends first stands
}

TimeBudget::~TimeBudget() { t_deadline = previous_; }

void check_time_budget() { throw_if_late(); }

}  // namespace zhunru::geo
