// Locating point sites on a unit map (docs/benchmarks.md):
//   - a generated national-scale map: 44,604 units (the national count of
//     environmental control units), a 212 × 211 grid of 20-vertex cells over
//     73–135°E, 18–53°N;
//   - the 38 real districts of Chongqing (tests/fixtures/maps, repaired).
// Each is timed three ways in the same run, on the same 4,096 points (all
// inside some unit, fixed seed; the ruleset also has the real GSHHG rivers as
// a layer and one rule `ban projects within 1 km of rivers`):
//   zhunru_locate  — spatial::locate, what FactsBuilder::build() calls;
//   zhunru_project — FactsBuilder: parse the site's GeoJSON, locate, build;
//   geos_floor     — a plain GEOS TemplateSTRtree of PreparedGeometry, the
//                    candidates' covers() on each point: the least any
//                    locator built on GEOS can do.
// Then a whole decision with that spatial rule on 256 Chongqing points
// (zhunru_eval_within), and what a PROJ projection costs to make.
#include <benchmark/benchmark.h>

#include <geos/geom/Point.h>
#include <geos/geom/prep/PreparedGeometry.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>
#include <geos/index/strtree/TemplateSTRtree.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

#include "grid_cell.hpp"
#include "api/ruleset_data.hpp"
#include "base/file_io.hpp"
#include "spatial/locate.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"

namespace {

using namespace zhunru;

constexpr int kColumns = 212;
constexpr int kRows = 211;  // 212 × 211 = 44,732 cells; the first 44,604 are units

std::string national_map() {
  const double w = 62.0 / kColumns;
  const double h = 35.0 / kRows;
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (int n = 0; n < 44604; ++n) {
    const int r = n / kColumns;
    const int c = n % kColumns;
    const std::string code = fmt::format("ZH{:06d}{}{:04d}", 110000 + n / 9000 * 10000 + n % 9000 / 100 + 1, n % 3 + 1,
                                         n % 100);
    out += fmt::format(R"({}{{"type":"Feature","properties":{{"code":"{}"}},"geometry":{}}})", n ? "," : "", code,
                       bench::grid_cell(73.0 + c * w, 18.0 + r * h, w, h, 7));
  }
  return out + "]}";
}

std::string districts_as_units() {
  auto doc = nlohmann::json::parse(*read_file(std::string(ZHUNRU_FIXTURES) + "/maps/chongqing-districts-2016.geojson"));
  for (auto& f : doc["features"]) f["properties"]["code"] = "ZH" + f["id"].get<std::string>() + "30001";
  return doc.dump();
}

/// A map compiled into a ruleset, the floor's own index over the same
/// polygons, and points that all lie in some unit.
struct World {
  std::shared_ptr<const Ruleset> ruleset;
  geos::geom::GeometryFactory::Ptr factory = geos::geom::GeometryFactory::create();
  std::vector<std::unique_ptr<geos::geom::prep::PreparedGeometry>> prepared;
  geos::index::strtree::TemplateSTRtree<const geos::geom::prep::PreparedGeometry*> tree;
  std::vector<std::unique_ptr<geos::geom::Point>> points;
  std::vector<std::string> sites;  // the points as GeoJSON

  explicit World(const std::string& map) {
    const CompileResult r = compile_sources(
        {{"schema.rules", R"(ruleset "基准" version "1" effective 2024-01-01;
fact industry : industry;
units from "maps/units.geojson" repair;
layer rivers from "maps/rivers.geojson" repair;
)"},
         {"tiers.rules", "city 500000 { spatial-layout { R: ban projects within 1 km of rivers; } }"},
         {"maps/units.geojson", map},
         {"maps/rivers.geojson", *read_file(std::string(ZHUNRU_FIXTURES) + "/maps/chongqing-rivers-gshhg-level1.geojson")}});
    if (!r.ok()) throw std::runtime_error(r.render(Lang::en));
    ruleset = r.ruleset;
    const maps::UnitMap& units = *ruleset->data().maps.units;
    for (std::uint32_t u = 0; u < units.size(); ++u) {
      prepared.push_back(geos::geom::prep::PreparedGeometryFactory::prepare(units.feature(u).geometry.get()));
      tree.insert(units.feature(u).geometry->getEnvelopeInternal(), prepared.back().get());
    }
    tree.build();
    geos::geom::Envelope all;
    for (std::uint32_t u = 0; u < units.size(); ++u) all.expandToInclude(units.feature(u).geometry->getEnvelopeInternal());
    std::mt19937 rng(44604);
    std::uniform_real_distribution<double> x(all.getMinX(), all.getMaxX());
    std::uniform_real_distribution<double> y(all.getMinY(), all.getMaxY());
    while (points.size() < 4096) {
      auto p = std::unique_ptr<geos::geom::Point>(factory->createPoint(geos::geom::Coordinate(x(rng), y(rng))));
      if (floor_count(*p) == 0) continue;
      sites.push_back(fmt::format(R"({{"type":"Point","coordinates":[{:.9f},{:.9f}]}})", p->getX(), p->getY()));
      points.push_back(std::move(p));
    }
  }

