// A program and rules read from a snapshot are believed only once verified:
// the evaluator indexes with every id they hold and walks them recursively,
// so a forged file could otherwise make it read out of bounds or never end.
// Lowering makes programs that pass by construction (tests check that it
// does); this is for bytes anyone may have crafted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compile/program.hpp"

namespace zhunru::ir {

/// What the program must fit: the model and maps it was lowered from.
struct ProgramShape {
  std::size_t facts = 0;
  std::size_t kinds = 0;
  std::size_t layers = 0;
  std::size_t geometries = 0;
  std::size_t rules = 0;
};

/// A condition is walked node by node, shared operands once per use (only a
/// kind's value is kept): no condition may be walked through more nodes
/// than this. A condition's walk is as long as its text, so a real one is
/// far below; a forged chain of `all(x, x)` doubles it with every link.
inline constexpr std::uint64_t kMaxWalkedNodes = std::uint64_t{1} << 20;

/// What is wrong with `program` and `rules` as the evaluator would run them
/// against `shape` — an id out of range, an operand that refers forward, a
/// kind whose condition reaches itself, a condition deeper than
/// model::kMaxConditionDepth or walked through more than kMaxWalkedNodes
/// nodes — or nullopt.
std::optional<std::string> damaged(const Program& program, const std::vector<Rule>& rules, const ProgramShape& shape);

}  // namespace zhunru::ir
