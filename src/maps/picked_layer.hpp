// `layer fit = wetland-parks where functions = use`: a layer whose test
// names a fact of the project, so its features are picked anew for each
// project. The layer keeps every feature of its map layer; this keeps the
// test, as a flat list of nodes, and what each test reads of each feature —
// checked and converted when the map loads, so that judging a project only
// compares values:
//   - an enumeration value, named or labelled in the map, becomes its index;
//     the values' parents are kept beside, so a park admitting `new` admits
//     `relocation`;
//   - a number compared with a quantity fact is read in the fact's declared
//     unit and kept in the canonical one;
//   - industry codes are codes of GB/T 4754 (a project's code is under one).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace zhunru::maps {

/// Deeper than any test the parser lets through (brackets nest 64 deep).
inline constexpr std::size_t kMaxPickDepth = 256;

struct PickNode {
  enum class Kind : std::uint8_t { all, any, negate, fixed, fact };
  Kind kind = Kind::fixed;
  ast::CompareOp op = ast::CompareOp::eq;            // fact: property OP fact
  model::FactKind fact_kind = model::FactKind::boolean;  // fact
  std::uint32_t end = 0;     // the index after this node and the nodes under it
  std::uint32_t fact = 0;    // fact: the fact's id
  std::uint32_t column = 0;  // fixed: into PickedLayer::fixed; fact: into PickedLayer::items
};

struct PickedLayer {
  std::vector<PickNode> nodes;  // the test, in pre-order; nodes[0] is the whole test
  // A test with a value (`status = "已完成"`): whether each feature passes.
  std::vector<std::vector<std::uint8_t>> fixed;
  // A test with a fact: each feature's values of the property, converted for
  // the fact's kind (several when the map gives a list; none: it lacks the
  // property, and the test fails).
  std::vector<std::vector<std::vector<model::PropertyValue>>> items;
  // By column of a test with an enumeration fact: each value's parent (a
  // value without one: itself; a parent always comes first). Empty otherwise.
  std::vector<std::vector<std::uint32_t>> parents;

  /// The facts the test names, each once, sorted.
  [[nodiscard]] std::vector<std::uint32_t> facts() const;
  /// Why the layer cannot be from zhunru (a damaged snapshot), if it cannot:
  /// for `fact_count` facts and `features` features.
  [[nodiscard]] std::optional<std::string> damaged(std::size_t fact_count, std::size_t features) const;
};

}  // namespace zhunru::maps
