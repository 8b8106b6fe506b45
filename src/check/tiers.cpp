// Pass 3: tiers. Blocks with the same code are one tier (a tier may be split
// over files). A district refines the city whose territory prefix begins its
// code; a unit refines the district named by its code's six digits, or the
// city when that district has no block of its own. Cities refine the
// province (or a larger city) that contains them, provinces the nation; a
// tier with no wider one of its own refines the nation when there is one.
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "check/passes.hpp"
#include "model/codes.hpp"

namespace zhunru::check {
namespace {

LocalizedText level_name(model::TierLevel level) { return {std::string(name_of(level)), std::string(name_zh(level))}; }

/// Whether a tier is known by its territory prefix (and so can contain others).
bool territorial(model::TierLevel level) {
  return level == model::TierLevel::nation || level == model::TierLevel::province || level == model::TierLevel::city;
}

/// Nation, provinces and cities by territory prefix and districts by code,
/// built once: linking looks a tier's parent up instead of scanning every
/// tier (44,604 units against 47,781 tiers at national scale).
class TierLookup {
 public:
  explicit TierLookup(const model::Model& m) : m_(m) {
    for (model::TierId t = 0; t < m.tiers.size(); ++t) {
      if (territorial(m.tiers[t].level)) territories_[model::territory_prefix(m.tiers[t])].push_back(t);
      if (m.tiers[t].level == model::TierLevel::district) districts_.emplace(m.tiers[t].code, t);
    }
  }

  static constexpr model::TierId kNone = std::numeric_limits<model::TierId>::max();

  /// The narrowest territorial tier other than `self` (kNone: any) whose
  /// territory contains `code` and that is no narrower than `level` (province
  /// 510000 holds city 510000 and not the reverse).
  [[nodiscard]] std::optional<model::TierId> container(model::TierId self, model::TierLevel level,
                                                       std::string_view code) const {
    for (std::size_t len = code.size() + 1; len-- > 0;) {
      const auto it = territories_.find(std::string(code.substr(0, len)));
      if (it == territories_.end()) continue;
      std::optional<model::TierId> best;
      for (const model::TierId t : it->second) {
        if (t == self || m_.tiers[t].level > level) continue;
        if (!best || m_.tiers[t].level > m_.tiers[*best].level) best = t;
      }
      if (best) return best;
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<model::TierId> district(const std::string& code) const {
    const auto it = districts_.find(code);
    if (it == districts_.end()) return std::nullopt;
    return it->second;
  }

  [[nodiscard]] bool has_territory() const { return !territories_.empty(); }

 private:
  const model::Model& m_;
  std::unordered_map<std::string, std::vector<model::TierId>> territories_;
  std::unordered_map<std::string, model::TierId> districts_;
};

void link(Context& ctx, const TierLookup& lookup, model::TierId id, const Span& span) {
  model::Tier& tier = ctx.model.tiers[id];
  if (tier.level == model::TierLevel::nation) return;
  if (territorial(tier.level)) {  // a city inside a province or a larger city (320100 in 320000)
    tier.parent = lookup.container(id, tier.level, model::territory_prefix(tier));
    return;
  }
  std::string district = tier.code;
  if (tier.level == model::TierLevel::unit) {
    const auto unit = model::parse_unit_code(tier.code);
    if (!unit) return;  // malformed: reported by the parser
    district = unit->district;
    if (const auto parent = lookup.district(district)) {
      tier.parent = *parent;
      return;
    }
  }
  tier.parent = lookup.container(TierLookup::kNone, model::TierLevel::city, district);
  if (!tier.parent && lookup.has_territory()) {
    ctx.error("check.tier-outside", span,
              {level_name(tier.level).en + " " + tier.code + " lies outside every city and province of this ruleset",
               level_name(tier.level).zh + " " + tier.code + " 不在本清单任何市级、省级范围内"},
              {"a district's code begins with its city's code less the trailing 00s (500000 → 50xxxx)",
               "区县代码以所属市级代码去掉末尾的 00 开头（500000 → 50xxxx）"});
  }
}

}  // namespace

std::vector<std::vector<model::TierId>> link_tiers(Context& ctx, const std::vector<ParsedFile>& files) {
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* block = std::get_if<ast::TierBlock>(&item);
      if (block && block->level == model::TierLevel::city && block->code.text.starts_with("00")) {  // provinces: a syntax error
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
