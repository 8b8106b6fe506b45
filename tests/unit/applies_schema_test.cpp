// `applies` (what can apply at a site) and `schema` (the project file as JSON
// Schema), on the Chongqing list, checked against evaluate and the loader.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "support/eval_helpers.hpp"
#include "zhunru/applies.hpp"
#include "zhunru/schema.hpp"

using namespace zhunru;
using namespace zhunru::testing;
using Json = nlohmann::json;

namespace {

std::shared_ptr<const Ruleset> chongqing() { return chongqing_rules(); }

const char* const kYuzhong = R"({"type": "Point", "coordinates": [106.551, 29.563]})";

std::set<std::string> ids(const UnitRequirements& u) {
  std::set<std::string> out;
  for (const ApplicableRule& r : u.rules) out.insert(r.rule.id);
  return out;
}

}  // namespace

TEST_CASE("applies: the units at a point, and the rules that can apply there — an industry narrows them") {
  const auto rs = chongqing();
  AppliesQuery q;
  q.site_geojson = kYuzhong;
  q.as_of = day(2025, 6, 1);
  const auto any = applies(*rs, q);
  REQUIRE(any.has_value());
  REQUIRE(any->units.size() == 1);
  const UnitRequirements& unit = any->units[0];
  CHECK(unit.code == "ZH50010310001");
  CHECK(unit.unit_class == UnitClass::priority);
  q.industry = "C2614";
  const auto chemical = applies(*rs, q);
  REQUIRE(chemical.has_value());
  const auto all = ids(unit);
  const auto narrowed = ids(chemical->units[0]);
  CHECK(narrowed.size() < all.size());
  CHECK(std::includes(all.begin(), all.end(), narrowed.begin(), narrowed.end()));
  CHECK(narrowed.count("CQ-SL-03") == 1);  // chemical projects within 1 km of the Yangtze

  // Every rule listed can apply: with the facts that make it apply, a project
  // there is judged by it. Conversely every rule a full project there is
  // judged by was listed.
  for (const char* facts : {R"("industry": "C2614", "nature": "新建", "catalogue": "permitted")",
                            R"("industry": "C3011", "nature": "扩建", "in-ftz": true)"}) {
    const Decision d = decide(*rs, std::string("{") + facts + R"(, "site": )" + kYuzhong + "}");
    for (const Finding& f : d.findings) {
      if (f.applies == true) CHECK_MESSAGE(all.count(f.rule) == 1, f.rule);
    }
  }
  // The rule index finds each rule by id.
  for (const RuleInfo& r : rs->rules()) CHECK(rs->rule(r.id)->source == r.source);
  CHECK_FALSE(rs->rule("no-such-rule"));

  const Json j = Json::parse(to_json(*chemical));
  CHECK(j["units"][0]["code"] == "ZH50010310001");
  CHECK(j["units"][0]["rules"].size() == narrowed.size());
  CHECK(to_text(*chemical, Lang::zh).find("优先保护单元") != std::string::npos);
}

TEST_CASE("applies: a site in no unit, a bad industry code — refused with project codes") {
  const auto rs = chongqing();
  AppliesQuery q;
  q.site_geojson = R"({"type": "Point", "coordinates": [1, 2]})";
  auto r = applies(*rs, q);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().front().code == "project.site-not-located");
  q.site_geojson = kYuzhong;
  q.industry = "X99";
  r = applies(*rs, q);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().front().fact == "industry");
}

TEST_CASE("schema: every fact with its type, unit, values and label, and the template loads as it is") {
  const auto rs = chongqing();
  const Json schema = Json::parse(project_schema(*rs));
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["additionalProperties"] == false);
  const Json& props = schema["properties"];
  for (const FactInfo& f : rs->facts()) {
    INFO(f.name);
    REQUIRE(props.contains(f.name));
    CHECK(props[f.name]["title"] == (f.label.empty() ? f.name : f.label));
    if (f.type == "one of") {
      std::set<std::string> consts;
      for (const Json& option : props[f.name]["anyOf"]) {
        if (option.contains("const")) consts.insert(option["const"].get<std::string>());
      }
      for (std::size_t i = 0; i < f.values.size(); ++i) {
        CHECK(consts.count(f.values[i]) == 1);
        if (!f.value_labels[i].empty()) CHECK(consts.count(f.value_labels[i]) == 1);
      }
    }
    if (f.type == "quantity") CHECK(props[f.name]["x-unit"] == f.unit);
  }
  for (const char* reserved : {"units", "site", "project"}) CHECK(props.contains(reserved));
  CHECK(props.size() == rs->facts().size() + 3);

  const std::string blank = project_template(*rs);
  CHECK(load_project_json(*rs, blank).has_value());
  const Json t = Json::parse(blank);
  CHECK(t.size() == rs->facts().size() + 1);
}
