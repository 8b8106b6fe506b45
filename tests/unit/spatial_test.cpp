// Maps, sites and spatial scopes on a synthetic world with known distances
// (tests/support/spatial_helpers.hpp).
#include <doctest/doctest.h>
#include <geos/geom/CoordinateSequenceFactory.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api/ruleset_data.hpp"
#include "geo/gcj02.hpp"
#include "geo/geojson_geometry.hpp"
#include "geo/local_metric.hpp"
#include "geo/metric_pool.hpp"
#include "geo/time_budget.hpp"
#include "spatial/locate.hpp"
#include "spatial/site.hpp"
#include "spatial/site_oracle.hpp"
#include "support/spatial_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    W1: ban chemical projects within 1 km of water;
    P1: ban chemical projects outside parks;
    I1: require projects inside parks to have low-voc;
    K1: ban projects in key units and within 500 m of river;
  }
}
)";

std::shared_ptr<const Ruleset> world(const std::string& tiers = kTiers) { return compile_ok(spatial_sources(tiers)); }

std::string with_site(const std::string& site, const std::string& facts = R"("industry": "C2614")") {
  return "{" + facts + R"(, "site": )" + site + "}";
}

std::string line(double x0, double y0, double x1, double y1) {
  return fmt::format(R"({{"type": "LineString", "coordinates": [[{}, {}], [{}, {}]]}})", x0, y0, x1, y1);
}

std::vector<std::string> map_codes(const std::vector<SourceText>& sources) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources).diagnostics) out.push_back(d.code + " " + d.message.en);
  return out;
}

bool any_contains(const std::vector<std::string>& v, const std::string& part) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

/// The verdict and statuses (rule@unit=status) of judging `json`.
std::string statuses(const Ruleset& rs, const std::string& json) {
  const Decision d = decide(rs, json);
  std::string out = std::string(name_of(d.verdict));
  for (const Finding& f : d.findings) out += " " + f.rule + "@" + f.unit.substr(8) + "=" + std::string(name_of(f.status));
  return out;
}

}  // namespace

TEST_CASE("maps: loaded with the ruleset, their bytes in its content hash") {
  const auto rs = world();
  REQUIRE(rs->map_unit_count() == 4);
  auto sources = spatial_sources(kTiers);
  sources[5].text = collection({plain_feature(rect(106.52, 29.52, 106.531, 29.53))});
  CHECK(compile_ok(sources)->hash() != rs->hash());
}

TEST_CASE("maps: missing files, paths outside the ruleset, and bad files are errors naming the map") {
  auto sources = spatial_sources(kTiers);
  sources.pop_back();  // parks.geojson
  CHECK(any_contains(map_codes(sources), "map.read maps/parks.geojson is not among the sources given"));

  std::string schema = kSpatialSchema;
  schema.replace(schema.find("maps/parks.geojson"), 18, "../parks.geojson");
  sources = spatial_sources(kTiers);
  sources[0].text = schema;
  CHECK(any_contains(map_codes(sources), "map.path map path \"../parks.geojson\" leaves the ruleset directory"));
  schema.replace(schema.find("../parks.geojson"), 16, "/etc/passwd");
  sources[0].text = schema;
  CHECK(any_contains(map_codes(sources), "must be relative"));

  sources = spatial_sources(kTiers);
  sources[5].text = "{not json";
  CHECK(any_contains(map_codes(sources), "map.json the map is not valid JSON at line 1, column 3"));
  sources[5].text = R"({"type": "Feature"})";
  CHECK(any_contains(map_codes(sources), "map.json a map must be a GeoJSON FeatureCollection"));
  sources[5].text = collection({});
  CHECK(any_contains(map_codes(sources), "map.empty"));
  sources[5].text = collection({plain_feature("null")});
  CHECK(any_contains(map_codes(sources), "map.feature features[0]: the feature has no geometry"));
}

