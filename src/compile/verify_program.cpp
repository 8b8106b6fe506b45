#include "compile/verify_program.hpp"

#include <algorithm>

#include "base/walk_depth.hpp"
#include "model/condition_depth.hpp"

namespace zhunru::ir {
namespace {

constexpr std::uint8_t kCompareOps = 6;   // ast::CompareOp
constexpr std::uint8_t kSpatialOps = 5;   // ast::SpatialOp
constexpr std::uint32_t kMeasures = 3;    // model::OverlapMeasure

/// The program's conditions and numbers as WalkDepth walks them, once every
/// id has been found in range.
class ProgramGraph {
 public:
  explicit ProgramGraph(const Program& p) : p_(p) {}
  [[nodiscard]] std::size_t nums() const { return p_.nums.size(); }
  [[nodiscard]] std::size_t conds() const { return p_.nodes.size(); }
  [[nodiscard]] std::optional<ArenaNode> child(ArenaNode n, std::size_t i) const {
    if (!n.cond) {
      const NumNode& x = p_.nums[n.id];
      if (x.op == NumOp::constant || x.op == NumOp::fact || x.op == NumOp::item) return std::nullopt;
      if (x.op == NumOp::neg) return i == 0 ? std::optional(ArenaNode{false, x.a}) : std::nullopt;
      if (i < 2) return ArenaNode{false, i == 0 ? x.a : x.b};
      return std::nullopt;
    }
    const Node& x = p_.nodes[n.id];
    switch (x.op) {
      case Op::compare: return i < 2 ? std::optional(ArenaNode{false, i == 0 ? x.a : x.b}) : std::nullopt;
      case Op::negate: return i == 0 ? std::optional(ArenaNode{true, x.a}) : std::nullopt;
      case Op::all:
      case Op::any: return i < x.b ? std::optional(ArenaNode{true, p_.children[x.a + i]}) : std::nullopt;
      case Op::is_kind: return i == 0 ? std::optional(ArenaNode{true, p_.kinds[x.a]}) : std::nullopt;
      default: return std::nullopt;
    }
  }

