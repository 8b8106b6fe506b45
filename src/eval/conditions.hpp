// Three-valued (Kleene) evaluation of IR conditions for one project, with
// the facts whose absence left a condition unknown.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "compile/program.hpp"
#include "eval/project_data.hpp"
#include "eval/feature_pick.hpp"
#include "spatial/site_oracle.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::eval {

/// The slot standing for the project's site in `missing` lists; project
/// geometry g (Model::geometries[g - 1]) is the slot `site_slot + g`.
inline ir::Slot site_slot(const ir::Program& p) { return static_cast<ir::Slot>(p.slot_count); }

class ConditionEvaluator {
 public:
  /// `today`: the as-of date, in days since 1970 (for kinds defined by period).
  ConditionEvaluator(const ir::Program& program, const maps::Maps& maps, const Project::Data& project,
                     spatial::SiteOracle& oracle, std::int32_t today);

  /// Spatial conditions from now on test the site's part in unit `u`.
  void set_unit(std::uint32_t u);

  /// The value of `node`. When it is unknown, the slots that made it so are
  /// appended to missing(); when it is known, nothing is appended.
  Truth eval(ir::NodeId node);
  [[nodiscard]] std::vector<ir::Slot>& missing() { return missing_; }
  /// The program whose nodes eval() takes.
  [[nodiscard]] const ir::Program& program() const { return p_; }

 private:
  Truth eval_node(const ir::Node& n);
  /// Whether enumeration value `value` is in the set of an enum_in or enum_has node.
  [[nodiscard]] bool in_values(const ir::Node& n, std::size_t value) const;
  Truth kind(std::uint32_t k);
  std::optional<double> num(ir::NumId id);
  const FactValue* known(ir::Slot slot);
  Truth spatial(const ir::Node& n);
  Truth without_pick(const model::SiteSpatial& test, const geo::Geometry* part, std::uint32_t key, ir::Slot slot,
                     const std::vector<ir::Slot>& facts);
  // The oracle memoises by part: a unit's index for the site's parts, this
  // plus the geometry's number for a project geometry (the same in every unit).
  static constexpr std::uint32_t kGeometryKeys = 0x80000000u;

  /// A layer picked per project, for this project (made at its first test).
  struct Picking {
    FeaturePicker picker;
    Truth ready = Truth::unknown;
    std::vector<ir::Slot> missing;  // when not ready
    spatial::FeaturePick pick;      // asks `picker`
  };

  const ir::Program& p_;
  const maps::Maps& maps_;
  const Project::Data& project_;
  spatial::SiteOracle& oracle_;
  std::int32_t today_;
  std::uint32_t unit_ = 0;
  bool spatial_seen_ = false;   // a spatial node was evaluated (its value depends on the unit)
  struct KindMemo {
    std::uint8_t state = 0;                 // 0: not yet; else Truth + 1
    std::uint32_t missing_begin = 0;        // unknown: its slots in kind_missing_
    std::uint32_t missing_end = 0;
    bool spatial = false;                   // depends on the unit: forgotten when the unit changes
  };
  std::vector<KindMemo> kinds_;
  std::vector<ir::Slot> kind_missing_;
  std::vector<ir::Slot> missing_;
  std::vector<std::unique_ptr<Picking>> pickings_;  // by layer; empty until one is needed
};

}  // namespace zhunru::eval