TEST_CASE("maps: unit attributes — national or plain names, never contradicting each other or the code") {
  auto with_units = [](const std::vector<std::string>& features) {
    auto s = spatial_sources(kTiers);
    s[2].text = collection(features);
    return map_codes(s);
  };
  const std::string square = rect(106.5, 29.5, 106.6, 29.6);
  auto feature = [&](const std::string& props) {
    return R"({"type": "Feature", "properties": )" + props + R"(, "geometry": )" + square + "}";
  };
  CHECK(with_units({feature(R"({"HJZHGKDYBM": "ZH50010310001", "HJZHGKDYMC": "某单元", "ZHGKDYFL": 1})")}).empty());
  CHECK(with_units({feature(R"({"code": "ZH50010310001", "class": "优先保护", "district": "500103"})")}).empty());
  CHECK(any_contains(with_units({feature(R"({"name": "x"})")}), "map.attribute features[0] (x): the unit has no code"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH5001031"})")}), "does not follow the national pattern"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH50010310001", "ZHGKDYFL": 2})")}),
                     "class \"2\" contradicts the class digit"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH50010310001", "class": "core"})")}), "unknown unit class"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH50010310001", "district": "500104"})")}),
                     "district \"500104\" contradicts"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH50010310001", "HJZHGKDYBM": "ZH50010310002"})")}), "disagree"));
  CHECK(any_contains(with_units({feature(R"({"code": "ZH50010310001"})"), feature(R"({"code": "ZH50010310001"})")}),
                     "map.duplicate-unit features[1] (ZH50010310001): unit ZH50010310001 appears twice"));
  CHECK(any_contains(with_units({unit_feature("ZH50010310001", R"({"type": "Point", "coordinates": [106.5, 29.5]})")}),
                     "a unit must be a Polygon or MultiPolygon"));
}

TEST_CASE("maps: an invalid feature is an error, unless `repair` (or the option) says to make it valid") {
  const std::string bowtie =
      R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.6], [106.6, 29.5], [106.5, 29.6], [106.5, 29.5]]]})";
  auto sources = spatial_sources(kTiers);
  sources[5].text = collection({plain_feature(bowtie)});
  CHECK(any_contains(map_codes(sources), "map.feature features[0]: invalid geometry: self-intersection"));
  std::string schema = kSpatialSchema;
  schema.replace(schema.find("\"maps/parks.geojson\";"), 21, "\"maps/parks.geojson\" repair;");
  sources[0].text = schema;
  const auto repaired = map_codes(sources);
  CHECK(any_contains(repaired, "map.repaired features[0]: repaired: repaired with GEOS MakeValid: self-intersection"));
  CHECK(compile_sources(sources).ok());
  sources[0].text = kSpatialSchema;
  CompileOptions options;
  options.repair_maps = true;
  CHECK(compile_sources(sources, options).ok());
}

TEST_CASE("maps: `inside`/`outside` a layer without polygons is an error") {
  auto sources = spatial_sources("city 500000 { spatial-layout { X: ban projects inside river; } }");
  CHECK(any_contains(map_codes(sources), "map.no-areas layer river has no polygons"));
}

TEST_CASE("locate: a point lies in its unit with share 1 — on a border, in both") {
  const auto rs = world();
  Project p = project_ok(*rs, with_site(point(106.52, 29.52)));
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].code == "ZH50010310001");
  CHECK(p.units()[0].unit_class == UnitClass::priority);
  CHECK(p.units()[0].district == "500103");
  CHECK(*p.units()[0].share == 1.0);
  CHECK(p.units()[0].located);

  p = project_ok(*rs, with_site(point(106.55, 29.52)));
  REQUIRE(p.units().size() == 2);
  CHECK(p.units()[0].code == "ZH50010310001");
  CHECK(p.units()[1].code == "ZH50010320001");
  CHECK(*p.units()[1].share == 1.0);

  p = project_ok(*rs, with_site(R"({"type": "MultiPoint", "coordinates": [[106.52, 29.52], [106.57, 29.52], [106.58, 29.52], [106.62, 29.52]]})"));
  REQUIRE(p.units().size() == 3);
  CHECK(p.units()[0].code == "ZH50010320001");
  CHECK(*p.units()[0].share == 0.5);
  CHECK(*p.units()[1].share == 0.25);
}

