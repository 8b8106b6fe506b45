#include "service/ruleset_slot.hpp"

#include <utility>

namespace zhunru::service {

RulesetSlot::RulesetSlot(std::shared_ptr<const Ruleset> first) {
  status_.ruleset = std::move(first);
  status_.loaded_at = std::chrono::system_clock::now();
}

std::shared_ptr<const Ruleset> RulesetSlot::current() const {
  const std::lock_guard lock(mutex_);
  return status_.ruleset;
}

void RulesetSlot::swap_in(std::shared_ptr<const Ruleset> next) {
  std::shared_ptr<const Ruleset> old;  // freed outside the lock: a large ruleset takes a while
  {
    const std::lock_guard lock(mutex_);
    old = std::exchange(status_.ruleset, std::move(next));
    status_.loaded_at = std::chrono::system_clock::now();
    ++status_.reloads;
    status_.last_failure.reset();
  }
}

void RulesetSlot::record_failure(ReloadFailure failure) {
  const std::lock_guard lock(mutex_);
  ++status_.failed_reloads;
  status_.last_failure = std::move(failure);
}

SlotStatus RulesetSlot::status() const {
  const std::lock_guard lock(mutex_);
  return status_;
}

}  // namespace zhunru::service
