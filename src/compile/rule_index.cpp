#include "compile/rule_index.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

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
    if (codes) dedupe(*codes);
    if (codes && (!best || codes->size() < best->size())) best = std::move(codes);
  }
  return best;
}

namespace {

/// Values grouped by bucket, each group keeping the order the pairs came in
/// (a counting sort): `values` gets the values, `at` the groups' starts
/// (bucket b is [at[b], at[b + 1])).
template <class V>
void group_by_bucket(const std::vector<std::pair<std::uint32_t, V>>& pairs, std::size_t buckets, std::vector<V>& values,
                     std::vector<std::uint32_t>& at) {
  at.assign(buckets + 1, 0);
  for (const auto& [b, v] : pairs) ++at[b + 1];
  for (std::size_t b = 0; b < buckets; ++b) at[b + 1] += at[b];
  values.resize(pairs.size());
  std::vector<std::uint32_t> next(at.begin(), at.end() - 1);
  for (const auto& [b, v] : pairs) values[next[b]++] = v;
}

/// The industry codes each condition requires, numbered, worked out once per
/// condition: rules share their conditions (the checker keeps one node per
/// meaning), so a national list of a million rules asks about a few thousand.
class CodesByCondition {
 public:
  CodesByCondition(const model::Model& model, model::FactId fact)
      : model_(model), fact_(fact), kinds_(model.kinds.size()), conds_(model.conds.size()) {}

  /// The numbers of the codes `rule`'s subject and `where` require (the
  /// narrower, as rule_industries() says), or null when they require none.
  const std::vector<std::uint32_t>* of(const model::Rule& rule) {
    const std::vector<std::uint32_t>* best = nullptr;
    for (const auto& part : {rule.subject, rule.where}) {
      if (!part) continue;
      const std::vector<std::uint32_t>* codes = of(*part);
      if (codes && (!best || codes->size() < best->size())) best = codes;
    }
    return best;
  }
  /// Every code numbered so far, by number.
  [[nodiscard]] const std::vector<std::string>& codes() const { return texts_; }

 private:
  struct Memo {
    bool requires_codes = false;
    std::vector<std::uint32_t> numbers;
  };
  const std::vector<std::uint32_t>* of(model::CondId c) {
    std::optional<Memo>& memo = conds_[c];
    if (!memo) {
      memo.emplace();
      if (auto codes = industry_requirement(model_, c, fact_, kinds_)) {
        dedupe(*codes);
        memo->requires_codes = true;
        for (const std::string& code : *codes) memo->numbers.push_back(number(code));
      }
    }
    return memo->requires_codes ? &memo->numbers : nullptr;
  }
  std::uint32_t number(const std::string& code) {
    const auto [it, added] = numbers_.try_emplace(code, static_cast<std::uint32_t>(texts_.size()));
    if (added) texts_.push_back(code);
    return it->second;
  }

  const model::Model& model_;
  model::FactId fact_;
  std::vector<std::optional<IndustryCodes>> kinds_;
  std::vector<std::optional<Memo>> conds_;
  std::unordered_map<std::string, std::uint32_t> numbers_;
  std::vector<std::string> texts_;
};

}  // namespace

void RuleIndex::link_tiers(const model::Model& model) {
  for (model::FactId f = 0; f < model.facts.size() && !industry_fact_; ++f) {
    if (model.facts[f].kind == model::FactKind::industry) industry_fact_ = f;
  }
  for (model::TierId t = 0; t < model.tiers.size(); ++t) {
    const model::Tier& tier = model.tiers[t];
    switch (tier.level) {
      case TierLevel::nation:
      case TierLevel::province:
      case TierLevel::city: cities_by_prefix_[model::territory_prefix(tier)].push_back(t); break;
      case TierLevel::district: districts_.emplace(tier.code, t); break;
      case TierLevel::unit: units_.emplace(tier.code, t); break;
    }
  }
}

RuleIndex::RuleIndex(const model::Model& model, Buckets filed) : b_(std::move(filed)) { link_tiers(model); }

namespace {

/// Whether `at` splits `values` into `buckets` ranges, in order.
bool splits(const std::vector<std::uint32_t>& at, std::size_t values, std::size_t buckets) {
  if (at.size() != buckets + 1 || at.front() != 0 || at.back() != values) return false;
  return std::is_sorted(at.begin(), at.end());
}

}  // namespace

std::optional<std::string> RuleIndex::damaged(const Buckets& b, std::size_t tiers, std::size_t rules) {
  const std::size_t buckets = tiers * 3;
  if (!splits(b.all_at, b.all.size(), buckets) || !splits(b.any_at, b.any.size(), buckets) ||
      !splits(b.filed_at, b.filed.size(), buckets)) {
    return "the rule index's buckets do not match the tiers";
  }
  const auto beyond = [rules](std::uint32_t r) { return r >= rules; };
  if (std::any_of(b.all.begin(), b.all.end(), beyond) || std::any_of(b.any.begin(), b.any.end(), beyond)) {
    return "the rule index names a rule that does not exist";
  }
  for (const Filed& f : b.filed) {
    if (f.rule >= rules || f.code >= b.codes.size()) return "the rule index names a rule or code that does not exist";
  }
  if (!std::is_sorted(b.codes.begin(), b.codes.end())) return "the rule index's industry codes are out of order";
  return std::nullopt;
}