TEST_CASE("locate: a line's length share and a polygon's area share in each unit, in metres") {
  const auto rs = world();
  // Along 29.52°N from 106.54 to 106.58: 1/4 in A, 3/4 in B (a parallel is
  // uniform in longitude, so the metre shares equal the degree shares).
  Project p = project_ok(*rs, with_site(line(106.54, 29.52, 106.58, 29.52)));
  REQUIRE(p.units().size() == 2);
  CHECK(p.units()[0].code == "ZH50010320001");
  CHECK(*p.units()[0].share == doctest::Approx(0.75).epsilon(1e-6));
  CHECK(*p.units()[1].share == doctest::Approx(0.25).epsilon(1e-6));

  // A square over the corner of A, B and C: a quarter in each of A and B,
  // a half in C — up to the change of metres per degree of longitude with
  // latitude, about 3e-4 over 0.02°.
  p = project_ok(*rs, with_site(rect(106.54, 29.54, 106.56, 29.56)));
  REQUIRE(p.units().size() == 3);
  CHECK(p.units()[0].code == "ZH50010330001");
  CHECK(*p.units()[0].share == doctest::Approx(0.5).epsilon(1e-3));
  CHECK(*p.units()[1].share == doctest::Approx(0.25).epsilon(1e-3));
  CHECK(*p.units()[2].share == doctest::Approx(0.25).epsilon(1e-3));
  CHECK(*p.units()[0].share + *p.units()[1].share + *p.units()[2].share == doctest::Approx(1.0).epsilon(1e-9));
  CHECK(p.notes().empty());
}

TEST_CASE("locate: a site in no unit is an error, never an admit — a site partly outside says so") {
  const auto rs = world();
  auto errors = project_errors(*rs, with_site(point(107.5, 29.5)));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("site: the site touches no unit of the unit map maps/units.geojson"));
  errors = project_errors(*rs, with_site(point(29.52, 106.52 - 77.0)));  // in range, but [lat, lon] of a unit
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("look swapped") == std::string::npos);
  errors = project_errors(*rs, with_site(R"({"type": "Point", "coordinates": [29.52, 106.52]})"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("looks like [latitude, longitude]") != std::string::npos);

  const Project p = project_ok(*rs, with_site(line(106.62, 29.55, 106.68, 29.55)));  // half beyond D
  REQUIRE(p.units().size() == 1);
  CHECK(*p.units()[0].share == doctest::Approx(0.5).epsilon(1e-6));
  REQUIRE(p.notes().size() == 1);
  CHECK(p.notes()[0].en == "50.0% of the site lies in no unit of the map; only the part inside units is judged");
  CHECK(decide(*rs, with_site(line(106.62, 29.55, 106.68, 29.55))).notes.size() == 1);
}

TEST_CASE("sites and units together: the site decides, units given must agree with it") {
  const auto rs = world();
  const std::string site = R"("site": )" + point(106.52, 29.52);
  CHECK(project_errors(*rs, R"({"units": ["ZH50010310001"], )" + site + "}").empty());
  const auto errors = project_errors(*rs, R"({"units": ["ZH50010320001"], )" + site + "}");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "units: unit ZH50010320001 is given in `units`, but the site does not touch it (it lies in "
                     "ZH50010310001)");
  CHECK(project_errors(*rs, R"({"units": [{"code": "ZH50010310001", "share": 1}], )" + site + "}").size() == 1);
  CHECK(project_errors(*rs, R"({"units": ["ZH50010310009"]})")[0] ==
        "units: unit ZH50010310009 is not in the unit map maps/units.geojson; did you mean ZH50010310001?");
}