  std::size_t floor_count(const geos::geom::Point& p) {
    std::size_t found = 0;
    tree.query(*p.getEnvelopeInternal(), [&](const geos::geom::prep::PreparedGeometry* g) {
      if (g->covers(&p)) ++found;
    });
    return found;
  }
};

World& national() {
  static World w(national_map());
  return w;
}
World& chongqing() {
  static World w(districts_as_units());
  return w;
}

void zhunru_locate(benchmark::State& state, World& (*world)()) {
  World& w = world();
  const maps::UnitMap& map = *w.ruleset->data().maps.units;
  std::vector<spatial::Site> sites;
  for (const auto& p : w.points) {
    spatial::Site s;
    s.factory = geo::make_factory();
    s.geometry = p->clone();
    geo::warm_envelopes(*s.geometry);
    sites.push_back(std::move(s));
  }
  for (std::size_t k = 0; k < sites.size(); ++k) {  // both find the same number of units for every point
    if (spatial::locate(map, sites[k], w.ruleset->data().metrics)->units.size() != w.floor_count(*w.points[k])) {
      state.SkipWithError("zhunru and the GEOS floor disagree on a point");
    }
  }
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto located = spatial::locate(map, sites[i++ % sites.size()], w.ruleset->data().metrics);
    found += located->units.size();
    benchmark::DoNotOptimize(located);
  }
  state.counters["units_per_point"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void zhunru_project(benchmark::State& state, World& (*world)()) {
  World& w = world();
  std::size_t i = 0;
  for (auto _ : state) {
    FactsBuilder b(*w.ruleset);
    b.set_site(w.sites[i++ % w.sites.size()]);
    auto p = std::move(b).build();
    if (!p) state.SkipWithError("a site was refused");
    benchmark::DoNotOptimize(p);
  }
}

void geos_floor(benchmark::State& state, World& (*world)()) {
  World& w = world();
  std::size_t i = 0, found = 0;
  for (auto _ : state) found += w.floor_count(*w.points[i++ % w.points.size()]);
  state.counters["units_per_point"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

/// A whole decision for a point site in Chongqing with one spatial rule,
/// `ban projects within 1 km of rivers` (the real GSHHG Yangtze): locating
/// is done when the project is built; this times evaluate() alone, which
/// makes a PROJ projection and measures the distance to nearby river pieces.
void zhunru_eval_within(benchmark::State& state) {
  World& w = chongqing();
  std::vector<Project> projects;
  for (const std::string& site : w.sites) {
    if (projects.size() == 256) break;
    auto p = load_project_json(*w.ruleset, R"({"industry": "C1311", "site": )" + site + "}");
    if (!p) continue;  // a district outside the ruleset's tiers cannot happen here: all are 50xxxx
    projects.push_back(std::move(p).value());
  }
  EvaluateOptions options;
  options.as_of = std::chrono::year_month_day{std::chrono::year(2025), std::chrono::month(6), std::chrono::day(1)};
  std::size_t i = 0, rejected = 0;
  for (auto _ : state) {
    auto d = evaluate(*w.ruleset, projects[i++ % projects.size()], options);
    rejected += d->verdict == Verdict::reject;
    benchmark::DoNotOptimize(d);
  }
  state.counters["rejected_share"] = static_cast<double>(rejected) / static_cast<double>(state.iterations());
}

/// What making a PROJ projection costs: the pool (geo::MetricPool) pays it
/// once per context and 0.01° of meridian, not once per decision.
void proj_projection_made_fresh(benchmark::State& state) {
  for (auto _ : state) {
    auto metric = geo::LocalMetric::centred_at(106.5);
    benchmark::DoNotOptimize(metric);
  }
}

BENCHMARK_CAPTURE(zhunru_locate, national_44604, national);
BENCHMARK_CAPTURE(geos_floor, national_44604, national);
BENCHMARK_CAPTURE(zhunru_project, national_44604, national);
BENCHMARK_CAPTURE(zhunru_locate, chongqing_38, chongqing);
BENCHMARK_CAPTURE(geos_floor, chongqing_38, chongqing);
BENCHMARK_CAPTURE(zhunru_project, chongqing_38, chongqing);
BENCHMARK(zhunru_eval_within);
BENCHMARK(proj_projection_made_fresh);

}  // namespace

BENCHMARK_MAIN();
