// Geometries beside the site (issue #15, feature 7): `geometry outfall;`
// declared, given in the project file as a site is, and tested whole —
// `outfall inside L`, `outfall within Q of L` — in every unit the site is in.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "support/spatial_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/schema.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kGeometries = R"(
fact new-outfall : bool "新建排污口";
geometry outfall "排污口";
geometry origin "迁建前厂址";
)";

const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    O1: ban projects where new-outfall and outfall within 500 m of water;
    O2: ban projects where outfall inside parks;
    M1: ban projects where origin inside parks and not site inside parks;
  }
}
)";

const char* const kTiers0 = "city 500000 { spatial-layout { X: ban projects within 1 km of river; } }";

std::vector<SourceText> sources(const std::string& tiers = kTiers) {
  auto out = spatial_sources(tiers);
  out[0].text += kGeometries;
  return out;
}

// The site a plant in unit A; the water point lies in unit B, the park in A.
const std::string kPlant = rect(106.505, 29.505, 106.51, 29.51);
const std::string kNearWater = point(106.577, 29.525);  // ~200 m from the water point
const std::string kFarAway = point(106.59, 29.59);
const std::string kInPark = point(106.525, 29.525);

std::string judged(const Ruleset& rs, const std::string& members) {
  const Decision d = decide(rs, R"({"new-outfall": true, "site": )" + kPlant + (members.empty() ? "" : ", ") + members + "}");
  std::string out = std::string(name_of(d.verdict)) + ":";
  for (const std::string& v : d.violated) out += " " + v;
  for (const std::string& m : d.missing) out += " ?" + m;
  return out;
}

std::vector<std::string> messages(const std::string& tiers) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources(tiers)).diagnostics) {
    out.push_back(d.code + ": " + d.message.en + (d.help.en.empty() ? "" : " | " + d.help.en));
  }
  return out;
}

}  // namespace

TEST_CASE("project geometry: tested whole, wherever the site is") {
  const auto rs = compile_ok(sources());
  // The outfall lies in unit B, the plant in unit A: the city's rule sees it.
  CHECK(judged(*rs, R"("outfall": )" + kNearWater + R"(, "origin": )" + kFarAway) == "reject: O1");
  CHECK(judged(*rs, R"("outfall": )" + kFarAway + R"(, "origin": )" + kFarAway) == "admit:");
  CHECK(judged(*rs, R"("outfall": )" + kInPark + R"(, "origin": )" + kInPark) == "reject: M1 O2");
  // Not given: asked for, by name, only by the rules that test it.
  CHECK(judged(*rs, R"("origin": )" + kFarAway) == "incomplete: ?outfall");
  CHECK(judged(*rs, R"("outfall": )" + kFarAway) == "incomplete: ?origin");
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(judged(**loaded, R"("outfall": )" + kNearWater + R"(, "origin": )" + kFarAway) == "reject: O1");
  CHECK(judged(**loaded, R"("origin": )" + kFarAway) == "incomplete: ?outfall");
}

TEST_CASE("project geometry: Chinese keywords and fmt, the schema, the introspection") {
  const auto zh = format_source({"tiers.rules", kTiers}, {Lang::zh});
  REQUIRE(zh.text);
  CHECK(zh.text->find("当 new-outfall 且 outfall 距 water 500 m 范围内;") != std::string::npos);
  CHECK(zh.text->find("当 outfall 在 parks 内;") != std::string::npos);
  const auto en = format_source({"tiers.rules", *zh.text}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == format_source({"tiers.rules", kTiers}, {Lang::en}).text.value());
  const auto from_zh = compile_ok(sources(*zh.text));
  CHECK(judged(*from_zh, R"("outfall": )" + kNearWater + R"(, "origin": )" + kFarAway) == "reject: O1");
  const auto declared = format_source({"schema.rules", kGeometries}, {Lang::zh});
  REQUIRE(declared.text);
  CHECK(declared.text->find("几何 outfall \"排污口\";") != std::string::npos);
  const auto rs = compile_ok(sources());
  const auto geometries = rs->geometries();
  REQUIRE(geometries.size() == 2);
  CHECK(geometries[0].name == "outfall");
  CHECK(geometries[0].label == "排污口");
  CHECK(project_schema(*rs).find("\"title\": \"排污口 · outfall\"") != std::string::npos);
  const auto described = nlohmann::json::parse(describe_json(*rs, false));
  CHECK(described["geometries"] == nlohmann::json::parse(R"([{"name": "outfall", "label": "排污口"},
                                                              {"name": "origin", "label": "迁建前厂址"}])"));
  CHECK_FALSE(nlohmann::json::parse(describe_json(*compile_ok(spatial_sources(kTiers0)), false)).contains("geometries"));
}

TEST_CASE("project geometry: misuse found by the checker and by the project reader") {
  CHECK(messages("city 500000 { spatial-layout { X: ban projects where outfal inside parks; } }") ==
        std::vector<std::string>{"check.not-a-geometry: `outfal` is not a geometry the project gives; declare it with "
                                 "`geometry outfal;`, or test the site: `site …` | did you mean `outfall`?"});
  CHECK(messages("city 500000 { spatial-layout { X: ban projects where new-outfall inside parks; } }").front().starts_with(
      "check.not-a-geometry: `new-outfall` is a fact, not a geometry"));
  CHECK(messages("city 500000 { spatial-layout { X: ban projects where outfall; } }").front().starts_with(
      "check.geometry-needs-layer: `outfall` is a geometry; a condition tests it against a layer"));
  const auto rs = compile_ok(sources());
  CHECK(project_errors(*rs, R"({"outfall": "at the river", "units": ["ZH50010310001"]})") ==
        std::vector<std::string>{"outfall: `outfall` is a geometry: give it as a GeoJSON geometry object, like `site`"});
  const auto bad = project_errors(*rs, R"({"outfall": {"type": "Point", "coordinates": [200, 29]}, "units": ["ZH50010310001"]})");
  REQUIRE(bad.size() == 1);
  CHECK(bad.front().starts_with("outfall: "));
  FactsBuilder twice(*rs);
  twice.set_geometry("outfall", kFarAway).set_geometry("outfall", kFarAway).set_geometry("outfal", kFarAway);
  const ProjectResult p = std::move(twice).build();
  REQUIRE_FALSE(p.has_value());
  std::vector<std::string> codes;
  for (const ProjectError& e : p.error()) codes.push_back(e.code);
  CHECK(std::find(codes.begin(), codes.end(), "project.given-twice") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "project.unknown-fact") != codes.end());
}

TEST_CASE("project geometry: the auditor keeps a geometry's tests apart from the site's") {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const auto kinds = [&](const std::string& tiers) {
    std::vector<std::string> found;
    for (const AuditFinding& f : audit(*compile_ok(sources(tiers)), options).findings) {
      found.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
      CHECK(f.message.en.find("a bug") == std::string::npos);
    }
    return found;
  };
  const auto dead = kinds(R"(city 500000 { spatial-layout {
    D1: ban projects where outfall inside parks and not outfall within 1 km of parks;
    A1: ban projects where outfall inside parks and not site inside parks; } })");
  CHECK(std::find(dead.begin(), dead.end(), "dead-rule D1") != dead.end());
  CHECK(std::find(dead.begin(), dead.end(), "dead-rule A1") == dead.end());
}