TEST_CASE("bad sites are refused with the reason (exit 2 in the CLI), never repaired") {
  const auto rs = world();
  const std::string bowtie =
      R"({"type": "Polygon", "coordinates": [[[106.51, 29.51], [106.52, 29.52], [106.52, 29.51], [106.51, 29.52], [106.51, 29.51]]]})";
  auto errors = project_errors(*rs, with_site(bowtie));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("site: invalid geometry: self-intersection at (106.515"));
  CHECK(project_errors(*rs, with_site(R"({"type": "Point", "coordinates": []})"))[0] == "site: the Point is empty");
  CHECK(project_errors(*rs, with_site(R"("106.5, 29.5")"))[0] == "site: a geometry must be a GeoJSON object");
  CHECK(project_errors(*rs, with_site(R"({"type": "Point", "coordinates": [1e400, 29.5]})"))[0].find("number overflow") !=
        std::string::npos);
}

TEST_CASE("within: distances in metres on the ground, to 1 m against the geodesic, up to 10 km") {
  const auto rs = world();
  const auto& maps = rs->data().maps;
  const auto factory = geo::make_factory();
  // The water layer is one point; sites at known geodesic distances around it.
  for (double metres : {30.0, 250.0, 999.0, 2500.0, 7000.0, 10000.0}) {
    for (double azimuth : {0.0, 45.0, 90.0, 200.0, 300.0}) {
      const auto [lon, lat] = geodesic_point(106.575, 29.525, azimuth, metres);
      const auto site = geo::read_geojson_geometry(nlohmann::json::parse(point(lon, lat)), *factory);
      REQUIRE(site.geometry);
      CHECK(geodesic_m(lon, lat, 106.575, 29.525) == doctest::Approx(metres).epsilon(1e-9));
      spatial::SiteOracle oracle(maps, rs->data().metrics);
      INFO(metres, " m at ", azimuth, "°");
      CHECK(oracle.test({ast::SpatialOp::within, 0, metres + 1.0}, site.geometry.get(), 0) == Truth::is_true);
      CHECK(oracle.test({ast::SpatialOp::within, 0, metres - 1.0}, site.geometry.get(), 0) == Truth::is_false);
    }
  }
}

TEST_CASE("within: to a line, the nearest point of the line, in metres") {
  const auto rs = world();
  const auto factory = geo::make_factory();
  // The river runs along 106.58°E. The nearest point from a site on the same
  // latitude lies on the meridian: the reference is the geodesic to the
  // closest of many points sampled along it.
  for (double lon : {106.575, 106.56, 106.50, 106.49}) {
    double reference = 1e18;
    for (int i = -5000; i <= 5000; ++i) reference = std::min(reference, geodesic_m(lon, 29.52, 106.58, 29.52 + i * 1e-6));
    const auto site = geo::read_geojson_geometry(nlohmann::json::parse(point(lon, 29.52)), *factory);
    spatial::SiteOracle oracle(rs->data().maps, rs->data().metrics);
    INFO(lon, " is ", reference, " m from the river");
    CHECK(oracle.test({ast::SpatialOp::within, 1, reference + 1.0}, site.geometry.get(), 0) == Truth::is_true);
    CHECK(oracle.test({ast::SpatialOp::within, 1, reference - 1.0}, site.geometry.get(), 0) == Truth::is_false);
  }
}

TEST_CASE("inside/outside: the whole site in the layer's polygons, boundary included") {
  const auto rs = world();
  const auto factory = geo::make_factory();
  auto test = [&](ast::SpatialOp op, const std::string& site) {
    const auto g = geo::read_geojson_geometry(nlohmann::json::parse(site), *factory);
    REQUIRE(g.geometry);
    spatial::SiteOracle oracle(rs->data().maps, rs->data().metrics);
    return oracle.test({op, 2, 0.0}, g.geometry.get(), 0);
  };
  CHECK(test(ast::SpatialOp::inside, point(106.525, 29.525)) == Truth::is_true);
  CHECK(test(ast::SpatialOp::inside, point(106.52, 29.525)) == Truth::is_true);  // on the boundary
  CHECK(test(ast::SpatialOp::inside, point(106.535, 29.525)) == Truth::is_false);
  CHECK(test(ast::SpatialOp::inside, rect(106.521, 29.521, 106.529, 29.529)) == Truth::is_true);
  CHECK(test(ast::SpatialOp::inside, rect(106.52, 29.52, 106.53, 29.53)) == Truth::is_true);  // the park itself
  CHECK(test(ast::SpatialOp::inside, rect(106.525, 29.525, 106.535, 29.529)) == Truth::is_false);  // half out
  CHECK(test(ast::SpatialOp::outside, rect(106.525, 29.525, 106.535, 29.529)) == Truth::is_true);
  CHECK(test(ast::SpatialOp::inside, line(106.521, 29.525, 106.529, 29.525)) == Truth::is_true);
  CHECK(test(ast::SpatialOp::outside, line(106.521, 29.525, 106.531, 29.525)) == Truth::is_true);
  // within a polygon layer: 0 m when the site touches it
  const auto g = geo::read_geojson_geometry(nlohmann::json::parse(line(106.529, 29.525, 106.54, 29.525)), *factory);
  spatial::SiteOracle oracle(rs->data().maps, rs->data().metrics);
  CHECK(oracle.test({ast::SpatialOp::within, 2, 1.0}, g.geometry.get(), 0) == Truth::is_true);
}

