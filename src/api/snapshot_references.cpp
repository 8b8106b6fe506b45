#include "api/snapshot_references.hpp"

#include <string>

#include "api/snapshot_codec.hpp"
#include "model/condition_depth.hpp"

namespace zhunru::snapshot {
namespace {

using namespace model;

void require(bool ok, const char* what) {
  if (!ok) throw Damaged(std::string("the snapshot's model is inconsistent: ") + what);
}

void check_fact(const Model& m, FactId id, std::initializer_list<FactKind> kinds) {
  require(id < m.facts.size(), "a condition names a fact that does not exist");
  bool fits = false;
  for (FactKind k : kinds) fits = fits || m.facts[id].kind == k;
  require(fits, "a condition tests a fact of another type");
}

void check_num(const Model& m, NumId self, const NumNode& node) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, NumFact>) {
          check_fact(m, n.fact, {FactKind::number, FactKind::quantity, FactKind::date, FactKind::boolean});
        } else if constexpr (std::is_same_v<T, NumArith>) {
          require(n.lhs < self && n.rhs < self, "a number refers forward");
        } else if constexpr (std::is_same_v<T, NumNeg>) {
          require(n.operand < self, "a number refers forward");
        } else if constexpr (std::is_same_v<T, NumItem>) {
          check_fact(m, n.fact, {FactKind::amounts});
          const auto& per = m.facts[n.fact].per;
          require(per && *per < m.facts.size() && n.value < m.facts[*per].values.size(), "an amount of an unknown value");
        }
      },
      node);
}

void check_cond(const Model& m, CondId self, const CondNode& node) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, BoolFact>) {
          check_fact(m, n.fact, {FactKind::boolean});
        } else if constexpr (std::is_same_v<T, Compare>) {
          require(n.lhs < m.nums.size() && n.rhs < m.nums.size(), "a comparison names a number that does not exist");
        } else if constexpr (std::is_same_v<T, EnumIn> || std::is_same_v<T, EnumHas>) {
          check_fact(m, n.fact, {std::is_same_v<T, EnumIn> ? FactKind::enumeration : FactKind::enum_set});
          for (std::uint32_t v : n.values) require(v < m.facts[n.fact].values.size(), "an unknown value");
        } else if constexpr (std::is_same_v<T, IndustryIn>) {
          check_fact(m, n.fact, {FactKind::industry});
        } else if constexpr (std::is_same_v<T, TextIn>) {
          check_fact(m, n.fact, {FactKind::text});
        } else if constexpr (std::is_same_v<T, Not>) {
          require(n.operand < self, "a condition refers forward");
        } else if constexpr (std::is_same_v<T, All> || std::is_same_v<T, Any>) {
          for (CondId c : n.operands) require(c < self, "a condition refers forward");
        } else if constexpr (std::is_same_v<T, IsKind>) {
          require(n.kind < m.kinds.size(), "a kind test names a kind that does not exist");
        } else if constexpr (std::is_same_v<T, SiteSpatial>) {
          require(n.layer < m.layers.size(), "a spatial condition names a layer that does not exist");
          require(n.geometry <= m.geometries.size(), "a spatial condition names a geometry that does not exist");
        }
      },
      node);
}

void check_optional(const Model& m, const std::optional<CondId>& c) {
  require(!c || *c < m.conds.size(), "a rule names a condition that does not exist");
}

}  // namespace

void check_references(const Model& m) {
  // Facts first: the enumeration tests below are checked against their values.
  for (const Fact& f : m.facts) {
    require(f.values.size() <= kMaxEnumValues, "an enumerated fact has too many values");
    require((f.kind == FactKind::amounts) == f.per.has_value() &&
                (!f.per || (*f.per < m.facts.size() && m.facts[*f.per].kind == FactKind::enum_set)),
            "a fact of amounts is not keyed by a set fact");
    // A value sits under one declared before it: Fact::with_values_under walks them in order.
    for (std::uint32_t v = 0; v < f.values.size(); ++v) {
      require(!f.values[v].parent || *f.values[v].parent < v, "a value sits under one declared after it");
    }
  }
  for (const Layer& l : m.layers) {
    for (LayerId o : l.of) require(o < m.layers.size(), "a layer is the intersection of a layer that does not exist");
  }
  for (const Table& t : m.tables) require(!t.of || *t.of < m.tables.size(), "a table is filtered from a table that does not exist");
  for (NumId i = 0; i < m.nums.size(); ++i) check_num(m, i, m.nums[i]);
  for (const Kind& k : m.kinds) require(k.condition < m.conds.size(), "a kind's condition does not exist");
  for (CondId i = 0; i < m.conds.size(); ++i) check_cond(m, i, m.conds[i]);
  // A kind may be declared after a kind that tests it, so `is` tests may refer
  // forward: walks end only if no condition reaches itself through them.
  ConditionDepth depth(m);
  for (CondId i = 0; i < m.conds.size(); ++i) {
    const auto d = depth.of(i);
    require(d.has_value(), "a condition reaches itself through kind tests");
    require(*d <= kMaxConditionDepth, "a condition nests deeper than the checker allows");
  }
  for (TierId i = 0; i < m.tiers.size(); ++i) {
    const auto& parent = m.tiers[i].parent;
    // A parent a level up, or a city containing a city (a shorter territory
    // prefix): the walk from a unit to the nation always ends.
    const auto above = [&](const Tier& p, const Tier& t) {
      return p.level < t.level ||
             (p.level == t.level && t.level == TierLevel::city && territory_prefix(p).size() < territory_prefix(t).size());
    };
    require(!parent || (*parent < m.tiers.size() && above(m.tiers[*parent], m.tiers[i])),
            "a tier's parent is not a level above it");
  }
  for (const Rule& r : m.rules) {
    require(r.tier < m.tiers.size(), "a rule's tier does not exist");
    // As the checker links them: the rule restated lies in a tier strictly
    // above, so following restatements always ends (the auditor does).
    const auto restated_above = [&] {
      if (*r.restates >= m.rules.size()) return false;
      const TierId upper = m.rules[*r.restates].tier;
      for (std::optional<TierId> t = m.tiers[r.tier].parent; t; t = m.tiers[*t].parent) {
        if (*t == upper) return true;
      }
      return false;
    };
    require(!r.restates || restated_above(), "a rule restates a rule that is not in a tier above it");
    require(r.source.file < m.files.size(), "a rule's file does not exist");
    for (const auto& c : {r.subject, r.where, r.unless, r.requirement}) check_optional(m, c);
    for (CondId c : r.spatial) require(c < m.conds.size(), "a rule names a condition that does not exist");
  }
}

}  // namespace zhunru::snapshot
