// Reading project files: time against size, for the shapes that were
// quadratic before issue #11 (nlohmann's callback parser rescanned the
// parent object after every child: 400,000 `{}` took ~28 s).
//
//   BM_ManyMembers/N     a project with N members that are not facts, each `{}`
//                        (refused: 50 errors listed, the rest counted);
//   BM_ManySmallObjects/N  a `units` list of N `{}` (each refused the same way);
//   BM_SitePoints/N      a valid project whose site is a MultiPoint of N points,
//                        located on a one-unit map.
// Each is fitted to O(N) by Google Benchmark in the same run (the `_BigO`
// and `_RMS` rows): linear reading shows as a small RMS.
//
// Run: build/bench/zhunru_bench_input
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace {

using namespace zhunru;

const Ruleset& ruleset() {
  static const CompileResult r = compile_sources({
      {"b/schema.rules", R"(
ruleset "input bench" version "1";
fact industry : industry;
units from "maps/units.geojson";
city 500000 { spatial-layout { C1: ban projects where industry in [C26]; } }
)"},
      {"b/maps/units.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"code": "ZH50010320001", "name": "bench"},
        "geometry": {"type": "Polygon", "coordinates": [[[106.0, 29.0], [107.0, 29.0], [107.0, 30.0], [106.0, 30.0], [106.0, 29.0]]]}}]})"},
  });
  if (!r.ok()) throw std::runtime_error(r.render(Lang::en));
  return *r.ruleset;
}

void run(benchmark::State& state, const std::string& text, bool expect_ok) {
  for (auto _ : state) {
    const ProjectResult p = load_project_json(ruleset(), text);
    if (p.has_value() != expect_ok) state.SkipWithError("unexpected result");
    benchmark::DoNotOptimize(p);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(state.range(0));
}

void BM_ManyMembers(benchmark::State& state) {
  std::string text = "{";
  for (std::int64_t i = 0; i < state.range(0); ++i) text += "\"m" + std::to_string(i) + "\":{},";
  text += "\"units\":[\"ZH50010320001\"]}";
  run(state, text, false);
}

void BM_ManySmallObjects(benchmark::State& state) {
  std::string text = "{\"units\":[";
  for (std::int64_t i = 0; i < state.range(0); ++i) text += i ? ",{}" : "{}";
  text += "]}";
  run(state, text, false);
}

void BM_SitePoints(benchmark::State& state) {
  std::string text = R"({"industry": "C2614", "site": {"type": "MultiPoint", "coordinates": [)";
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    text += (i ? "," : "") + std::string("[") + std::to_string(106.1 + 0.8 * static_cast<double>(i % 1000) / 1000) +
            "," + std::to_string(29.1 + 0.8 * static_cast<double>(i / 1000 % 1000) / 1000) + "]";
  }
  text += "]}}";
  run(state, text, true);
}

BENCHMARK(BM_ManyMembers)->RangeMultiplier(4)->Range(25000, 400000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);
BENCHMARK(BM_ManySmallObjects)->RangeMultiplier(4)->Range(25000, 400000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);
BENCHMARK(BM_SitePoints)->RangeMultiplier(4)->Range(1000, 64000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