TEST_CASE("rules with spatial scopes, end to end: per unit, on the part of the site in that unit") {
  const auto rs = world();
  // 300 m east of the water point, in unit B (key), 0.3 km from the river at
  // 106.58 as well: W1 and K1 violated.
  const auto [lon, lat] = geodesic_point(106.575, 29.525, 90.0, 300.0);
  CHECK(statuses(*rs, with_site(point(lon, lat))) ==
        "reject K1@20001=violated P1@20001=violated W1@20001=violated");
  // Inside the park (unit A): not near water, not outside the park; I1
  // needs low-voc.
  CHECK(statuses(*rs, with_site(point(106.525, 29.525))) == "incomplete I1@10001=unknown");
  CHECK(statuses(*rs, with_site(point(106.525, 29.525), R"("industry": "C2614", "low-voc": false)")) ==
        "conditional I1@10001=violated");
  // A line from the park (A) into B near the river: K1 applies in B only,
  // where the part of the line is within 500 m of the river.
  const std::string d = statuses(*rs, with_site(line(106.525, 29.525, 106.578, 29.525), R"("industry": "C1311")"));
  CHECK(d == "reject K1@20001=violated");
  // Without a site, the spatial scopes are unknown and ask for it.
  const Decision unknown = decide(*rs, R"({"industry": "C2614", "units": ["ZH50010320001"]})");
  CHECK(unknown.verdict == Verdict::incomplete);
  CHECK(unknown.missing == std::vector<std::string>{"low-voc", "site"});
}

TEST_CASE("sites without a unit map: units given, each judged on the whole site") {
  const auto rs = compile_ok({{"schema.rules", R"(
ruleset "无单元图" version "1" effective 2024-01-01;
fact industry : industry;
layer water from "maps/water.geojson";
)"},
                              {"tiers.rules", "city 500000 { spatial-layout { W: ban projects within 1 km of water; } }"},
                              {"maps/water.geojson", kWaterMap}});
  CHECK(statuses(*rs, R"({"units": ["ZH50010320001"], "site": )" + point(106.576, 29.525) + "}") ==
        "reject W@20001=violated");
  CHECK(statuses(*rs, R"({"units": ["ZH50010320001"], "site": )" + point(106.676, 29.525) + "}") == "admit");
  CHECK(project_errors(*rs, R"({"site": )" + point(106.576, 29.525) + "}").empty());
  CHECK_FALSE(evaluate(*rs, project_ok(*rs, R"({"site": )" + point(106.576, 29.525) + "}"), {day(2025, 1, 1), true}));
}

