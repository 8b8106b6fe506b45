#include "check/rule_id.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <set>

namespace zhunru::check {
namespace {

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string_view dimension_code(ast::ControlDimension d) {
  switch (d) {
    case ast::ControlDimension::spatial_layout: return "SL";
    case ast::ControlDimension::emission_control: return "EC";
    case ast::ControlDimension::risk_control: return "RC";
    case ast::ControlDimension::resource_efficiency: return "RE";
  }
  return "XX";
}

}  // namespace

std::string generated_rule_id(const model::Tier& tier, ast::ControlDimension dimension,
                              const format::Printer& english, const ast::Rule& rule) {
  std::string canonical = english.form(rule.form);
  if (rule.limit) canonical += " " + english.limit_head(*rule.limit);
  canonical += " " + english.subject(rule.subject) + " " + english.scope(rule.scope);
  if (rule.requirement) canonical += " to have " + english.expr(*rule.requirement);
  if (rule.where) canonical += " where " + english.expr(*rule.where);
  if (rule.unless) canonical += " unless " + english.expr(*rule.unless);
  return fmt::format("{}-{}-{:06x}", tier.code, dimension_code(dimension), fnv1a(canonical) & 0xffffff);
}

void disambiguate_generated_ids(std::vector<model::Rule>& rules) {
  std::set<std::string> taken;
  for (const model::Rule& r : rules) {
    if (!r.generated_id) taken.insert(r.id);
  }
  for (model::Rule& r : rules) {
    if (!r.generated_id) continue;
    std::string id = r.id;
    for (int n = 2; taken.contains(id); ++n) id = r.id + "-" + std::to_string(n);
    r.id = id;
    taken.insert(id);
  }
}

}  // namespace zhunru::check
