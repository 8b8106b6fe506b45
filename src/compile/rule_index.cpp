#include "compile/rule_index.hpp"

#include <algorithm>

#include "compile/lower.hpp"

namespace zhunru::ir {

namespace {

void dedupe(std::vector<std::string>& codes) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
}

}  // namespace

IndustryCodes industry_requirement(const model::Model& m, model::CondId id, model::FactId fact,
                                   std::vector<std::optional<IndustryCodes>>& cache) {
  return std::visit(
      [&](const auto& node) -> IndustryCodes {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, model::IndustryIn>) {
          if (node.fact == fact) return node.codes;
        } else if constexpr (std::is_same_v<T, model::IsKind>) {
          auto& memo = cache[node.kind];
          if (!memo) memo = industry_requirement(m, m.kinds[node.kind].condition, fact, cache);
          return *memo;
        } else if constexpr (std::is_same_v<T, model::All>) {
          // Every operand holds, so any operand's requirement does: keep the narrowest.
          std::optional<std::vector<std::string>> best;
          for (model::CondId c : node.operands) {
            auto r = industry_requirement(m, c, fact, cache);
            if (r && (!best || r->size() < best->size())) best = std::move(r);
          }
          return best;
        } else if constexpr (std::is_same_v<T, model::Any>) {
          // Some operand holds: the union, if every operand requires codes.
          std::vector<std::string> all;
          for (model::CondId c : node.operands) {
            auto r = industry_requirement(m, c, fact, cache);
            if (!r) return std::nullopt;
            all.insert(all.end(), r->begin(), r->end());
          }
          dedupe(all);
          return all;
        }
        return std::nullopt;
      },
      m.cond(id));
}

IndustryCodes rule_industries(const model::Model& m, const model::Rule& r, model::FactId fact,
                              std::vector<std::optional<IndustryCodes>>& cache) {
  IndustryCodes best;
  for (const auto& part : {r.subject, r.where}) {
    if (!part) continue;
    auto codes = industry_requirement(m, *part, fact, cache);
    if (codes && (!best || codes->size() < best->size())) best = std::move(codes);
  }
  if (best) dedupe(*best);
  return best;
}

RuleIndex::RuleIndex(const model::Model& model) : tiers_(model.tiers.size()) {
  for (model::FactId f = 0; f < model.facts.size() && !industry_fact_; ++f) {
    if (model.facts[f].kind == model::FactKind::industry) industry_fact_ = f;
  }
  for (model::TierId t = 0; t < model.tiers.size(); ++t) {
    const model::Tier& tier = model.tiers[t];
    switch (tier.level) {
      case TierLevel::city: cities_by_prefix_[model::territory_prefix(tier)].push_back(t); break;
      case TierLevel::district: districts_.emplace(tier.code, t); break;
      case TierLevel::unit: units_.emplace(tier.code, t); break;
    }
  }
  std::vector<std::optional<IndustryCodes>> kind_cache(model.kinds.size());
  for (std::uint32_t i = 0; i < model.rules.size(); ++i) {
    const model::Rule& r = model.rules[i];
    const std::uint8_t classes = class_mask(r);
    const auto industries = industry_fact_ ? rule_industries(model, r, *industry_fact_, kind_cache) : std::nullopt;
    for (int c = 0; c < 3; ++c) {
      if (!(classes & (1u << c))) continue;
      ClassBucket& bucket = tiers_[r.tier].classes[static_cast<std::size_t>(c)];
      bucket.all.push_back(i);
      if (!industries) {
        bucket.any_industry.push_back(i);
        continue;
      }
      for (const std::string& code : *industries) bucket.by_industry[code].push_back(i);
    }
  }
}

void RuleIndex::tiers_for(const std::string& code, const std::string& district,
                          std::vector<model::TierId>& out) const {
  out.clear();
  // City prefixes are 2 or 4 digits (codes end in 00 or 0000); nested cities all apply.
  for (std::size_t len = 2; len <= 4; len += 2) {
    const auto it = cities_by_prefix_.find(district.substr(0, len));
    if (it != cities_by_prefix_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  if (const auto it = districts_.find(district); it != districts_.end()) out.push_back(it->second);
  if (const auto it = units_.find(code); it != units_.end()) out.push_back(it->second);
}

void RuleIndex::candidates(model::TierId tier, UnitClass c, const std::string* industry,
                           std::vector<std::uint32_t>& out) const {
  const ClassBucket& bucket = tiers_[tier].classes[static_cast<std::size_t>(c)];
  if (!industry) {
    out.insert(out.end(), bucket.all.begin(), bucket.all.end());
    return;
  }
  const std::size_t start = out.size();
  out.insert(out.end(), bucket.any_industry.begin(), bucket.any_industry.end());
  if (!bucket.by_industry.empty()) {
    // C2614 → C, C26, C261 (industry codes are a letter then 2–4 digits) …
    for (std::size_t len = 1; len < industry->size(); ++len) {
      if (len == 2) continue;
      const auto it = bucket.by_industry.find(std::string_view(*industry).substr(0, len));
      if (it != bucket.by_industry.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    // … and C2614 itself with every code under it, for a coarse code.
    for (auto it = bucket.by_industry.lower_bound(*industry);
         it != bucket.by_industry.end() && it->first.starts_with(*industry); ++it) {
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()), out.end());
}

}  // namespace zhunru::ir