TEST_CASE("maps: the lint reports overlapping units with the overlap's area — touching units are fine") {
  auto sources = spatial_sources(kTiers);
  CompileOptions lint;
  lint.lint_maps = true;
  CHECK(map_codes(sources).empty());
  const CompileResult clean = compile_sources(sources, lint);
  CHECK(clean.diagnostics.empty());  // the four units only share edges
  sources[2].text = collection({unit_feature("ZH50010310001", rect(106.50, 29.50, 106.55, 29.55)),
                                unit_feature("ZH50010320001", rect(106.54, 29.50, 106.60, 29.55))});
  const CompileResult r = compile_sources(sources, lint);
  REQUIRE(r.ok());  // a warning
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "map.overlap");
  CHECK(r.diagnostics[0].message.en.starts_with(
      "features[0] (ZH50010310001): overlaps unit ZH50010320001 (features[1]) by "));
  // 0.01° × 0.05° at 29.5°N: about 969 m × 5,540 m.
  const auto& m = r.diagnostics[0].message.en;
  const double area = std::stod(m.substr(m.find(" by ") + 4));
  CHECK(area == doctest::Approx(geodesic_m(106.54, 29.525, 106.55, 29.525) * geodesic_m(106.545, 29.50, 106.545, 29.55))
                    .epsilon(0.002));
}

TEST_CASE("a kind that tests the site is judged again in each unit") {
  std::string schema = kSpatialSchema;
  schema += "kind near-river = site within 500 m of river;\n";
  auto sources = spatial_sources("city 500000 { spatial-layout { X: ban projects where is near-river; } }");
  sources[0].text = schema;
  const auto rs = compile_ok(sources);
  // From the park in A (far from the river at 106.58°E) to 200 m from it in B.
  CHECK(statuses(*rs, with_site(line(106.525, 29.525, 106.578, 29.525))) == "reject X@20001=violated");
  CHECK(statuses(*rs, with_site(line(106.51, 29.525, 106.54, 29.525))) == "admit");
}

TEST_CASE("metric pool: projections are reused per rounded meridian — concurrent leases get their own") {
  geo::MetricPool pool;
  const geo::LocalMetric* first = nullptr;
  {
    geo::MetricPool::Lease lease(pool);
    first = *lease.centred_near(106.5731);
    CHECK(*lease.centred_near(106.5749) == first);  // same 0.01° step
    CHECK(first->central_meridian() == doctest::Approx(106.57));
    CHECK(*lease.centred_near(106.60) != first);
    geo::MetricPool::Lease other(pool);  // held at the same time: another context
    CHECK(*other.centred_near(106.5731) != first);
  }
  geo::MetricPool::Lease again(pool);  // a returned context, with its projections
  const geo::LocalMetric* reused = *again.centred_near(106.5731);
  CHECK(reused->central_meridian() == doctest::Approx(106.57));
}

TEST_CASE("maps: an error past the report limit still fails the compile — odd JSON never throws") {
  auto sources = spatial_sources(kTiers);
  std::string schema = kSpatialSchema;
  schema.replace(schema.find("\"maps/units.geojson\";"), 21, "\"maps/units.geojson\" repair;");
  sources[0].text = schema;
  const std::string open_ring = R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.55, 29.5], [106.55, 29.55], [106.5, 29.55]]]})";
  sources[2].text = collection({unit_feature("ZH50010310001", open_ring), unit_feature("ZH5001031", rect(106.6, 29.5, 106.7, 29.6))});
  CompileOptions one;
  one.max_errors = 1;  // shows the repair warning only
  const CompileResult r = compile_sources(sources, one);
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].code == "map.repaired");
  CHECK(r.diagnostics[1].code == "map.more");
  CHECK(r.diagnostics[1].severity == Severity::error);

  sources = spatial_sources(kTiers);
  sources[5].text = R"({"type": 7, "features": []})";
  CHECK(any_contains(map_codes(sources), "map.json a map must be a GeoJSON FeatureCollection"));
  sources[5].text = collection({plain_feature(R"({"type": "Point", "coordinates": [106.5, 29.5, "high"]})")});
  CHECK(any_contains(map_codes(sources), "map.feature features[0]: a position must be [longitude, latitude]"));
  sources[5].text = "[1, 2]";
  CHECK(any_contains(map_codes(sources), "map.json"));
  sources[5].text = collection({"42"});
  CHECK(any_contains(map_codes(sources), "map.feature features[0]: the feature has no geometry"));
}

