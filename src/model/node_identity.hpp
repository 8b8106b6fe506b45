// When two condition (or number) nodes mean the same: the same alternative
// with the same members, numbers compared bit for bit (0 and -0 differ, a
// NaN equals itself). The checker keeps one node per meaning, so a rule set
// that says `new chemical projects` a million times stores it once.
#pragma once

#include <cstddef>

#include "model/model.hpp"

namespace zhunru::model {

struct NodeIdentity {
  std::size_t operator()(const CondNode& node) const;
  std::size_t operator()(const NumNode& node) const;
  bool operator()(const CondNode& a, const CondNode& b) const;
  bool operator()(const NumNode& a, const NumNode& b) const;
};

}  // namespace zhunru::model
