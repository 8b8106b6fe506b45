#include "geo/metric_pool.hpp"

#include <proj.h>

#include <cmath>

namespace zhunru::geo {

/// A PROJ context and the projections made in it, by rounded meridian.
struct MetricPool::Slot {
  static constexpr std::size_t kMaxProjections = 256;
  PJ_CONTEXT* context = proj_context_create();
  std::map<long, LocalMetric> metrics;   // declared after the context: destroyed before it
  ~Slot() {
    metrics.clear();
    if (context) proj_context_destroy(context);
  }
};

MetricPool::MetricPool() = default;
MetricPool::~MetricPool() = default;

std::unique_ptr<MetricPool::Slot> MetricPool::take() const {
  {
    const std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      auto slot = std::move(free_.back());
      free_.pop_back();
      return slot;
    }
  }
  return std::make_unique<Slot>();
}

void MetricPool::give_back(std::unique_ptr<Slot> slot) const {
  // Evicted only here, between leases: no projection a lease handed out is freed under it.
  if (slot->metrics.size() > Slot::kMaxProjections) slot->metrics.clear();
  const std::lock_guard lock(mutex_);
  free_.push_back(std::move(slot));
}

MetricPool::Lease::Lease(const MetricPool& pool) : pool_(&pool), slot_(pool.take()) {}
MetricPool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(std::move(other.slot_)) {}
MetricPool::Lease::~Lease() {
  if (slot_) pool_->give_back(std::move(slot_));
}

Expected<const LocalMetric*, LocalizedText> MetricPool::Lease::centred_near(double lon) {
  using R = Expected<const LocalMetric*, LocalizedText>;
  if (!slot_->context) return R::failure({"PROJ could not create a context", "PROJ 无法创建上下文"});
  const long key = std::lround(lon / kMeridianStep);
  if (const auto it = slot_->metrics.find(key); it != slot_->metrics.end()) return &it->second;
  auto metric = LocalMetric::centred_at(static_cast<double>(key) * kMeridianStep, slot_->context);
  if (!metric) return R::failure(metric.error());
  return &slot_->metrics.emplace(key, std::move(metric).value()).first->second;
}

}  // namespace zhunru::geo
