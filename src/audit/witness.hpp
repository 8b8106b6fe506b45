// Witnesses: a Z3 model of a finding turned into a project file — the
// facts the involved rules read, and a unit where all of them apply — and
// then judged by the evaluator, so that no witness is reported that does
// not show its finding.
#pragma once

#include <z3++.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "audit/encoder.hpp"
#include "geo/geos.hpp"
#include "maps/maps.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/expected.hpp"

namespace zhunru::auditing {

/// What evaluating the witness must show, for the finding's rules in order.
enum class Expect {
  nothing,                          // no witness (nothing satisfies the rule)
  first_violated,                   // rules[0] violated
  first_violated_second_satisfied,  // rules[0] violated, rules[1] satisfied (or matched, for allow/encourage)
  one_violated,                     // both apply, at least one violated
  both_violated,
  first_violated_second_not,        // rules[0] violated, rules[1] satisfied or not applicable
};

class WitnessBuilder {
 public:
  WitnessBuilder(const Ruleset& ruleset, std::chrono::year_month_day as_of) : rs_(ruleset), as_of_(as_of) {}

  /// The project file, or why there is none.
  Expected<std::string, LocalizedText> build(Encoder& encoder, const z3::model& model,
                                             const std::vector<std::uint32_t>& rules, UnitClass unit_class,
                                             Expect expect) const;

 private:
  const model::Tier& deepest_tier(const std::vector<std::uint32_t>& rules) const;
  bool unit_fits(const std::vector<std::uint32_t>& rules, UnitClass c, const std::string& code,
                 const std::string& district, UnitClass unit_class) const;
  std::optional<std::string> unit_for(const std::vector<std::uint32_t>& rules, UnitClass c) const;
  /// A point site (GeoJSON) and the unit it lies in, where the rules apply
  /// and the spatial tests take the values wanted; searched, not solved.
  /// Any unit class the rules' scopes admit will do: facts do not depend on it.
  std::optional<std::pair<std::string, std::string>> site_for(const std::vector<std::uint32_t>& rules,
                                                              const std::vector<Encoder::SpatialValue>& wanted) const;
  /// Why the witness does not show the finding, if it does not; `verdict`: the verdict it gets.
  std::optional<LocalizedText> shows(const std::string& json, const std::vector<std::uint32_t>& rules,
                                     const std::string& unit, Expect expect, Verdict* verdict = nullptr) const;

  const Ruleset& rs_;
  std::chrono::year_month_day as_of_;
};

/// Points worth trying as a witness's site: `seeds` (points inside the units
/// that fit), then points in the areas and near the linework of the layers
/// the spatial tests `wanted` name, on them and either side of each distance
/// tested — only of features in `near`, when given (a diff's pair of units).
std::vector<geo::Coordinate> candidate_points(const maps::Maps& maps, const std::vector<Encoder::SpatialValue>& wanted,
                                              std::vector<geo::Coordinate> seeds, const geo::Envelope* near = nullptr);

/// A witness project file: `{"project": {"name": NAME}, facts…, PLACE}`,
/// each fact a `(name, JSON value)` pair, `place` its `"units"` or `"site"` member.
std::string witness_file(std::string_view name, const std::vector<std::pair<std::string, std::string>>& facts,
                         std::string_view place);

/// The facts a condition reads, through kinds.
std::set<model::FactId> facts_in(const model::Model& m, model::CondId id);
/// The facts a rule reads (subject, where, unless, requirement, kinds).
std::vector<model::FactId> facts_read(const model::Model& m, const model::Rule& r);
/// Whether a rule tests the site (a scope or condition on a layer).
bool tests_site(const model::Model& m, const model::Rule& r);

/// Map findings: unit codes the rules name that the unit map lacks; map
/// units no tier covers.
void map_findings(const Ruleset& ruleset, std::vector<AuditFinding>& out);

}  // namespace zhunru::auditing
