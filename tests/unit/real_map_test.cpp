// The real Chongqing data (tests/fixtures/maps/README.md), defects and all.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <thread>

#include "api/ruleset_data.hpp"
#include "base/file_io.hpp"
#include "spatial/locate.hpp"
#include "support/spatial_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::string fixture(const char* name) {
  auto bytes = read_file(std::string(ZHUNRU_FIXTURES) + "/maps/" + name);
  REQUIRE(bytes);
  return *bytes;
}

/// The 38 districts as a unit map, one general unit each (ZH + code + 30001).
std::string districts_as_units() {
  auto doc = nlohmann::json::parse(fixture("chongqing-districts-2016.geojson"));
  for (auto& f : doc["features"]) {
    const std::string id = f["id"].get<std::string>();
    f["properties"]["code"] = "ZH" + id + "30001";
  }
  return doc.dump();
}

std::vector<SourceText> chongqing(const std::string& schema_tail, const std::string& tiers = "") {
  return {{"schema.rules", R"(ruleset "真实地图" version "1" effective 2024-01-01;
fact industry : industry;
)" + schema_tail},
          {"tiers.rules", tiers.empty() ? "city 500000 { spatial-layout { X: ban projects where industry in [C26]; } }" : tiers},
          {"maps/districts.geojson", fixture("chongqing-districts-2016.geojson")},
          {"maps/rivers.geojson", fixture("chongqing-rivers-gshhg-level1.geojson")},
          {"maps/units.geojson", districts_as_units()}};
}

std::size_t count(const CompileResult& r, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                                [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace

TEST_CASE("real data: the 2016 district map's 8 invalid features are reported, and load once repaired") {
  const CompileResult plain = compile_sources(chongqing(R"(layer districts from "maps/districts.geojson";)"));
  CHECK_FALSE(plain.ok());
  CHECK(count(plain, "map.feature") == 8);
  for (const Diagnostic& d : plain.diagnostics) {
    if (d.code != "map.feature") continue;
    INFO(d.message.en);
    CHECK(d.location.file == "maps/districts.geojson");
    CHECK(d.message.en.starts_with("features["));
    CHECK(d.message.en.find(" (500") != std::string::npos);  // the district's code and name
  }
  const CompileResult repaired = compile_sources(chongqing(R"(layer districts from "maps/districts.geojson" repair;)"));
  INFO(repaired.render(Lang::en));
  CHECK(repaired.ok());
  CHECK(count(repaired, "map.repaired") == 8);
}

TEST_CASE("real data: GSHHG's 5 one-point river lines are reported, and dropped when repairing") {
  const CompileResult plain = compile_sources(chongqing(R"(layer rivers from "maps/rivers.geojson";)"));
  CHECK(count(plain, "map.feature") == 5);
  const CompileResult repaired = compile_sources(chongqing(R"(layer rivers from "maps/rivers.geojson" repair;)"));
  CHECK(repaired.ok());
  CHECK(count(repaired, "map.dropped") == 5);
}

TEST_CASE("real data: Jiefangbei lies in 渝中区 500103 — a line across the Yangtze touches two districts") {
  const auto rs = compile_ok(chongqing(R"(units from "maps/units.geojson" repair;)"));
  CHECK(rs->map_unit_count() == 38);
  const Project jiefangbei = project_ok(*rs, R"({"site": {"type": "Point", "coordinates": [106.5770, 29.5570]}})");
  REQUIRE(jiefangbei.units().size() == 1);
  CHECK(jiefangbei.units()[0].code == "ZH50010330001");
  CHECK(jiefangbei.units()[0].district == "500103");
  CHECK(jiefangbei.units()[0].name == "渝中区");

  // From Jiefangbei south over the Yangtze into 南岸区.
  const Project bridge = project_ok(
      *rs, R"({"site": {"type": "LineString", "coordinates": [[106.5770, 29.5570], [106.5770, 29.5300]]}})");
  std::vector<std::string> districts;
  for (const ProjectUnit& u : bridge.units()) districts.push_back(u.district);
  std::sort(districts.begin(), districts.end());
  CHECK(districts == std::vector<std::string>{"500103", "500108"});
  double total = 0.0;
  for (const ProjectUnit& u : bridge.units()) total += *u.share;
  CHECK(total == doctest::Approx(1.0).epsilon(0.02));  // neighbours overlap and leave slivers
}

TEST_CASE("real data: the Yangtze layer measures metres from a site — eight threads agree with one") {
  const auto rs = compile_ok(chongqing(R"(units from "maps/units.geojson" repair;
layer rivers from "maps/rivers.geojson" repair;)",
                                       "city 500000 { spatial-layout { R: ban projects within 1 km of rivers; } }"));
  std::vector<std::string> projects;
  for (int i = 0; i < 40; ++i) {  // lines and points across the Yangtze and 渝中区
    const double lon = 106.45 + 0.01 * i;
    if (i % 2 == 0) {
      projects.push_back(R"({"industry": "C1311", "site": {"type": "LineString", "coordinates": [[)" +
                         std::to_string(lon) + ", 29.50], [" + std::to_string(lon + 0.004) + ", 29.62]]}}");
    } else {
      projects.push_back(R"({"industry": "C1311", "site": {"type": "Point", "coordinates": [)" + std::to_string(lon) +
                         ", 29.55]}}");
    }
  }
  std::vector<std::string> one;
  for (const auto& p : projects) one.push_back(to_json(*evaluate(*rs, project_ok(*rs, p), {day(2025, 1, 1), true})));
  CHECK(std::count_if(one.begin(), one.end(), [](const std::string& j) { return j.find("\"reject\"") != std::string::npos; }) > 0);
  std::vector<std::vector<std::string>> many(8);
  std::vector<std::thread> threads;
  std::vector<Project> built;
  for (const auto& p : projects) built.push_back(project_ok(*rs, p));
  for (std::size_t t = 0; t < many.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const Project& p : built) many[t].push_back(to_json(*evaluate(*rs, p, {day(2025, 1, 1), true})));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& m : many) {
    REQUIRE(m.size() == one.size());
    for (std::size_t i = 0; i < m.size(); ++i) {
      INFO(projects[i]);
      CHECK(m[i] == one[i]);
    }
  }
}