RuleIndex::RuleIndex(const model::Model& model) {
  link_tiers(model);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> all;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> any;
  std::vector<std::pair<std::uint32_t, Filed>> filed;  // codes numbered as first met, renumbered below
  std::optional<CodesByCondition> codes;
  if (industry_fact_) codes.emplace(model, *industry_fact_);
  // Room for a rule in every class: pages of the unused part are never touched.
  all.reserve(model.rules.size() * 3);
  any.reserve(model.rules.size() * 3);
  filed.reserve(model.rules.size() * 3);
  for (std::uint32_t i = 0; i < model.rules.size(); ++i) {
    const model::Rule& r = model.rules[i];
    const std::uint8_t classes = class_mask(r);
    const std::vector<std::uint32_t>* industries = codes ? codes->of(r) : nullptr;
    for (std::uint32_t c = 0; c < 3; ++c) {
      if (!(classes & (1u << c))) continue;
      const auto b = static_cast<std::uint32_t>(bucket(r.tier, static_cast<UnitClass>(c)));
      all.emplace_back(b, i);
      if (!industries) {
        any.emplace_back(b, i);
        continue;
      }
      for (const std::uint32_t code : *industries) filed.emplace_back(b, Filed{code, i});
    }
  }
  const std::size_t buckets = model.tiers.size() * 3;
  group_by_bucket(all, buckets, b_.all, b_.all_at);
  group_by_bucket(any, buckets, b_.any, b_.any_at);
  // Codes sorted, so that the codes under a prefix are adjacent.
  std::vector<std::pair<std::string, std::uint32_t>> by_text;
  for (std::uint32_t k = 0; codes && k < codes->codes().size(); ++k) by_text.emplace_back(codes->codes()[k], k);
  std::sort(by_text.begin(), by_text.end());
  std::vector<std::uint32_t> rank(by_text.size());
  for (std::uint32_t k = 0; k < by_text.size(); ++k) {
    rank[by_text[k].second] = k;
    b_.codes.push_back(std::move(by_text[k].first));
  }
  for (auto& [b, f] : filed) f.code = rank[f.code];
  group_by_bucket(filed, buckets, b_.filed, b_.filed_at);
  for (std::size_t b = 0; b < buckets; ++b) {
    std::sort(b_.filed.begin() + b_.filed_at[b], b_.filed.begin() + b_.filed_at[b + 1],
              [](const Filed& x, const Filed& y) { return std::pair(x.code, x.rule) < std::pair(y.code, y.rule); });
  }
}

void RuleIndex::tiers_for(const std::string& code, const std::string& district,
                          std::vector<model::TierId>& out) const {
  out.clear();
  // Territory prefixes: the nation's is empty, a province's 2 digits, a
  // city's 2 or 4 (codes end in 0000 or 00); every one containing the unit applies.
  for (std::size_t len = 0; len <= 4; len += 2) {
    const auto it = cities_by_prefix_.find(district.substr(0, len));
    if (it != cities_by_prefix_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  if (const auto it = districts_.find(district); it != districts_.end()) out.push_back(it->second);
  if (const auto it = units_.find(code); it != units_.end()) out.push_back(it->second);
}

void RuleIndex::append_filed(std::size_t b, std::string_view prefix, bool under, std::vector<std::uint32_t>& out) const {
  // The bucket's entries sort as their codes' texts do: search them, not every code.
  const auto end = b_.filed.begin() + b_.filed_at[b + 1];
  auto it = std::lower_bound(b_.filed.begin() + b_.filed_at[b], end, prefix,
                             [this](const Filed& f, std::string_view code) { return b_.codes[f.code] < code; });
  for (; it != end; ++it) {
    const std::string& code = b_.codes[it->code];
    if (under ? !code.starts_with(prefix) : code != prefix) break;
    out.push_back(it->rule);
  }
}

void RuleIndex::candidates(model::TierId tier, UnitClass c, const std::string* industry,
                           std::vector<std::uint32_t>& out) const {
  const std::size_t b = bucket(tier, c);
  if (!industry) {
    out.insert(out.end(), b_.all.begin() + b_.all_at[b], b_.all.begin() + b_.all_at[b + 1]);
    return;
  }
  const std::size_t start = out.size();
  out.insert(out.end(), b_.any.begin() + b_.any_at[b], b_.any.begin() + b_.any_at[b + 1]);
  if (b_.filed_at[b] != b_.filed_at[b + 1]) {
    // C2614 → C, C26, C261 (industry codes are a letter then 2–4 digits) …
    for (std::size_t len = 1; len < industry->size(); ++len) {
      if (len != 2) append_filed(b, std::string_view(*industry).substr(0, len), false, out);
    }
    // … and C2614 itself with every code under it, for a coarse code.
    append_filed(b, *industry, true, out);
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()), out.end());
}

}  // namespace zhunru::ir
