// Pass 3: tiers. Blocks with the same code are one tier (a tier may be split
// over files). A district refines the city whose territory prefix begins its
// code; a unit refines the district named by its code's six digits, or the
// city when that district has no block of its own.
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "check/passes.hpp"
#include "model/codes.hpp"

namespace zhunru::check {
namespace {

LocalizedText level_name(model::TierLevel level) {
  switch (level) {
    case model::TierLevel::city: return {"city", "市级"};
    case model::TierLevel::district: return {"district", "区县"};
    case model::TierLevel::unit: return {"unit", "单元"};
  }
  return {};
}

/// Cities by territory prefix and districts by code, built once: linking
/// looks a tier's parent up instead of scanning every tier (44,604 units
/// against 47,781 tiers at national scale).
class TierLookup {
 public:
  explicit TierLookup(const model::Model& m) {
    for (model::TierId t = 0; t < m.tiers.size(); ++t) {
      if (m.tiers[t].level == model::TierLevel::city) cities_[model::territory_prefix(m.tiers[t])] = t;
      if (m.tiers[t].level == model::TierLevel::district) districts_.emplace(m.tiers[t].code, t);
      has_city_ = has_city_ || m.tiers[t].level == model::TierLevel::city;
    }
  }

  /// The city with the longest territory prefix that begins `code`, other
  /// than the city `code` itself.
  [[nodiscard]] std::optional<model::TierId> city_of(const model::Model& m, std::string_view code) const {
    for (std::size_t len = code.size(); len > 0; --len) {
      const auto it = cities_.find(std::string(code.substr(0, len)));
      if (it != cities_.end() && m.tiers[it->second].code != code) return it->second;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<model::TierId> district(const std::string& code) const {
    const auto it = districts_.find(code);
    if (it == districts_.end()) return std::nullopt;
    return it->second;
  }

  [[nodiscard]] bool has_city() const { return has_city_; }

 private:
  std::unordered_map<std::string, model::TierId> cities_;
  std::unordered_map<std::string, model::TierId> districts_;
  bool has_city_ = false;
};

void link(Context& ctx, const TierLookup& lookup, model::TierId id, const Span& span) {
  model::Tier& tier = ctx.model.tiers[id];
  std::string district;
  if (tier.level == model::TierLevel::district) district = tier.code;
  if (tier.level == model::TierLevel::unit) {
    const auto unit = model::parse_unit_code(tier.code);
    if (!unit) return;  // malformed: reported by the parser
    district = unit->district;
    if (const auto parent = lookup.district(district)) {
      tier.parent = *parent;
      return;
    }
  }
  if (tier.level == model::TierLevel::city) {
    tier.parent = lookup.city_of(ctx.model, tier.code);  // a city inside a larger city (320100 in 320000)
    return;
  }
  tier.parent = lookup.city_of(ctx.model, district);
  if (!tier.parent && lookup.has_city()) {
    ctx.error("check.tier-outside", span,
              {level_name(tier.level).en + " " + tier.code + " lies outside every city of this ruleset",
               level_name(tier.level).zh + " " + tier.code + " 不在本清单任何市级范围内"},
              {"a district's code begins with its city's code less the trailing 00s (500000 → 50xxxx)",
               "区县代码以所属市级代码去掉末尾的 00 开头（500000 → 50xxxx）"});
  }
}

}  // namespace

std::vector<std::vector<model::TierId>> link_tiers(Context& ctx, const std::vector<ParsedFile>& files) {
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* block = std::get_if<ast::TierBlock>(&item);
      if (block && block->level == model::TierLevel::city && block->code.text.starts_with("00")) {
        ctx.error("check.city-code", block->code.span,
                  {"city " + block->code.text + " has no territory: a city code begins with its province's two digits",
                   "市级 " + block->code.text + " 没有辖区：市级代码以省级两位数字开头"});
      }
    }
  }
  std::map<std::pair<model::TierLevel, std::string>, model::TierId> by_code;
  std::map<model::TierId, const ast::TierBlock*> first_block;
  std::vector<std::vector<model::TierId>> block_tiers(files.size());
  for (std::size_t fi = 0; fi < files.size(); ++fi) {
    for (const ast::Item& item : files[fi].file->items) {
      const auto* block = std::get_if<ast::TierBlock>(&item);
      if (!block) continue;
      const auto key = std::pair{block->level, block->code.text};
      auto it = by_code.find(key);
      if (it == by_code.end()) {
        const auto id = static_cast<model::TierId>(ctx.model.tiers.size());
        ctx.model.tiers.push_back({block->level, block->code.text, block->name ? block->name->value : "",
                                   std::nullopt, ctx.locate(block->code.span)});
        it = by_code.emplace(key, id).first;
        first_block[id] = block;
      } else if (block->name) {
        model::Tier& tier = ctx.model.tiers[it->second];
        if (tier.name.empty()) {
          tier.name = block->name->value;
        } else if (tier.name != block->name->value) {
          Diagnostic& d = ctx.error("check.tier-name", block->name->span,
                                    {level_name(block->level).en + " " + block->code.text + " is named \"" +
                                         tier.name + "\" elsewhere",
                                     level_name(block->level).zh + " " + block->code.text + " 在别处名为“" +
                                         tier.name + "”"});
          ctx.note(d, first_block[it->second]->code.span, {"named here", "名称在此"});
        }
      }
      block_tiers[fi].push_back(it->second);
    }
  }
  const TierLookup lookup(ctx.model);
  for (model::TierId t = 0; t < ctx.model.tiers.size(); ++t) link(ctx, lookup, t, first_block[t]->code.span);
  return block_tiers;
}

}  // namespace zhunru::check
