// How deep a condition goes. Lowering, evaluation, traces and the auditor walk
// conditions recursively, so a condition may not nest deeper than the stack of
// any thread can take. The checker refuses deeper ones in a rule author's
// words; a snapshot's reader refuses them (and loops) as damage.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/walk_depth.hpp"
#include "model/model.hpp"

namespace zhunru::model {

/// The deepest a condition may go, counting every node on the way down:
/// operators, each step of a chain of arithmetic, numbers, and the conditions
/// of the kinds it tests. The parser already limits brackets to 64; only long
/// sums and products and kinds built on kinds come near this.
inline constexpr std::uint32_t kMaxConditionDepth = 256;

/// The model's conditions and numbers as WalkDepth walks them.
class ModelGraph {
 public:
  explicit ModelGraph(const Model& model) : m_(model) {}
  [[nodiscard]] std::size_t nums() const { return m_.nums.size(); }
  [[nodiscard]] std::size_t conds() const { return m_.conds.size(); }
  /// The `i`th node walked into from `n`: operands, and a kind's condition.
  [[nodiscard]] std::optional<ArenaNode> child(ArenaNode n, std::size_t i) const;

 private:
  const Model& m_;
};

/// Measures conditions of a model that may still grow, remembering what it
/// measured: a node once measured must not change. Iterative: a model of any
/// depth is measured without recursion. Ids must be in range.
class ConditionDepth {
 public:
  explicit ConditionDepth(const Model& model) : graph_(model), walk_(graph_) {}
  ConditionDepth(const ConditionDepth&) = delete;  // walk_ refers to graph_
  ConditionDepth& operator=(const ConditionDepth&) = delete;

  /// How deep walks from `root` go (a leaf is 1), or nullopt when one would
  /// never end: a condition that reaches itself (only a forged model has one).
  std::optional<std::uint32_t> of(CondId root) { return walk_.of(root); }

 private:
  ModelGraph graph_;
  WalkDepth<ModelGraph> walk_;
};

}  // namespace zhunru::model
