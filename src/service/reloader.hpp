// Hot reload: watches the ruleset (polling a fingerprint of its files) and
// reloads on a change or when asked (SIGHUP, POST /v1/reload). A new
// version that compiles is swapped in whole; one that does not is reported
// (health, metrics, log) and the old one keeps serving.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "service/ruleset_slot.hpp"
#include "service/service_log.hpp"

namespace zhunru::service {

class Reloader {
 public:
  /// `seen`: the fingerprint the current ruleset was compiled from.
  /// `interval` 0: no watching, only reloads on request.
  Reloader(std::string path, bool repair_maps, std::string seen, std::chrono::milliseconds interval,
           RulesetSlot& slot, ServiceLog& log);
  ~Reloader();  // stops the watcher
  Reloader(const Reloader&) = delete;
  Reloader& operator=(const Reloader&) = delete;

  /// Reload soon, changed or not (wakes the watcher; returns at once).
  void request();
  /// Reload now on the caller's thread; true when the ruleset now serving
  /// came from this call (or was already the same version).
  bool reload_now(const std::string& why);

 private:
  void watch();
  void reload_locked(const std::string& why, const std::string& stamp);

  const std::string path_;
  const bool repair_maps_;
  const std::chrono::milliseconds interval_;
  RulesetSlot& slot_;
  ServiceLog& log_;
  std::mutex reload_mutex_;   // one compile at a time
  std::string seen_;          // guarded by reload_mutex_
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool requested_ = false;    // guarded by wake_mutex_
  bool stopping_ = false;     // guarded by wake_mutex_
  std::thread thread_;
};

}  // namespace zhunru::service