 private:
  const Program& p_;
};

/// Whether [at, at + count) lies within a list of `size` items.
bool within(std::uint64_t at, std::uint64_t count, std::size_t size) { return at <= size && count <= size - at; }

std::optional<std::string> num_damage(const Program& p, NumId i) {
  const NumNode& n = p.nums[i];
  switch (n.op) {
    case NumOp::constant: return std::nullopt;
    case NumOp::fact:
    case NumOp::item: if (n.a < p.slot_count) return std::nullopt; break;
    case NumOp::neg: if (n.a < i) return std::nullopt; break;
    case NumOp::add:
    case NumOp::sub:
    case NumOp::mul:
    case NumOp::div: if (n.a < i && n.b < i) return std::nullopt; break;
  }
  return "a number of the program names a fact or number it cannot";
}

std::optional<std::string> node_damage(const Program& p, NodeId i, const ProgramShape& shape) {
  const Node& n = p.nodes[i];
  bool ok = false;
  switch (n.op) {
    case Op::constant:
    case Op::as_of_in: ok = true; break;
    case Op::bool_fact: ok = n.a < p.slot_count; break;
    case Op::compare: ok = n.a < p.nums.size() && n.b < p.nums.size() && n.cmp < kCompareOps; break;
    case Op::enum_in:
    case Op::enum_has: ok = n.a < p.slot_count && (n.b == 0 || n.b - 1 < p.value_sets.size()); break;
    case Op::industry_in:
    case Op::text_in: ok = n.a < p.slot_count && n.b < p.string_sets.size(); break;
    case Op::negate: ok = n.a < i; break;
    case Op::all:
    case Op::any:
      ok = within(n.a, n.b, p.children.size()) &&
           std::all_of(p.children.begin() + n.a, p.children.begin() + n.a + n.b, [i](NodeId c) { return c < i; });
      break;
    case Op::is_kind: ok = n.a < p.kinds.size(); break;
    case Op::spatial:
      ok = n.a < shape.layers && n.cmp < kSpatialOps && (n.b & 0xffu) < kMeasures && (n.b >> 8) <= shape.geometries;
      break;
  }
  if (ok) return std::nullopt;
  return "condition " + std::to_string(i) + " of the program names what it cannot";
}

bool node_or_none(NodeId n, const Program& p) { return n == kNone || n < p.nodes.size(); }

/// Whether some condition would be walked through more than kMaxWalkedNodes
/// nodes. Operands come before their nodes, so one pass in order counts every
/// walk; a kind counts once (the evaluator keeps its value). Sums saturate.
bool walks_too_long(const Program& p) {
  const auto add = [](std::uint64_t a, std::uint64_t b) { return std::min(a + b, kMaxWalkedNodes + 1); };
  std::vector<std::uint64_t> nums(p.nums.size(), 1);
  for (NumId i = 0; i < p.nums.size(); ++i) {
    const NumNode& n = p.nums[i];
    if (n.op == NumOp::constant || n.op == NumOp::fact || n.op == NumOp::item) continue;
    nums[i] = add(1, nums[n.a]);
    if (n.op != NumOp::neg) nums[i] = add(nums[i], nums[n.b]);
    if (nums[i] > kMaxWalkedNodes) return true;
  }
  std::vector<std::uint64_t> nodes(p.nodes.size(), 1);
  for (NodeId i = 0; i < p.nodes.size(); ++i) {
    const Node& n = p.nodes[i];
    switch (n.op) {
      case Op::compare: nodes[i] = add(add(1, nums[n.a]), nums[n.b]); break;
      case Op::negate: nodes[i] = add(1, nodes[n.a]); break;
      case Op::all:
      case Op::any:
        for (std::uint32_t c = 0; c < n.b; ++c) nodes[i] = add(nodes[i], nodes[p.children[n.a + c]]);
        break;
      default: break;
    }
    if (nodes[i] > kMaxWalkedNodes) return true;
  }
  return false;
}

std::optional<std::string> rule_damage(const Program& p, const Rule& r) {
  for (NodeId n : {r.subject, r.where, r.unless, r.requirement}) {
    if (!node_or_none(n, p)) return "a rule of the program names a condition that does not exist";
  }
  if (!within(r.spatial_at, r.spatial_count, p.scope_tests.size()) ||
      !within(r.units_at, r.units_count, p.scope_units.size())) {
    return "a rule's scope lies beyond the program";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> damaged(const Program& p, const std::vector<Rule>& rules, const ProgramShape& shape) {
  if (p.slot_count != shape.facts || p.kinds.size() != shape.kinds || rules.size() != shape.rules) {
    return "the program was not made from this model";
  }
  for (NumId i = 0; i < p.nums.size(); ++i) {
    if (auto d = num_damage(p, i)) return d;
  }
  for (NodeId i = 0; i < p.nodes.size(); ++i) {
    if (auto d = node_damage(p, i, shape)) return d;
  }
  const auto beyond = [&](NodeId n) { return n >= p.nodes.size(); };
  if (std::any_of(p.kinds.begin(), p.kinds.end(), beyond) || std::any_of(p.scope_tests.begin(), p.scope_tests.end(), beyond)) {
    return "the program names a condition that does not exist";
  }
  for (const Rule& r : rules) {
    if (auto d = rule_damage(p, r)) return d;
  }
  // Every id is in range: now walks must not be too long, through kinds must end, and not too deep.
  if (walks_too_long(p)) return "a condition of the program would be walked through more than 1,048,576 nodes";
  const ProgramGraph graph(p);
  WalkDepth<ProgramGraph> depth(graph);
  for (NodeId i = 0; i < p.nodes.size(); ++i) {
    const auto d = depth.of(i);
    if (!d) return "a condition of the program reaches itself through kind tests";
    if (*d > model::kMaxConditionDepth) return "a condition of the program nests deeper than the checker allows";
  }
  return std::nullopt;
}

}  // namespace zhunru::ir
