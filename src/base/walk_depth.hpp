// How deep walks go in a graph of conditions over numbers — the checked
// model's and the IR's have the same shape: two arenas (numbers and
// conditions), nodes naming their operands by index, and `is` tests reaching
// the condition of a kind declared anywhere. Evaluation, lowering, traces and
// the auditor walk such graphs recursively, so each is measured before it is
// trusted: a forged graph that reaches itself, or goes deeper than a thread's
// stack allows, is found here, iteratively, whatever its depth.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace zhunru {

/// A node of either arena.
struct ArenaNode {
  bool cond = false;  // false: a number
  std::uint32_t id = 0;
};

/// `Graph` provides `std::size_t nums() const`, `std::size_t conds() const`
/// and `std::optional<ArenaNode> child(ArenaNode n, std::size_t i) const` —
/// the `i`th node walked into from `n`, or nullopt past the last; every id
/// in range. Remembers what it measured, so a graph may grow between calls
/// as long as a node once measured does not change.
template <class Graph>
class WalkDepth {
 public:
  explicit WalkDepth(const Graph& graph) : g_(graph) {}

  /// How deep walks from the condition `root` go (a leaf is 1), or nullopt
  /// when one would never end: a condition that reaches itself.
  std::optional<std::uint32_t> of(std::uint32_t root) {
    nums_.resize(g_.nums(), 0);
    conds_.resize(g_.conds(), 0);
    walk_.clear();
    bool loops = !enter({true, root});
    while (!loops && !walk_.empty()) {
      Step& top = walk_.back();
      if (const auto c = g_.child(top.node, top.next)) {
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
      walk_.pop_back();
      if (!walk_.empty()) walk_.back().deepest = std::max(walk_.back().deepest, d);
    }
    // A loop leaves the nodes on the walk unmeasured, for the next call.
    for (const Step& s : walk_) depth(s.node) = 0;
    if (loops) return std::nullopt;
    return conds_[root];
  }

 private:
  /// Marks a node on the current walk, so that reaching it again is a loop.
  static constexpr std::uint32_t kOnWalk = std::numeric_limits<std::uint32_t>::max();
  struct Step {
    ArenaNode node;
    std::size_t next = 0;       // the next child to walk into
    std::uint32_t deepest = 0;  // the deepest child so far
  };
  std::uint32_t& depth(ArenaNode n) { return n.cond ? conds_[n.id] : nums_[n.id]; }
  bool enter(ArenaNode n) {
    std::uint32_t& d = depth(n);
    if (d == kOnWalk) return false;
    if (d == 0) {
      d = kOnWalk;
      walk_.push_back({n});
    }
    return true;
  }

  const Graph& g_;
  std::vector<std::uint32_t> nums_, conds_;  // 0: not measured yet
  std::vector<Step> walk_;                   // kept between calls: one allocation, not one per rule
};

}  // namespace zhunru
