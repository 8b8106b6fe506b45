// How deep a condition goes. Lowering, evaluation, traces and the auditor walk
// conditions recursively, so a condition may not nest deeper than the stack of
// any thread can take. The checker refuses deeper ones in a rule author's
// words; a snapshot's reader refuses them (and loops) as damage.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/model.hpp"

namespace zhunru::model {

/// The deepest a condition may go, counting every node on the way down:
/// operators, each step of a chain of arithmetic, numbers, and the conditions
/// of the kinds it tests. The parser already limits brackets to 64; only long
/// sums and products and kinds built on kinds come near this.
inline constexpr std::uint32_t kMaxConditionDepth = 256;

/// Measures conditions of a model that may still grow, remembering what it
/// measured: a node once measured must not change. Iterative: a model of any
/// depth is measured without recursion. Ids must be in range.
class ConditionDepth {
 public:
  explicit ConditionDepth(const Model& model) : m_(model) {}

  /// How deep walks from `root` go (a leaf is 1), or nullopt when one would
  /// never end: a condition that reaches itself (only a forged model has one).
  std::optional<std::uint32_t> of(CondId root);

 private:
  /// A node of either arena: numbers first, then conditions.
  struct Node {
    bool cond;
    std::uint32_t id;
  };
  struct Step {
    Node node;
    std::size_t next = 0;       // the next child to walk into
    std::uint32_t deepest = 0;  // the deepest child so far
  };
  std::uint32_t& depth(Node n) { return n.cond ? conds_[n.id] : nums_[n.id]; }
  /// The `i`th node walked into from `n`, or nullopt past the last.
  std::optional<Node> child(Node n, std::size_t i) const;

  const Model& m_;
  std::vector<std::uint32_t> nums_, conds_;  // 0: not measured yet
  std::vector<Step> walk_;                   // kept between calls: one allocation, not one per rule
};

}  // namespace zhunru::model
