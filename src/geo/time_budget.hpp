// A time budget for GEOS work on the calling thread. Overlay of a site whose
// parts overlap or cross many times is quadratic in time and memory (100,000
// copies of one 2-point line grew to 3.4 GB); GEOS checks for interrupts in
// its loops, and a budget in scope turns the check into OutOfTime once its
// time is up. Other threads, and GEOS work outside a budget, are untouched.
#pragma once

#include <chrono>
#include <stdexcept>

namespace zhunru::geo {

/// Thrown from inside a GEOS operation on a thread whose budget ran out.
struct OutOfTime : std::runtime_error {
  OutOfTime() : std::runtime_error("the geometry work ran out of time") {}
};

using Deadline = std::chrono::steady_clock::time_point;

/// `seconds` from now; never (Deadline::max()) for no budget to speak of
/// (negative, NaN, a million seconds or more).
Deadline deadline_after(double seconds);

/// While alive, GEOS operations on this thread throw OutOfTime after
/// `seconds` / at `deadline` (or when an enclosing budget ends first).
class TimeBudget {
 public:
  explicit TimeBudget(double seconds) : TimeBudget(deadline_after(seconds)) {}
  explicit TimeBudget(Deadline deadline);
  ~TimeBudget();
  TimeBudget(const TimeBudget&) = delete;
  TimeBudget& operator=(const TimeBudget&) = delete;

 private:
  Deadline previous_;
};

/// Throws OutOfTime when this thread's budget has run out; does nothing
/// without one. For zhunru's own loops over coordinates, which GEOS's
/// interrupt checks do not see (projecting a site to metres, splitting its
/// long edges). Cheap: one clock read; call it every few thousand steps.
void check_time_budget();

}  // namespace zhunru::geo
