// What applies where: the units a site touches and every rule of their tiers
// that can apply there — the unit-by-unit requirements a screening platform
// shows on its map (成果查询), narrowed by industry when one is given.
//
//   zhunru::AppliesQuery q;
//   q.site_geojson = R"({"type": "Point", "coordinates": [106.55, 29.56]})";
//   q.industry = "C2614";
//   auto answer = zhunru::applies(*ruleset, q);
//   if (answer) std::cout << zhunru::to_text(*answer, zhunru::Lang::zh);
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

struct AppliesQuery {
  std::string site_geojson;  // a GeoJSON geometry or Feature in lon/lat
  std::string industry;      // a GB/T 4754-2017 code, or "" for any industry
  std::chrono::year_month_day as_of = EvaluateOptions{}.as_of;
};

/// A rule that can apply in a unit: `certain` when it applies whatever the
/// project's other facts, otherwise it depends on them.
struct ApplicableRule {
  RuleInfo rule;
  bool certain = false;
};

struct UnitRequirements {
  std::string code;
  std::string name;
  UnitClass unit_class = UnitClass::general;
  std::string district;
  std::optional<double> share;
  std::vector<ApplicableRule> rules;  // city, then district, then unit rules, in ruleset order
};

struct Applicability {
  std::vector<UnitRequirements> units;
  std::vector<LocalizedText> notes;   // the share of the site outside every unit, repaired boundaries
  std::string industry;               // as asked; "" for any
  std::string ruleset_title;
  std::string ruleset_version;
  std::string ruleset_hash;
};

/// Locates the site on the ruleset's unit map and lists what can apply. Fails
/// (with the same codes as a project file) on a bad site or industry code, or
/// a site in no unit.
Expected<Applicability, std::vector<ProjectError>> applies(const Ruleset& ruleset, const AppliesQuery& query);

std::string to_json(const Applicability& answer, JsonLayout layout = JsonLayout::pretty);
std::string to_text(const Applicability& answer, Lang lang);

}  // namespace zhunru
