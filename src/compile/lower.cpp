#include "compile/lower.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <unordered_map>

#include "base/dates.hpp"

namespace zhunru::ir {
namespace {

/// Builds the DAG, giving structurally equal nodes one id.
class Lowerer {
 public:
  explicit Lowerer(const model::Model& m) : m_(m), cond_memo_(m.conds.size(), kNone) {
    node_ids_.reserve(m.conds.size());
    num_ids_.reserve(m.nums.size());
  }

  NodeId cond(model::CondId id);
  NumId num(model::NumId id);
  Program take() { return std::move(p_); }
  Program& program() { return p_; }

 private:
  NodeId intern(Node node, const std::vector<NodeId>& children = {});
  std::uint32_t strings(std::vector<std::string> set);
  std::uint32_t value_set(const std::vector<std::uint32_t>& values);

  const model::Model& m_;
  Program p_;
  // Keys are the nodes' bytes; hashed, as the ruleset's own content (a
  // national list has millions of nodes, and ordered maps were a third of
  // lowering).
  std::unordered_map<std::string, NodeId> node_ids_;
  std::unordered_map<std::string, NumId> num_ids_;
  std::map<std::vector<std::string>, std::uint32_t> set_ids_;
  std::vector<NodeId> cond_memo_;  // by model::CondId; kNone until lowered
};

std::string key_of(const void* data, std::size_t size) { return std::string(static_cast<const char*>(data), size); }

NodeId Lowerer::intern(Node node, const std::vector<NodeId>& children) {
  if (!children.empty()) {
    // Where the children will go if the node is new; the key uses the children themselves.
    node.a = static_cast<std::uint32_t>(p_.children.size());
    node.b = static_cast<std::uint32_t>(children.size());
  }
  std::string key;
  key += static_cast<char>(node.op);
  key += static_cast<char>(node.cmp);
  if (children.empty()) {
    key += key_of(&node.a, sizeof node.a) + key_of(&node.b, sizeof node.b);
  } else {
    key += key_of(children.data(), children.size() * sizeof(NodeId));
  }
  key += key_of(&node.mask, sizeof node.mask);
  const auto it = node_ids_.find(key);
  if (it != node_ids_.end()) return it->second;
  p_.children.insert(p_.children.end(), children.begin(), children.end());
  p_.nodes.push_back(node);
  const auto id = static_cast<NodeId>(p_.nodes.size() - 1);
  node_ids_.emplace(std::move(key), id);
  return id;
}

std::uint32_t Lowerer::strings(std::vector<std::string> set) {
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  const auto it = set_ids_.find(set);
  if (it != set_ids_.end()) return it->second;
  p_.string_sets.push_back(set);
  const auto id = static_cast<std::uint32_t>(p_.string_sets.size() - 1);
  set_ids_.emplace(std::move(set), id);
  return id;
}

/// Values of an enumeration of more than 64, as bits of 64-bit words.
std::uint32_t Lowerer::value_set(const std::vector<std::uint32_t>& values) {
  std::vector<std::uint64_t> words;
  for (std::uint32_t v : values) {
    if (v / 64 >= words.size()) words.resize(v / 64 + 1, 0);
    words[v / 64] |= std::uint64_t{1} << (v % 64);
  }
  p_.value_sets.push_back(std::move(words));
  return static_cast<std::uint32_t>(p_.value_sets.size() - 1);
}

NumId Lowerer::num(model::NumId id) {
  NumNode n = std::visit(
      [&](const auto& node) -> NumNode {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, model::NumConst>) return {NumOp::constant, 0, 0, node.value};
        if constexpr (std::is_same_v<T, model::NumFact>) return {NumOp::fact, node.fact, 0, 0.0};
        if constexpr (std::is_same_v<T, model::NumNeg>) return {NumOp::neg, num(node.operand), 0, 0.0};
        if constexpr (std::is_same_v<T, model::NumItem>) return {NumOp::item, node.fact, node.value, 0.0};
        if constexpr (std::is_same_v<T, model::NumArith>) {
          const auto op = static_cast<NumOp>(static_cast<int>(NumOp::add) + static_cast<int>(node.op));
          return {op, num(node.lhs), num(node.rhs), 0.0};
        }
      },
      m_.num(id));
  const std::string key = key_of(&n.op, 1) + key_of(&n.a, 4) + key_of(&n.b, 4) + key_of(&n.value, 8);
  const auto it = num_ids_.find(key);
  if (it != num_ids_.end()) return it->second;
  p_.nums.push_back(n);
  const auto nid = static_cast<NumId>(p_.nums.size() - 1);
  num_ids_.emplace(key, nid);
  return nid;
}

NodeId Lowerer::cond(model::CondId id) {
  if (cond_memo_[id] != kNone) return cond_memo_[id];
  const NodeId result = std::visit(
      [&](const auto& node) -> NodeId {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, model::BoolConst>) return intern({Op::constant, 0, node.value ? 1u : 0u, 0, 0});
        if constexpr (std::is_same_v<T, model::BoolFact>) return intern({Op::bool_fact, 0, node.fact, 0, 0});
        if constexpr (std::is_same_v<T, model::Compare>) {
          return intern({Op::compare, static_cast<std::uint8_t>(node.op), num(node.lhs), num(node.rhs), 0});
        }
        if constexpr (std::is_same_v<T, model::EnumIn> || std::is_same_v<T, model::EnumHas>) {
          const Op op = std::is_same_v<T, model::EnumIn> ? Op::enum_in : Op::enum_has;
          const bool small = std::all_of(node.values.begin(), node.values.end(), [](std::uint32_t v) { return v < 64; });
          if (!small) return intern({op, 0, node.fact, value_set(node.values) + 1, 0});
          std::uint64_t mask = 0;
          for (std::uint32_t v : node.values) mask |= std::uint64_t{1} << v;
          return intern({op, 0, node.fact, 0, mask});
        }
        if constexpr (std::is_same_v<T, model::IndustryIn>) {
          return intern({Op::industry_in, static_cast<std::uint8_t>(node.exact), node.fact, strings(node.codes), 0});
        }
        if constexpr (std::is_same_v<T, model::TextIn>) {
          return intern({Op::text_in, 0, node.fact, strings(node.values), 0});
        }
        if constexpr (std::is_same_v<T, model::Not>) return intern({Op::negate, 0, cond(node.operand), 0, 0});
        if constexpr (std::is_same_v<T, model::All> || std::is_same_v<T, model::Any>) {
          std::vector<NodeId> children;
          for (model::CondId c : node.operands) children.push_back(cond(c));
          if (children.size() == 1) return children.front();
          if (children.empty()) return intern({Op::constant, 0, std::is_same_v<T, model::All> ? 1u : 0u, 0, 0});
          return intern({std::is_same_v<T, model::All> ? Op::all : Op::any, 0, 0, 0, 0}, children);
        }
        if constexpr (std::is_same_v<T, model::IsKind>) return intern({Op::is_kind, 0, node.kind, 0, 0});
        if constexpr (std::is_same_v<T, model::AsOfIn>) {
          return intern({Op::as_of_in, 0, std::bit_cast<std::uint32_t>(node.from_day),
                         std::bit_cast<std::uint32_t>(node.until_day), 0});
        }
        if constexpr (std::is_same_v<T, model::SiteSpatial>) {
          return intern({Op::spatial, static_cast<std::uint8_t>(node.op), node.layer,
                         static_cast<std::uint32_t>(node.by) | (node.geometry << 8),
                         std::bit_cast<std::uint64_t>(node.amount)});
        }
      },
      m_.cond(id));
  cond_memo_[id] = result;
  return result;
}

