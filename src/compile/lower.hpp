// Lowers the checked model's conditions and rules into the IR.
#pragma once

#include <vector>

#include "compile/program.hpp"
#include "model/model.hpp"

namespace zhunru::ir {

struct Lowered {
  Program program;
  std::vector<Rule> rules;   // parallel to Model::rules
};

Lowered lower(const model::Model& model);

}  // namespace zhunru::ir
