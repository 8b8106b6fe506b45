// Three-valued (Kleene) evaluation of IR conditions for one project, with
// the facts whose absence left a condition unknown.
#pragma once

#include <optional>
#include <vector>

#include "compile/program.hpp"
#include "eval/project_data.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::eval {

/// The slot standing for the project's site in `missing` lists.
inline ir::Slot site_slot(const ir::Program& p) { return static_cast<ir::Slot>(p.slot_count); }

class ConditionEvaluator {
 public:
  ConditionEvaluator(const ir::Program& program, const Project::Data& project);

  /// The value of `node`. When it is unknown, the slots that made it so are
  /// appended to missing(); when it is known, nothing is appended.
  Truth eval(ir::NodeId node);
  [[nodiscard]] std::vector<ir::Slot>& missing() { return missing_; }

 private:
  Truth eval_node(const ir::Node& n);
  Truth kind(std::uint32_t k);
  std::optional<double> num(ir::NumId id);
  const FactValue* known(ir::Slot slot);

  const ir::Program& p_;
  const Project::Data& project_;
  struct KindMemo {
    std::uint8_t state = 0;                 // 0: not yet; else Truth + 1
    std::uint32_t missing_begin = 0;        // unknown: its slots in kind_missing_
    std::uint32_t missing_end = 0;
  };
  std::vector<KindMemo> kinds_;
  std::vector<ir::Slot> kind_missing_;
  std::vector<ir::Slot> missing_;
};

}  // namespace zhunru::eval
