// Depth-first search without recursion — a ruleset may chain 20,000 kinds
// or layers, and no input may exhaust the stack — for the checker's graphs
// of kinds (through `is`) and of layers (through `=`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace zhunru::check {

/// Visits nodes 0…n-1 and their successors (`successors(v)`: a vector of
/// node ids). `on_cycle(path, u)`: an edge reached `u`, a node on the
/// current `path` (the visit stack, u among it). `on_finish(v)`: every
/// successor of v is finished, or on the path (a cycle).
template <class Id, class Successors, class OnCycle, class OnFinish>
void depth_first(std::size_t n, Successors&& successors, OnCycle&& on_cycle, OnFinish&& on_finish) {
  enum class Mark : std::uint8_t { none, active, done };
  std::vector<Mark> mark(n, Mark::none);
  std::vector<std::pair<Id, std::size_t>> stack;  // a node, and its next successor to visit
  for (std::size_t root = 0; root < n; ++root) {
    if (mark[root] != Mark::none) continue;
    mark[root] = Mark::active;
    stack.push_back({static_cast<Id>(root), 0});
    while (!stack.empty()) {
      const Id v = stack.back().first;
      const auto& next = successors(v);
      if (stack.back().second < next.size()) {
        const Id u = next[stack.back().second++];
        if (mark[u] == Mark::active) {
          on_cycle(stack, u);
        } else if (mark[u] == Mark::none) {
          mark[u] = Mark::active;
          stack.push_back({u, 0});
        }
        continue;
      }
      on_finish(v);
      mark[v] = Mark::done;
      stack.pop_back();
    }
  }
}

}  // namespace zhunru::check
