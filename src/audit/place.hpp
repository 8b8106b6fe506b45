// Where a rule applies, for the solver: the territory of its tier and its
// scopes by unit and region (`in units [...]`, `in districts [...]`, `not in
// cities [...]`), as linear constraints on three integers of the unit the
// project lies in — its district code, its class, and its serial (the last
// four digits of its code). Only lists that use such scopes pay for them.
#pragma once

#include <z3++.h>

#include "model/model.hpp"

namespace zhunru::auditing {

class PlaceEncoder {
 public:
  /// `unit_class` is the auditor's variable for the unit's class (0–2);
  /// `name` names the other two (a diff has a place in each version);
  /// `always`: encode places even when no rule is scoped by unit or region
  /// (a diff compares rules of tiers no chain links).
  PlaceEncoder(z3::context& ctx, const model::Model& m, const z3::expr& unit_class, const std::string& name = "unit",
               bool always = false);

  /// Whether any rule is scoped by unit or region: without one, a rule's
  /// place is its tier alone, which pairing along the tier chain already respects.
  [[nodiscard]] bool needed() const { return needed_; }
  /// The units `r` may apply in (true when not needed()).
  [[nodiscard]] z3::expr of(const model::Rule& r) const;
  /// The units of `r`'s tier, whatever its scope (true when not needed()).
  [[nodiscard]] z3::expr tier_of(const model::Rule& r) const;
  /// The variables' ranges.
  [[nodiscard]] z3::expr background() const;
  /// The project lies in the unit coded `code` (false for a malformed code).
  [[nodiscard]] z3::expr unit(const std::string& code) const;
  /// The unit the variables name, by a Z3 model: ZH + district + class + serial.
  [[nodiscard]] std::string code_in(const z3::model& model) const;

 private:
  [[nodiscard]] z3::expr territory(const model::Tier& tier) const;
  [[nodiscard]] z3::expr prefix(const std::string& digits) const;
  [[nodiscard]] z3::expr region(const model::RegionScope& g) const;

  z3::context& ctx_;
  const model::Model& m_;
  z3::expr unit_class_;
  z3::expr district_;
  z3::expr serial_;
  bool needed_ = false;
};

}  // namespace zhunru::auditing
