// Finds the rules that can apply to a project in a unit without looking at
// the others: by tier (the cities whose territory holds the unit, its
// district, the unit itself), then unit class, then industry-code prefix.
//
// A rule is filed under the industry codes its subject and `where` require
// (`two-high` = industry in [C25, C26, …] files it under C25, C26, …); a
// project with industry C2614 looks up C, C26, C261 and C2614, and a project
// with the coarse code C30 also every code under it (C3011 may be its class).
// Rules that require no industry are always candidates; when the project's
// industry is unknown, every rule of the class is.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/program.hpp"
#include "model/codes.hpp"
#include "model/model.hpp"

namespace zhunru::ir {

class RuleIndex {
 public:
  RuleIndex() = default;
  explicit RuleIndex(const model::Model& model);

  /// Replaces `out` with the tiers whose rules apply in the unit `code` of
  /// district `district`, outermost first.
  void tiers_for(const std::string& code, const std::string& district, std::vector<model::TierId>& out) const;
  /// Appends, in ascending order, the rules of `tier` that may apply in a unit
  /// of class `c` to a project of industry `industry` (null: unknown).
  void candidates(model::TierId tier, UnitClass c, const std::string* industry, std::vector<std::uint32_t>& out) const;
  /// The industry fact rules are filed by, if the ruleset declares one.
  [[nodiscard]] std::optional<model::FactId> industry_fact() const { return industry_fact_; }

 private:
  struct ClassBucket {
    std::vector<std::uint32_t> all;
    std::vector<std::uint32_t> any_industry;
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> by_industry;  // ordered: codes under a prefix are adjacent
  };
  struct TierRules {
    std::array<ClassBucket, 3> classes;
  };

  std::vector<TierRules> tiers_;
  std::unordered_map<std::string, std::vector<model::TierId>> cities_by_prefix_;
  std::unordered_map<std::string, model::TierId> districts_;
  std::unordered_map<std::string, model::TierId> units_;
  std::optional<model::FactId> industry_fact_;
};

/// The industry codes a condition requires (true ⇒ the industry starts with
/// one of them), or nullopt when it requires none that can be read off.
/// `kind_cache` memoises each kind's answer (size it to the kinds, empty).
using IndustryCodes = std::optional<std::vector<std::string>>;
IndustryCodes industry_requirement(const model::Model& model, model::CondId cond, model::FactId industry_fact,
                                   std::vector<std::optional<IndustryCodes>>& kind_cache);
/// The industry codes a rule's subject and `where` require (the narrowest).
IndustryCodes rule_industries(const model::Model& model, const model::Rule& rule, model::FactId industry_fact,
                              std::vector<std::optional<IndustryCodes>>& kind_cache);

}  // namespace zhunru::ir
