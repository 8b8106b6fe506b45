// The ruleset the service judges with, and what became of its reloads.
// A request takes the current ruleset once and keeps it (a shared_ptr) to
// the end, so a reload swapping in a new one never changes an answer
// half-way; the old one is freed when its last request finishes.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::service {

struct ReloadFailure {
  std::chrono::system_clock::time_point at;
  LocalizedText message;       // what went wrong, in a line
  std::string diagnostics;     // the compiler's report (English), cut to a few KB
};

struct SlotStatus {
  std::shared_ptr<const Ruleset> ruleset;
  std::chrono::system_clock::time_point loaded_at;
  std::size_t reloads = 0;           // new versions swapped in
  std::size_t failed_reloads = 0;    // new versions refused (the old one kept serving)
  std::optional<ReloadFailure> last_failure;  // cleared by the next good reload
};

class RulesetSlot {
 public:
  explicit RulesetSlot(std::shared_ptr<const Ruleset> first);

  [[nodiscard]] std::shared_ptr<const Ruleset> current() const;
  /// Swaps in a newly compiled version; requests in flight keep theirs.
  void swap_in(std::shared_ptr<const Ruleset> next);
  /// A new version did not compile: the current one keeps serving.
  void record_failure(ReloadFailure failure);
  [[nodiscard]] SlotStatus status() const;

 private:
  mutable std::mutex mutex_;
  SlotStatus status_;
};

}  // namespace zhunru::service
