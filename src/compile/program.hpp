// The compiled IR: conditions as a flat, hash-consed expression DAG over fact
// slots, and rules as references into it.
//
// Lowering from the checked model shares identical sub-expressions (every
// rule that says `new chemical projects` points at one node), resolves facts
// to slots and kinds to indices, and precomputes enum sets as bit masks, so
// evaluation does no string look-ups except for industry and text codes.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace zhunru::ir {

using NodeId = std::uint32_t;
using NumId = std::uint32_t;
using Slot = std::uint32_t;   // a fact's index in a project's values
inline constexpr NodeId kNone = std::numeric_limits<NodeId>::max();

enum class NumOp : std::uint8_t { constant, fact, add, sub, mul, div, neg, item };  // item: a: slot, b: value

struct NumNode {
  NumOp op = NumOp::constant;
  std::uint32_t a = 0;   // fact: slot; arithmetic: left operand; neg: operand
  std::uint32_t b = 0;   // arithmetic: right operand
  double value = 0.0;    // constant
};

enum class Op : std::uint8_t {
  constant,      // a: 0 or 1
  bool_fact,     // a: slot
  compare,       // a, b: NumIds; cmp
  enum_in,       // a: slot; b == 0: mask (values under 64); else value_sets[b - 1]
  industry_in,   // a: slot; b: string set; cmp 1 = exact match, 0 = prefix
  text_in,       // a: slot; b: string set
  negate,        // a: operand
  all,           // children [a, a + b)
  any,           // children [a, a + b)
  is_kind,       // a: kind
  spatial,       // a: layer; cmp: SpatialOp; b: OverlapMeasure | SiteSpatial::geometry << 8; mask: amount (bits of a double)
  as_of_in,      // a, b: first and last day (bits of int32, days since 1970)
  enum_has,      // a: slot of a set fact; b, mask: as enum_in; holds when some item is in the set
};

struct Node {
  Op op = Op::constant;
  std::uint8_t cmp = 0;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint64_t mask = 0;
};

struct Program {
  std::vector<Node> nodes;
  std::vector<NumNode> nums;
  std::vector<NodeId> children;
  std::vector<std::vector<std::string>> string_sets;
  std::vector<std::vector<std::uint64_t>> value_sets;  // enumerations of more than 64 values: bits by value
  std::vector<NodeId> kinds;        // each kind's condition
  std::size_t slot_count = 0;       // facts
  // What rules' scopes test, a range per rule (Rule::spatial_at, units_at):
  // a rule stays a flat record, stored and loaded as one.
  std::vector<NodeId> scope_tests;       // `within`, `inside`, … of each rule's scope
  std::vector<std::string> scope_units;  // `in units [...]` of each rule, each rule's codes sorted
};

/// A rule as the evaluator runs it; `Lowered::rules[i]` is `Model::rules[i]`.
/// Parts absent from the rule are kNone (so is the subject `projects`, which
/// every project matches).
struct Rule {
  NodeId subject = kNone;
  NodeId where = kNone;
  NodeId unless = kNone;
  NodeId requirement = kNone;
  std::uint32_t spatial_at = 0;     // the scope's spatial tests: Program::scope_tests [at, at + count)
  std::uint32_t spatial_count = 0;
  std::uint32_t units_at = 0;       // the scope's unit codes: Program::scope_units [at, at + count)
  std::uint32_t units_count = 0;
  std::int32_t from_day = std::numeric_limits<std::int32_t>::min();  // effective period, days since 1970
  std::int32_t until_day = std::numeric_limits<std::int32_t>::max(); // inclusive
  std::uint8_t class_mask = 0b111;  // bit i: UnitClass i
  bool has_units = false;           // scope `in units [...]` given (possibly empty: no unit)
};

}  // namespace zhunru::ir
