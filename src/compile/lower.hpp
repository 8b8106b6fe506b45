// Lowers the checked model's conditions and rules into the IR.
#pragma once

#include <cstdint>
#include <vector>

#include "compile/program.hpp"
#include "model/model.hpp"

namespace zhunru::ir {

struct Lowered {
  Program program;
  std::vector<Rule> rules;   // parallel to Model::rules
};

Lowered lower(const model::Model& model);

/// Bit i set when the rule may apply in a unit of class i (`in … units`;
/// every class when the rule names none).
std::uint8_t class_mask(const model::Rule& rule);

}  // namespace zhunru::ir
