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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compile/program.hpp"
#include "model/codes.hpp"
#include "model/model.hpp"

namespace zhunru::ir {

class RuleIndex {
 public:
  /// A rule filed under an industry code.
  struct Filed {
    std::uint32_t code;  // index into Buckets::codes, which is sorted: entries sort as their codes do
    std::uint32_t rule;
  };
  /// Rules in flat arrays, a range per (tier, class) bucket — a national
  /// list has 143,000 buckets, and a vector or map in each cost 390 MB where
  /// these cost 30 (docs/benchmarks.md). What a snapshot stores of the index.
  /// Per bucket b: all rules in all[all_at[b], all_at[b + 1]), those that
  /// require no industry in any[any_at[b] …], those filed by industry code
  /// in filed[filed_at[b] …], sorted by code then rule.
  struct Buckets {
    std::vector<std::uint32_t> all, all_at;
    std::vector<std::uint32_t> any, any_at;
    std::vector<Filed> filed;
    std::vector<std::uint32_t> filed_at;
    std::vector<std::string> codes;  // every industry code rules are filed under, sorted
  };

  RuleIndex() = default;
  /// Files the model's rules.
  explicit RuleIndex(const model::Model& model);
  /// Takes rules filed before (a snapshot's), for the same model; damaged()
  /// must have found nothing wrong with them.
  RuleIndex(const model::Model& model, Buckets filed);

  /// What is wrong with `b` as the index of a model of `tiers` tiers and
  /// `rules` rules, such that looking rules up could read out of bounds; or
  /// nullopt. For buckets read from a file anyone may have crafted.
  static std::optional<std::string> damaged(const Buckets& b, std::size_t tiers, std::size_t rules);

  /// Replaces `out` with the tiers whose rules apply in the unit `code` of
  /// district `district`, outermost first.
  void tiers_for(const std::string& code, const std::string& district, std::vector<model::TierId>& out) const;
  /// Appends, in ascending order, the rules of `tier` that may apply in a unit
  /// of class `c` to a project of industry `industry` (null: unknown).
  void candidates(model::TierId tier, UnitClass c, const std::string* industry, std::vector<std::uint32_t>& out) const;
  /// The industry fact rules are filed by, if the ruleset declares one.
  [[nodiscard]] std::optional<model::FactId> industry_fact() const { return industry_fact_; }
  [[nodiscard]] const Buckets& buckets() const { return b_; }

 private:
  static std::size_t bucket(model::TierId tier, UnitClass c) { return std::size_t{tier} * 3 + static_cast<std::size_t>(c); }
  /// The tiers by code, and the industry fact: cheap, so never stored.
  void link_tiers(const model::Model& model);
  /// Appends the rules of `bucket` filed under `prefix` (`under`: under any
  /// code that starts with it).
  void append_filed(std::size_t bucket, std::string_view prefix, bool under, std::vector<std::uint32_t>& out) const;

  Buckets b_;
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
