#include "audit/place.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "audit/z3_terms.hpp"
#include "model/codes.hpp"

namespace zhunru::auditing {

PlaceEncoder::PlaceEncoder(z3::context& ctx, const model::Model& m, const z3::expr& unit_class, const std::string& name,
                           bool always)
    : ctx_(ctx), m_(m), unit_class_(unit_class), district_(ctx.int_const((name + "-district").c_str())),
      serial_(ctx.int_const((name + "-serial").c_str())) {
  needed_ = always ||
            std::any_of(m.rules.begin(), m.rules.end(), [](const model::Rule& r) { return r.units || !r.regions.empty(); });
}

std::string PlaceEncoder::code_in(const z3::model& model) const {
  return fmt::format("ZH{:06d}{}{:04d}", model.eval(district_, true).get_numeral_int(),
                     model.eval(unit_class_, true).get_numeral_int() + 1, model.eval(serial_, true).get_numeral_int());
}

z3::expr PlaceEncoder::background() const {
  return district_ >= 0 && district_ <= 999999 && serial_ >= 0 && serial_ <= 9999;
}

// The districts whose codes begin with `digits` (at most six): a range.
z3::expr PlaceEncoder::prefix(const std::string& digits) const {
  if (digits.empty() || digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return ctx_.bool_val(digits.empty());
  }
  std::int64_t scale = 1;
  for (std::size_t i = digits.size(); i < 6; ++i) scale *= 10;
  const std::int64_t low = std::stoll(digits) * scale;
  return district_ >= ctx_.int_val(low) && district_ <= ctx_.int_val(low + scale - 1);
}

z3::expr PlaceEncoder::unit(const std::string& code) const {
  const auto parsed = model::parse_unit_code(code);
  if (!parsed) return ctx_.bool_val(false);
  const int d = std::stoi(parsed->district);
  const int s = std::stoi(code.substr(code.size() - 4));
  const int c = static_cast<int>(parsed->unit_class);
  return district_ >= d && district_ <= d && unit_class_ >= c && unit_class_ <= c && serial_ >= s && serial_ <= s;
}

z3::expr PlaceEncoder::territory(const model::Tier& tier) const {
  if (tier.level == TierLevel::unit) return unit(tier.code);
  return prefix(model::territory_prefix(tier));
}

z3::expr PlaceEncoder::region(const model::RegionScope& g) const {
  std::vector<z3::expr> named;
  named.reserve(g.codes.size());
  for (const std::string& code : g.codes) {
    named.push_back(g.level == TierLevel::unit ? unit(code) : prefix(model::territory_prefix(g.level, code)));
  }
  const z3::expr any = any_of(ctx_, named);
  return g.negated ? !any : any;
}

z3::expr PlaceEncoder::tier_of(const model::Rule& r) const {
  return needed_ ? territory(m_.tiers[r.tier]) : ctx_.bool_val(true);
}

z3::expr PlaceEncoder::of(const model::Rule& r) const {
  if (!needed_) return ctx_.bool_val(true);
  std::vector<z3::expr> all{territory(m_.tiers[r.tier])};
  if (r.units) {
    std::vector<z3::expr> named;
    named.reserve(r.units->size());
    for (const std::string& code : *r.units) named.push_back(unit(code));
    all.push_back(any_of(ctx_, named));
  }
  for (const model::RegionScope& g : r.regions) all.push_back(region(g));
  return all_of(ctx_, all);
}

}  // namespace zhunru::auditing
