#include "model/condition_depth.hpp"

#include <algorithm>
#include <limits>

namespace zhunru::model {
namespace {

/// Marks a node on the current walk, so that reaching it again is a loop.
constexpr std::uint32_t kOnWalk = std::numeric_limits<std::uint32_t>::max();

}  // namespace

std::optional<ConditionDepth::Node> ConditionDepth::child(Node n, std::size_t i) const {
  if (!n.cond) {
    return std::visit(
        [&](const auto& v) -> std::optional<Node> {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, NumArith>) {
            if (i < 2) return Node{false, i == 0 ? v.lhs : v.rhs};
          } else if constexpr (std::is_same_v<T, NumNeg>) {
            if (i == 0) return Node{false, v.operand};
          }
          return std::nullopt;
        },
        m_.nums[n.id]);
  }
  return std::visit(
      [&](const auto& v) -> std::optional<Node> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Compare>) {
          if (i < 2) return Node{false, i == 0 ? v.lhs : v.rhs};
        } else if constexpr (std::is_same_v<T, Not>) {
          if (i == 0) return Node{true, v.operand};
        } else if constexpr (std::is_same_v<T, All> || std::is_same_v<T, Any>) {
          if (i < v.operands.size()) return Node{true, v.operands[i]};
        } else if constexpr (std::is_same_v<T, IsKind>) {
          if (i == 0) return Node{true, m_.kinds[v.kind].condition};
        }
        return std::nullopt;
      },
      m_.conds[n.id]);
}

std::optional<std::uint32_t> ConditionDepth::of(CondId root) {
  nums_.resize(m_.nums.size(), 0);
  conds_.resize(m_.conds.size(), 0);
  std::vector<Step>& walk = walk_;
  walk.clear();
  const auto enter = [&](Node n) -> bool {
    std::uint32_t& d = depth(n);
    if (d == kOnWalk) return false;
    if (d == 0) {
      d = kOnWalk;
      walk.push_back({n});
    }
    return true;
  };
  bool loops = !enter({true, root});
  while (!loops && !walk.empty()) {
    Step& top = walk.back();
    if (const auto c = child(top.node, top.next)) {
      ++top.next;
      const std::uint32_t known = depth(*c);
      if (known != 0 && known != kOnWalk) {
        top.deepest = std::max(top.deepest, known);
      } else {
        loops = !enter(*c);
      }
      continue;
    }
    const std::uint32_t d = top.deepest + 1;
    depth(top.node) = d;
    walk.pop_back();
    if (!walk.empty()) walk.back().deepest = std::max(walk.back().deepest, d);
  }
  // A loop leaves the nodes on the walk unmeasured, for the next call.
  for (const Step& s : walk) depth(s.node) = 0;
  if (loops) return std::nullopt;
  return conds_[root];
}

}  // namespace zhunru::model