TEST_CASE("maps on disk: a symlink may not lead outside the ruleset directory") {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / ("zhunru-symlink-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "rules" / "maps");
  auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
  write(base / "outside.geojson", kParksMap);
  write(base / "rules" / "schema.rules", "ruleset \"x\" version \"1\" effective 2024-01-01;\nlayer parks from \"maps/parks.geojson\";\n");
  fs::create_symlink(base / "outside.geojson", base / "rules" / "maps" / "parks.geojson");
  const CompileResult linked = compile_directory(base / "rules");
  CHECK_FALSE(linked.ok());
  CHECK(any_contains(std::vector<std::string>{linked.render(Lang::en)}, "leads outside the ruleset directory"));
  fs::remove(base / "rules" / "maps" / "parks.geojson");
  write(base / "rules" / "maps" / "parks.geojson", kParksMap);
  CHECK(compile_directory(base / "rules").ok());
  fs::remove_all(base);
}

TEST_CASE("locate: a GeoJSON Feature stands for its geometry as a site") {
  const auto rs = world();
  const std::string feature = R"({"type": "Feature", "properties": {"名称": "地块一"}, "geometry": )" +
                              point(106.52, 29.52) + "}";
  Project p = project_ok(*rs, with_site(feature));
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].code == "ZH50010310001");
  CHECK(project_errors(*rs, with_site(R"({"type": "Feature", "properties": {}})")) ==
        std::vector<std::string>{"site: the site is a Feature without a geometry"});
}

TEST_CASE("a site whose `type` is not a string is refused, never thrown about") {
  const auto rs = world();
  for (const char* type : {"{}", "5", "null", "[\"Feature\"]"}) {
    CHECK(project_errors(*rs, with_site(std::string(R"({"type": )") + type + "}")) ==
          std::vector<std::string>{"site: a geometry needs a \"type\" such as \"Point\" or \"Polygon\""});
  }
}

TEST_CASE("GCJ-02: converted back to WGS 84 to 1e-9 degrees, hundreds of metres off in Chongqing, identity abroad") {
  for (const geo::LonLat p : {geo::LonLat{106.551, 29.563}, geo::LonLat{116.391, 39.907}, geo::LonLat{121.47, 31.23},
                              geo::LonLat{87.6, 43.8}}) {
    const geo::LonLat g = geo::wgs84_to_gcj02(p);
    const double metres = std::hypot((g.lon - p.lon) * 111320.0 * std::cos(p.lat * 3.14159265 / 180.0),
                                     (g.lat - p.lat) * 110540.0);
    CHECK(metres > 50.0);
    CHECK(metres < 1000.0);
    const geo::LonLat back = geo::gcj02_to_wgs84(g);
    CHECK(std::abs(back.lon - p.lon) < 1e-8);
    CHECK(std::abs(back.lat - p.lat) < 1e-8);
  }
  const geo::LonLat paris{2.35, 48.85};
  CHECK(geo::wgs84_to_gcj02(paris).lon == paris.lon);
}

TEST_CASE("locate: a site that says it is in GCJ-02 is converted, located where WGS 84 puts it, and the answer says so") {
  const auto rs = world();
  // A point just inside unit ZH50010310001 in WGS 84, given as a web map would give it.
  const geo::LonLat wgs{106.52, 29.52};
  const geo::LonLat gcj = geo::wgs84_to_gcj02(wgs);
  const std::string site = R"({"type": "Point", "crs": "GCJ-02", "coordinates": [)" + std::to_string(gcj.lon) + ", " +
                           std::to_string(gcj.lat) + "]}";
  Project p = project_ok(*rs, with_site(site));
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].code == "ZH50010310001");
  REQUIRE(p.notes().size() == 1);
  CHECK(p.notes()[0].en.find("GCJ-02") != std::string::npos);
  // The same numbers read as WGS 84 would be elsewhere: the conversion is what placed it.
  const Project raw = project_ok(*rs, with_site(R"({"type": "Point", "coordinates": [)" + std::to_string(gcj.lon) +
                                                ", " + std::to_string(gcj.lat) + "]}"));
  CHECK(raw.notes().empty());
}

