#include "eval/conditions.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "eval/compare_numbers.hpp"
#include "model/industry_classification.hpp"

namespace zhunru::eval {
namespace {

Truth truth(bool b) { return b ? Truth::is_true : Truth::is_false; }

bool compare(std::uint8_t op, double l, double r) { return compare_numbers(static_cast<ast::CompareOp>(op), l, r); }

}  // namespace

ConditionEvaluator::ConditionEvaluator(const ir::Program& program, const maps::Maps& maps,
                                       const Project::Data& project, spatial::SiteOracle& oracle, std::int32_t today)
    : p_(program), maps_(maps), project_(project), oracle_(oracle), today_(today), kinds_(program.kinds.size()) {
  missing_.reserve(16);
}

void ConditionEvaluator::set_unit(std::uint32_t u) {
  if (u == unit_) return;
  unit_ = u;
  // Kinds that test the site have another value in another unit.
  for (KindMemo& memo : kinds_) {
    if (memo.spatial) memo = KindMemo{};
  }
}

const FactValue* ConditionEvaluator::known(ir::Slot slot) {
  const FactValue& v = project_.values[slot];
  if (v.known) return &v;
  missing_.push_back(slot);
  return nullptr;
}

Truth ConditionEvaluator::eval(ir::NodeId node) {
  const std::size_t mark = missing_.size();
  const Truth t = eval_node(p_.nodes[node]);
  if (t != Truth::unknown) missing_.resize(mark);
  return t;
}

Truth ConditionEvaluator::kind(std::uint32_t k) {
  KindMemo& memo = kinds_[k];
  if (memo.state != 0) {
    spatial_seen_ = spatial_seen_ || memo.spatial;
    const auto t = static_cast<Truth>(memo.state - 1);
    if (t == Truth::unknown) {
      missing_.insert(missing_.end(), kind_missing_.begin() + memo.missing_begin,
                      kind_missing_.begin() + memo.missing_end);
    }
    return t;
  }
  const std::size_t mark = missing_.size();
  const bool seen_before = spatial_seen_;
  spatial_seen_ = false;
  const Truth t = eval(p_.kinds[k]);
  // Re-index: evaluating the kind may have memoised others.
  KindMemo& done = kinds_[k];
  done.state = static_cast<std::uint8_t>(static_cast<int>(t) + 1);
  done.spatial = spatial_seen_;
  spatial_seen_ = spatial_seen_ || seen_before;
  if (t == Truth::unknown) {
    // Kept as a set: kinds each testing the next twice would otherwise replay
    // their slots 2^depth times (60 such kinds: evaluation never ended).
    const auto begin = missing_.begin() + static_cast<std::ptrdiff_t>(mark);
    std::sort(begin, missing_.end());
    missing_.erase(std::unique(begin, missing_.end()), missing_.end());
    done.missing_begin = static_cast<std::uint32_t>(kind_missing_.size());
    kind_missing_.insert(kind_missing_.end(), missing_.begin() + static_cast<std::ptrdiff_t>(mark), missing_.end());
    done.missing_end = static_cast<std::uint32_t>(kind_missing_.size());
  }
  return t;
}

std::optional<double> ConditionEvaluator::num(ir::NumId id) {
  const ir::NumNode& n = p_.nums[id];
  if (n.op == ir::NumOp::constant) return n.value;
  if (n.op == ir::NumOp::fact) {
    const FactValue* v = known(n.a);
    return v ? std::optional(v->number) : std::nullopt;
  }
  if (n.op == ir::NumOp::item) {
    const FactValue* v = known(n.a);
    if (!v) return std::nullopt;
    const auto at = std::lower_bound(v->items.begin(), v->items.end(), n.b);
    if (at != v->items.end() && *at == n.b) return v->amounts[static_cast<std::size_t>(at - v->items.begin())];
    missing_.push_back(n.a);  // given, but not for this value: what it is, is still needed
    return std::nullopt;
  }
  const auto a = num(n.a);
  if (n.op == ir::NumOp::neg) return a ? std::optional(-*a) : std::nullopt;
  const auto b = num(n.b);
  if (!a || !b) return std::nullopt;
  double r = 0.0;
  switch (n.op) {
    case ir::NumOp::add: r = *a + *b; break;
    case ir::NumOp::sub: r = *a - *b; break;
    case ir::NumOp::mul: r = *a * *b; break;
    case ir::NumOp::div: r = *a / *b; break;
    default: break;
  }
  // Division by zero decides nothing: the comparison is unknown, not false.
  if (!std::isfinite(r)) return std::nullopt;
  return r;
}

bool ConditionEvaluator::in_values(const ir::Node& n, std::size_t value) const {
  if (n.b == 0) return value < 64 && ((n.mask >> value) & 1u);
  const auto& words = p_.value_sets[n.b - 1];
  return value / 64 < words.size() && ((words[value / 64] >> (value % 64)) & 1u);
}

Truth ConditionEvaluator::eval_node(const ir::Node& n) {
  switch (n.op) {
    case ir::Op::constant: return truth(n.a != 0);
    case ir::Op::bool_fact: {
      const FactValue* v = known(n.a);
      return v ? truth(v->number != 0.0) : Truth::unknown;
    }
    case ir::Op::compare: {
      const auto l = num(n.a);
      const auto r = num(n.b);
      return l && r ? truth(compare(n.cmp, *l, *r)) : Truth::unknown;
    }
    case ir::Op::enum_in: {
      const FactValue* v = known(n.a);
      if (!v) return Truth::unknown;
      return truth(in_values(n, static_cast<std::size_t>(v->number)));  // an index the project reader checked
    }
    case ir::Op::enum_has: {
      const FactValue* v = known(n.a);
      if (!v) return Truth::unknown;
      return truth(std::any_of(v->items.begin(), v->items.end(), [&](std::uint32_t item) { return in_values(n, item); }));
    }
    case ir::Op::industry_in: {
      const FactValue* v = known(n.a);
      if (!v) return Truth::unknown;
      switch (model::industry_match(v->text, p_.string_sets[n.b], n.cmp != 0)) {
        case model::IndustryMatch::yes: return Truth::is_true;
        case model::IndustryMatch::no: return Truth::is_false;
        case model::IndustryMatch::maybe: break;
      }
      missing_.push_back(n.a);  // a coarse code (C30 for C3011): a finer one decides
      return Truth::unknown;
    }
    case ir::Op::text_in: {
      const FactValue* v = known(n.a);
      if (!v) return Truth::unknown;
      const auto& values = p_.string_sets[n.b];
      return truth(std::binary_search(values.begin(), values.end(), v->text));
    }
    case ir::Op::negate: {
      const Truth t = eval(n.a);
      return t == Truth::unknown ? t : truth(t == Truth::is_false);
    }
    case ir::Op::all:
    case ir::Op::any: {
      const Truth decisive = n.op == ir::Op::all ? Truth::is_false : Truth::is_true;
      Truth result = n.op == ir::Op::all ? Truth::is_true : Truth::is_false;
      for (std::uint32_t i = 0; i < n.b; ++i) {
        const Truth t = eval(p_.children[n.a + i]);
        if (t == decisive) return t;
        if (t == Truth::unknown) result = Truth::unknown;
      }
      return result;
    }
    case ir::Op::is_kind: return kind(n.a);
    case ir::Op::spatial: return spatial(n);
    case ir::Op::as_of_in:
      return truth(today_ >= std::bit_cast<std::int32_t>(n.a) && today_ <= std::bit_cast<std::int32_t>(n.b));
  }
  return Truth::unknown;
}

/// A test on a layer picked by facts this project does not give. Every test
/// holds for more features only more surely, so if it fails with every
/// feature of the layer, it fails whichever the facts pick: a site far from
/// every wetland park needs no `use` to clear them all.
Truth ConditionEvaluator::without_pick(const model::SiteSpatial& test, const geo::Geometry* part, std::uint32_t key,
                                       ir::Slot slot, const std::vector<ir::Slot>& facts) {
  const auto [positive, negated] = model::positive_form(test);
  const Truth any = part ? oracle_.test(positive, part, key) : Truth::unknown;
  if (any == Truth::is_false) return negated ? Truth::is_true : Truth::is_false;
  missing_.insert(missing_.end(), facts.begin(), facts.end());
  if (any == Truth::unknown) missing_.push_back(slot);
  return Truth::unknown;
}

Truth ConditionEvaluator::spatial(const ir::Node& n) {
  spatial_seen_ = true;
  const model::SiteSpatial test{static_cast<ast::SpatialOp>(n.cmp), n.a, std::bit_cast<double>(n.mask),
                                static_cast<model::OverlapMeasure>(n.b & 0xff), n.b >> 8};
  // The site's part in this unit; a project geometry whole, in every unit.
  const bool site = test.geometry == model::kSite;
  const geo::Geometry* part = nullptr;
  if (site && unit_ < project_.parts.size()) {
    part = project_.parts[unit_].get();
  } else if (!site && test.geometry <= project_.geometries.size() && project_.geometries[test.geometry - 1]) {
    part = project_.geometries[test.geometry - 1]->geometry.get();
  }
  const std::uint32_t key = site ? unit_ : kGeometryKeys + test.geometry;
  const ir::Slot slot = site ? site_slot(p_) : site_slot(p_) + test.geometry;
  const spatial::FeaturePick* pick = nullptr;
  if (const maps::PickedLayer* picked = maps_.picked(n.a)) {
    if (pickings_.empty()) pickings_.resize(maps_.picks.size());
    auto& p = pickings_[n.a];
    if (!p) {
      p = std::make_unique<Picking>(Picking{FeaturePicker(*picked, project_.values), Truth::unknown, {}, {}});
      p->ready = p->picker.ready(p->missing);
      p->pick = [picker = &p->picker](std::uint32_t f) { return (*picker)(f); };
    }
    if (p->ready == Truth::unknown) return without_pick(test, part, key, slot, p->missing);
    pick = &p->pick;
  }
  const Truth t = oracle_.test(test, part, key, pick);
  if (t == Truth::unknown) missing_.push_back(slot);
  return t;
}

}  // namespace zhunru::eval
