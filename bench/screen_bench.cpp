// Screening throughput on rules/chongqing: 10,000 generated projects, each a
// point site located on the unit map (or, for the non-spatial rows, a unit
// code), with facts drawn at random; NDJSON in, answers to a discarding
// stream. Arg: threads. Records per second are `items_per_second`.
//
// Run: taskset -c 0,1 build/bench/zhunru_bench_screen
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <random>
#include <sstream>
#include <stdexcept>

#include "zhunru/screen.hpp"
#include "zhunru/snapshot.hpp"

namespace {

using namespace zhunru;

const std::chrono::year_month_day kAsOf{std::chrono::year(2025), std::chrono::month(6), std::chrono::day(1)};

struct Batch {
  std::shared_ptr<const Ruleset> rules;
  std::string points;  // NDJSON, point sites
  std::string units;   // NDJSON, the same projects by their unit codes
  std::size_t count = 10000;

  Batch() {
    const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing");
    if (!r.ok()) throw std::runtime_error(r.render(Lang::en));
    rules = r.ruleset;
    static const char* const industries[] = {"C2614", "C3011", "C3120", "C2110", "C3982", "G5951", "K7010", "C4350"};
    static const char* const natures[] = {"新建", "扩建", "改建", "技术改造", "迁建"};
    static const char* const catalogues[] = {"鼓励类", "允许类", "限制类", "淘汰类"};
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> lon(105.3, 110.2);
    std::uniform_real_distribution<double> lat(28.2, 32.2);
    for (std::size_t made = 0; made < count;) {
      const std::string facts =
          fmt::format(R"("industry": "{}", "nature": "{}", "catalogue": "{}", "in-ftz": {}, "high-intensity": {})",
                      industries[rng() % 8], natures[rng() % 5], catalogues[rng() % 4], rng() % 2 == 0,
                      rng() % 4 == 0);
      const std::string with_site = fmt::format(R"({{{}, "site": {{"type": "Point", "coordinates": [{:.5f}, {:.5f}]}}}})",
                                                facts, lon(rng), lat(rng));
      const auto project = load_project_json(*rules, with_site);
      if (!project || project->units().size() != 1) continue;  // outside Chongqing's units
      points += with_site + "\n";
      units += fmt::format(R"({{{}, "units": ["{}"]}})", facts, project->units()[0].code) + "\n";
      ++made;
    }
  }
};

const Batch& batch() {
  static const Batch b;
  return b;
}

/// A stream that keeps nothing: the cost of writing answers, not of storing them.
class Discard : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void screen_batch(benchmark::State& state, const std::string& ndjson, bool verdict_only) {
  const Batch& b = batch();
  ScreenOptions options;
  options.evaluate.as_of = kAsOf;
  options.threads = static_cast<unsigned>(state.range(0));
  options.verdict_only = verdict_only;
  Discard discard;
  std::ostream out(&discard);
  for (auto _ : state) {
    std::istringstream in(ndjson);
    const auto summary = screen(*b.rules, in, out, options);
    if (!summary || summary->records != b.count || summary->errors != 0) state.SkipWithError("records lost or refused");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * b.count));
}

void BM_Screen_PointSitesFull(benchmark::State& state) { screen_batch(state, batch().points, false); }
void BM_Screen_PointSitesVerdictOnly(benchmark::State& state) { screen_batch(state, batch().points, true); }
void BM_Screen_UnitCodesFull(benchmark::State& state) { screen_batch(state, batch().units, false); }
void BM_Screen_UnitCodesVerdictOnly(benchmark::State& state) { screen_batch(state, batch().units, true); }

/// Compiling rules/chongqing (26 rules, 114 units, 3 layers) against loading its snapshot.
void BM_Chongqing_Compile(benchmark::State& state) {
  for (auto _ : state) {
    const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing");
    if (!r.ok()) state.SkipWithError("rules/chongqing does not compile");
  }
}

void BM_Chongqing_LoadSnapshot(benchmark::State& state) {
  const std::string bytes = snapshot_bytes(*batch().rules);
  for (auto _ : state) {
    const auto loaded = load_snapshot_bytes(bytes);
    if (!loaded || (*loaded)->hash() != batch().rules->hash()) state.SkipWithError("the snapshot did not load");
  }
  state.counters["snapshot_bytes"] = static_cast<double>(bytes.size());
}

BENCHMARK(BM_Chongqing_Compile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Chongqing_LoadSnapshot)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Screen_PointSitesFull)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Screen_PointSitesVerdictOnly)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Screen_UnitCodesFull)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Screen_UnitCodesVerdictOnly)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