// A site whose parts overlap: GEOS's overlay nodes every pair of segments, so
// 100,000 copies of one short line grew to 3.4 GB and took minutes. Locating
// a site has a time budget (geo::TimeBudget); past it, a clear refusal.
TEST_CASE("locating a site whose parts overlap many times stops at its time budget, with a clear refusal") {
  const auto rs = chongqing_rules();
  std::string lines = R"({"type": "MultiLineString", "coordinates": [)";
  for (int i = 0; i < 3000; ++i) lines += std::string(i ? "," : "") + "[[106.55, 29.555], [106.56, 29.565]]";
  lines += "]}";
  const auto site = spatial::read_site(lines, {});
  REQUIRE(site.has_value());
  const auto& data = rs->data();
  const auto refused = spatial::locate(*data.maps.units, **site, data.metrics, 0.2);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().en.find("could not be located on the unit map within 0.2 s") != std::string::npos);
  CHECK(refused.error().zh.find("0.2 秒内") != std::string::npos);
  // The same line once is located at once, and a budget on this thread ends with its scope.
  const auto once = spatial::read_site(R"({"type": "LineString", "coordinates": [[106.55, 29.555], [106.56, 29.565]]})", {});
  REQUIRE(once.has_value());
  CHECK(spatial::locate(*data.maps.units, **once, data.metrics, 0.2).has_value());
  CHECK(spatial::locate(*data.maps.units, **once, data.metrics).has_value());
}

// zhunru's own loops over coordinates (splitting long edges, projecting to
// metres) are outside GEOS's interrupt checks: a 200,000-vertex zigzag across
// Chongqing took 21 s against a 10 s budget, most of it projecting. They
// check the same budget; without one they never stop.
TEST_CASE("projecting a site to metres honours this thread's time budget, and only while one is set") {
  const auto factory = geo::make_factory();
  std::vector<geos::geom::Coordinate> zigzag;
  for (int i = 0; i < 20000; ++i) zigzag.emplace_back(106.0 + i * 1e-5, i % 2 ? 29.7 : 29.3);
  const auto line = factory->createLineString(
      factory->getCoordinateSequenceFactory()->create(std::move(zigzag), 2));
  const auto metric = geo::LocalMetric::centred_at(106.1);
  REQUIRE(metric.has_value());
  {
    const geo::TimeBudget spent(0.0);  // already over
    CHECK_THROWS_AS(static_cast<void>(metric->project(*line, *factory)), geo::OutOfTime);
    CHECK_THROWS_AS(static_cast<void>(geo::copy_to(*line, *factory, 1e-4)), geo::OutOfTime);
  }
  const auto projected = metric->project(*line, *factory);  // no budget in scope: runs to the end
  CHECK(projected->getNumPoints() > 20000);
}

// The spatial tests of one evaluation share a time budget (kSpatialTestSeconds);
// past it the oracle says why and answers unknown, and evaluate() fails with
// eval.spatial. Here the budget is zero, so the first long loop stops.
TEST_CASE("spatial tests of one evaluation stop at their shared time budget, saying why") {
  const auto rs = world();
  const auto factory = geo::make_factory();
  std::string many = R"({"type": "MultiPoint", "coordinates": [)";
  for (int i = 0; i < 10000; ++i) many += std::string(i ? "," : "") + "[106.525, 29.525]";
  many += "]}";
  const auto site = geo::read_geojson_geometry(nlohmann::json::parse(many), *factory);
  REQUIRE(site.geometry);
  spatial::SiteOracle spent(rs->data().maps, rs->data().metrics, 0.0);
  CHECK(spent.test({ast::SpatialOp::inside, 2, 0.0}, site.geometry.get(), 0) == Truth::unknown);
  REQUIRE(spent.failure());
  CHECK(spent.failure()->en.find("took longer than 0 s") != std::string::npos);
  CHECK(spent.failure()->zh.find("超过 0 秒") != std::string::npos);
  spatial::SiteOracle ample(rs->data().maps, rs->data().metrics);
  CHECK(ample.test({ast::SpatialOp::inside, 2, 0.0}, site.geometry.get(), 0) == Truth::is_true);
  CHECK_FALSE(ample.failure());
}