TEST_CASE("real data: overlapping districts are reported by the map lint") {
  CompileOptions options;
  options.lint_maps = true;
  const CompileResult r = compile_sources(chongqing(R"(units from "maps/units.geojson" repair;)"), options);
  REQUIRE(r.ok());
  double total_m2 = 0.0;
  std::size_t pairs = 0;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code != "map.overlap") continue;
    ++pairs;
    const auto by = d.message.en.find(" by ");
    total_m2 += std::stod(d.message.en.substr(by + 4));
  }
  MESSAGE(pairs, " overlapping pairs, ", total_m2 / 1e6, " km²");
  // Measured: 47 pairs, 4.07 km² (shared/data/README.md gives ≈13 km² by a
  // method it does not state; the metres themselves are checked below).
  CHECK(pairs == 47);
  CHECK(total_m2 / 1e6 == doctest::Approx(4.07).epsilon(0.01));
  CHECK(count(compile_sources(chongqing(R"(units from "maps/units.geojson" repair;)")), "map.overlap") == 0);
}

TEST_CASE("real data: the districts' areas in metres add up to Chongqing's 82,400 km²") {
  const auto rs = compile_ok(chongqing(R"(units from "maps/units.geojson" repair;)"));
  const maps::UnitMap& map = *rs->data().maps.units;
  double total = 0.0;
  double yuzhong = 0.0;
  for (std::uint32_t u = 0; u < map.size(); ++u) {
    const geo::Geometry& g = *map.feature(u).geometry;
    geo::Coordinate centre;
    g.getEnvelopeInternal()->centre(centre);
    const auto metric = geo::LocalMetric::centred_at(centre.x);
    const double area = spatial::measure(g, 2, *metric, *g.getFactory());
    total += area;
    if (map.unit(u).district == "500103") yuzhong = area;
  }
  // Official: 82,402 km² for the municipality, 22.34 km² for 渝中区; the
  // 2016 outlines are coarse (~100 m grid) and overlap by a few km².
  CHECK(total / 1e6 == doctest::Approx(82402.0).epsilon(0.005));
  CHECK(yuzhong / 1e6 == doctest::Approx(22.34).epsilon(0.05));
}
