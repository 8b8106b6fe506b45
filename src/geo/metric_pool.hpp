// Reusable PROJ projections for evaluations. Making a projection costs PROJ
// tens of microseconds — more than the rest of a spatial decision — and PROJ
// objects may be used by one thread at a time. So a compiled ruleset keeps a
// pool of PROJ contexts, each with the projections made in it; an evaluation
// leases one context for its lifetime and returns it. Behind a mutex, this is
// the only state a compiled ruleset changes after compiling: a cache, which
// never changes an answer.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "geo/local_metric.hpp"

namespace zhunru::geo {

class MetricPool {
 public:
  /// Central meridians are rounded to this (degrees, ≈ 1 km), so nearby
  /// sites share a projection: the site then lies within 0.005° of it,
  /// where the scale error is still below 1e-8.
  static constexpr double kMeridianStep = 0.01;

  struct Slot;
  class Lease {
   public:
    explicit Lease(const MetricPool& pool);
    Lease(Lease&&) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    /// The projection centred within kMeridianStep / 2 of `lon`.
    Expected<const LocalMetric*, LocalizedText> centred_near(double lon);

   private:
    const MetricPool* pool_;
    std::unique_ptr<Slot> slot_;
  };

  MetricPool();
  ~MetricPool();
  MetricPool(const MetricPool&) = delete;
  MetricPool& operator=(const MetricPool&) = delete;

 private:
  std::unique_ptr<Slot> take() const;
  void give_back(std::unique_ptr<Slot> slot) const;

  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Slot>> free_;
};

}  // namespace zhunru::geo