Rule lower_rule(Lowerer& l, const model::Model& m, const model::Rule& r) {
  Rule out;
  if (r.subject && !std::holds_alternative<model::BoolConst>(m.cond(*r.subject))) out.subject = l.cond(*r.subject);
  if (r.where) out.where = l.cond(*r.where);
  if (r.unless) out.unless = l.cond(*r.unless);
  if (r.requirement) out.requirement = l.cond(*r.requirement);
  Program& p = l.program();
  out.spatial_at = static_cast<std::uint32_t>(p.scope_tests.size());
  for (model::CondId c : r.spatial) p.scope_tests.push_back(l.cond(c));
  out.spatial_count = static_cast<std::uint32_t>(r.spatial.size());
  if (r.units) {
    out.has_units = true;
    out.units_at = static_cast<std::uint32_t>(p.scope_units.size());
    out.units_count = static_cast<std::uint32_t>(r.units->size());
    p.scope_units.insert(p.scope_units.end(), r.units->begin(), r.units->end());
    std::sort(p.scope_units.begin() + out.units_at, p.scope_units.end());
  }
  out.class_mask = class_mask(r);
  if (r.effective_from) out.from_day = days_since_epoch(*r.effective_from);
  if (r.effective_until) out.until_day = days_since_epoch(*r.effective_until);
  return out;
}

}  // namespace

std::uint8_t class_mask(const model::Rule& rule) {
  if (!rule.classes) return 0b111;
  std::uint8_t mask = 0;
  for (UnitClass c : *rule.classes) mask |= static_cast<std::uint8_t>(1u << static_cast<int>(c));
  return mask;
}

Lowered lower(const model::Model& model) {
  Lowerer l(model);
  Lowered out;
  for (const model::Kind& k : model.kinds) l.program().kinds.push_back(l.cond(k.condition));
  out.rules.reserve(model.rules.size());
  for (const model::Rule& r : model.rules) out.rules.push_back(lower_rule(l, model, r));
  out.program = l.take();
  out.program.slot_count = model.facts.size();
  return out;
}

}  // namespace zhunru::ir
