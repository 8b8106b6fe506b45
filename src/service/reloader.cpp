#include "service/reloader.hpp"

#include "service/ruleset_source.hpp"

#include <utility>

namespace zhunru::service {

namespace {
constexpr std::size_t kMaxDiagnosticsBytes = 8192;  // of a failed reload's report, kept for /healthz

std::string cut(std::string text) {
  if (text.size() > kMaxDiagnosticsBytes) {
    std::size_t end = kMaxDiagnosticsBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // whole code points
    text.resize(end);
    text += "\n…";
  }
  return text;
}
}  // namespace

Reloader::Reloader(std::string path, bool repair_maps, std::string seen, std::chrono::milliseconds interval,
                   RulesetSlot& slot, ServiceLog& log)
    : path_(std::move(path)), repair_maps_(repair_maps), interval_(interval), slot_(slot), log_(log),
      seen_(std::move(seen)) {
  thread_ = std::thread([this] { watch(); });
}

Reloader::~Reloader() {
  {
    const std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Reloader::request() {
  {
    const std::lock_guard lock(wake_mutex_);
    requested_ = true;
  }
  wake_.notify_all();
}

bool Reloader::reload_now(const std::string& why) {
  const std::lock_guard lock(reload_mutex_);
  reload_locked(why, fingerprint(path_));
  return !slot_.status().last_failure;
}

void Reloader::watch() {
  // A version is compiled once its files have stopped changing for one
  // interval: an editor saving several files, or a copy in progress, is
  // not compiled half-way.
  std::string pending;
  for (;;) {
    bool asked = false;
    {
      std::unique_lock lock(wake_mutex_);
      const auto wait = interval_.count() > 0 ? interval_ : std::chrono::milliseconds(3'600'000);
      wake_.wait_for(lock, wait, [this] { return stopping_ || requested_; });
      if (stopping_) return;
      asked = std::exchange(requested_, false);
    }
    const std::lock_guard lock(reload_mutex_);
    const std::string now = fingerprint(path_);
    if (asked) {
      reload_locked("signal", now);
    } else if (interval_.count() > 0 && now != seen_) {
      if (now == pending) reload_locked("changed", now);
      pending = now;
    }
  }
}

void Reloader::reload_locked(const std::string& why, const std::string& stamp) {
  seen_ = stamp;  // a broken version is reported once, not recompiled every interval
  const auto started = std::chrono::steady_clock::now();
  auto loaded = load_ruleset(path_, repair_maps_);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!loaded) {
    const LoadProblem& p = loaded.error();
    slot_.record_failure({std::chrono::system_clock::now(), p.message, cut(p.diagnostics)});
    log_.event("reload-failed", {{"why", why},
                                 {"seconds", seconds},
                                 {"message", {{"en", p.message.en}, {"zh", p.message.zh}}},
                                 {"serving", slot_.current()->hash()}});
    return;
  }
  const std::shared_ptr<const Ruleset> next = std::move(loaded).value();
  const std::string old_hash = slot_.current()->hash();
  if (next->hash() == old_hash && !slot_.status().last_failure) {
    log_.event("reload-unchanged", {{"why", why}, {"seconds", seconds}, {"hash", old_hash}});
    return;
  }
  slot_.swap_in(next);
  log_.event("reloaded", {{"why", why},
                          {"seconds", seconds},
                          {"old", old_hash},
                          {"hash", next->hash()},
                          {"version", next->version()},
                          {"rules", next->rule_count()}});
}

}  // namespace zhunru::service
