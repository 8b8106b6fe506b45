#include "maps/picked_layer.hpp"

#include <algorithm>

namespace zhunru::maps {

std::vector<std::uint32_t> PickedLayer::facts() const {
  std::vector<std::uint32_t> out;
  for (const PickNode& n : nodes) {
    if (n.kind == PickNode::Kind::fact) out.push_back(n.fact);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::string> PickedLayer::damaged(std::size_t fact_count, std::size_t features) const {
  if (nodes.empty()) return "a picked layer without a test";
  // Pre-order: each node's subtree ends after it and within its parent's.
  std::vector<std::uint32_t> open{static_cast<std::uint32_t>(nodes.size())};
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    while (open.back() <= i) open.pop_back();  // nodes[0]'s end is the size: never popped past
    const PickNode& n = nodes[i];
    if (n.end <= i || n.end > open.back()) return "a picked layer's test is not a tree";
    const bool leaf = n.kind == PickNode::Kind::fixed || n.kind == PickNode::Kind::fact;
    if (leaf != (n.end == i + 1) || (n.kind == PickNode::Kind::negate && nodes.size() > i + 1 && nodes[i + 1].end != n.end)) {
      return "a picked layer's test has a node with the wrong operands";
    }
    if (n.kind == PickNode::Kind::fixed && (n.column >= fixed.size() || fixed[n.column].size() != features)) {
      return "a picked layer's test reads a column it does not have";
    }
    if (n.kind == PickNode::Kind::fact &&
        (n.fact >= fact_count || n.column >= items.size() || items[n.column].size() != features)) {
      return "a picked layer's test reads a fact or a column it does not have";
    }
    if (n.kind == PickNode::Kind::fact && n.fact_kind == model::FactKind::enumeration) {
      if (n.column >= parents.size()) return "a picked layer's test has no values for an enumeration";
      const auto& up = parents[n.column];
      for (std::uint32_t v = 0; v < up.size(); ++v) {
        if (up[v] > v) return "a picked layer's values come before their parents";
      }
    }
    if (n.end > i + 1) open.push_back(n.end);
    if (open.size() > kMaxPickDepth) return "a picked layer's test nests too deep";
  }
  if (nodes.front().end != nodes.size()) return "a picked layer's test is not a tree";
  return std::nullopt;
}

}  // namespace zhunru::maps
