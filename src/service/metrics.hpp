// What the service counts, in Prometheus' text format (GET /metrics):
// requests by route and status, a latency histogram by route, verdicts,
// reloads, requests in flight.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "service/ruleset_slot.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::service {

class Metrics {
 public:
  /// Upper bounds of the latency buckets, in seconds (then +Inf).
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  /// `route` is one of a fixed set of names (never a raw path: a client
  /// must not be able to grow the metrics by inventing paths).
  void observe(const std::string& route, int status, double seconds);
  void count_verdicts(Verdict verdict, std::size_t n = 1) { verdicts_[static_cast<std::size_t>(verdict)].fetch_add(n); }
  void count_refused_busy() { busy_.fetch_add(1); }
  std::atomic<std::size_t>& in_flight() { return in_flight_; }

  [[nodiscard]] std::string prometheus(const SlotStatus& slot) const;

 private:
  struct Histogram {
    std::array<std::size_t, kBuckets.size() + 1> counts{};  // the last: above every bound
    double sum = 0;
    std::size_t count = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::size_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::array<std::atomic<std::size_t>, 4> verdicts_{};
  std::atomic<std::size_t> busy_{0};
  std::atomic<std::size_t> in_flight_{0};
};

}  // namespace zhunru::service
