#include "model/condition_depth.hpp"

namespace zhunru::model {

std::optional<ArenaNode> ModelGraph::child(ArenaNode n, std::size_t i) const {
  if (!n.cond) {
    return std::visit(
        [&](const auto& v) -> std::optional<ArenaNode> {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, NumArith>) {
            if (i < 2) return ArenaNode{false, i == 0 ? v.lhs : v.rhs};
          } else if constexpr (std::is_same_v<T, NumNeg>) {
            if (i == 0) return ArenaNode{false, v.operand};
          }
          return std::nullopt;
        },
        m_.nums[n.id]);
  }
  return std::visit(
      [&](const auto& v) -> std::optional<ArenaNode> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Compare>) {
          if (i < 2) return ArenaNode{false, i == 0 ? v.lhs : v.rhs};
        } else if constexpr (std::is_same_v<T, Not>) {
          if (i == 0) return ArenaNode{true, v.operand};
        } else if constexpr (std::is_same_v<T, All> || std::is_same_v<T, Any>) {
          if (i < v.operands.size()) return ArenaNode{true, v.operands[i]};
        } else if constexpr (std::is_same_v<T, IsKind>) {
          if (i == 0) return ArenaNode{true, m_.kinds[v.kind].condition};
        }
        return std::nullopt;
      },
      m_.conds[n.id]);
}

}  // namespace zhunru::model
