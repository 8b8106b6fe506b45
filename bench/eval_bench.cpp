// Evaluation speed: decisions per second.
//
//   BM_Table20_Zhunru*   a 20-rule table (city, two districts, two units) judged
//                        by zhunru, verdict only and with full findings;
//   BM_Table20_HandWritten  the same 20 rules as a hand-written C++ function
//                        over a plain struct: the floor to compare with;
//   BM_Large100k         a generated 100,000-rule ruleset (1 city, 38 districts,
//                        1,000 units) whose rules are filed by industry code:
//                        a decision costs what its applicable rules cost.
//
// Run: build/bench/zhunru_bench_eval --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "real_classes.hpp"
#include "table20.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace {

using namespace zhunru;
using namespace zhunru::bench;

void BM_Table20_ZhunruVerdict(benchmark::State& state) { zhunru_table(state, false); }
void BM_Table20_ZhunruFindings(benchmark::State& state) { zhunru_table(state, true); }
void BM_Table20_HandWritten(benchmark::State& state) { hand_written(state); }

// ---- 100,000 rules -----------------------------------------------------------------

/// 1 city (2,000 rules), 38 districts (2,000 each), 1,000 units (22 each):
/// 100,000 rules, each about one of 400 industry classes (a tenth about a
/// whole division), in all three rule forms.
std::string large_ruleset(std::vector<std::string>& classes, std::vector<std::string>& units) {
  std::mt19937 rng(100000);
  classes = bench::manufacturing_classes(400);
  std::vector<std::string> districts;
  for (int d = 0; d < 38; ++d) districts.push_back(std::to_string(500101 + d));
  for (int u = 0; u < 1000; ++u) {
    units.push_back("ZH" + districts[static_cast<std::size_t>(u) % 38] + std::to_string(1 + u % 3) +
                    std::to_string(1000 + u));
  }
  std::size_t n = 0;
  auto rule = [&]() {
    const std::string& cls = classes[rng() % classes.size()];
    const std::string code = rng() % 10 == 0 ? cls.substr(0, 3) : cls;
    const std::string id = "L" + std::to_string(n++);
    switch (rng() % 3) {
      case 0: return id + ": ban projects where industry in [" + code + "] and capacity > " + std::to_string(rng() % 100) + "万 t/a;";
      case 1: return id + ": require projects to have grade in {A, B} and low-voc where industry in [" + code + "];";
      default: return id + ": limit voc to " + std::to_string(1 + rng() % 20) + " t/a for projects where industry in [" + code + "];";
    }
  };
  auto block = [&](const std::string& head, std::size_t count) {
    static const char* const dims[] = {"spatial-layout", "emission-control", "risk-control", "resource-efficiency"};
    std::string out = head + " {\n";
    for (std::size_t i = 0; i < count; ++i) {
      out += std::string("  ") + dims[i % 4] + " { " + rule() + " }\n";
    }
    return out + "}\n";
  };
  std::string text = block("city 500000", 2000);
  for (const auto& d : districts) text += block("district " + d, 2000);
  for (const auto& u : units) text += block("unit " + u, 22);
  return text;
}

struct Large {
  std::vector<std::string> classes;
  std::vector<std::string> units;
  std::shared_ptr<const Ruleset> rules;
  std::vector<Project> projects;
  double compile_seconds = 0.0;
  Large() {
    const std::string text = large_ruleset(classes, units);
    const auto start = std::chrono::steady_clock::now();
    rules = compile(text);
    compile_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::mt19937 rng(7);
    for (int p = 0; p < 256; ++p) {
      FactsBuilder b(*rules);
      b.set_text("industry", classes[rng() % classes.size()])
          .set_number("capacity", static_cast<double>(rng() % 1000000))
          .set_text("grade", std::string(1, static_cast<char>('A' + rng() % 4)))
          .set_bool("low-voc", rng() % 2 == 0)
          .set_number("voc", static_cast<double>(rng() % 25))
          .add_unit(units[rng() % units.size()]);
      projects.push_back(*std::move(b).build());
    }
  }
};

const Large& large() {
  static const Large l;
  return l;
}

void BM_Large100k(benchmark::State& state) {
  const Large& l = large();
  EvaluateOptions options = kAsOf;
  options.findings = state.range(0) != 0;
  std::size_t i = 0;
  std::size_t applicable = 0;
  std::size_t decisions = 0;
  for (auto _ : state) {
    auto d = evaluate(*l.rules, l.projects[i++ % l.projects.size()], options);
    if (options.findings) applicable += d->findings.size();
    ++decisions;
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["rules"] = static_cast<double>(l.rules->rule_count());
  state.counters["compile_s"] = l.compile_seconds;
  if (options.findings) state.counters["applicable_per_decision"] = static_cast<double>(applicable) / decisions;
}

void BM_Table20_ToJsonPretty(benchmark::State& state) { table_to_json(state, JsonLayout::pretty); }
void BM_Table20_ToJsonCompact(benchmark::State& state) { table_to_json(state, JsonLayout::compact); }
void BM_Table20_JsonInJsonOut(benchmark::State& state) { json_in_json_out(state); }

BENCHMARK(BM_Table20_HandWritten);
BENCHMARK(BM_Table20_ToJsonPretty);
BENCHMARK(BM_Table20_ToJsonCompact);
BENCHMARK(BM_Table20_JsonInJsonOut);
BENCHMARK(BM_Table20_ZhunruVerdict);
BENCHMARK(BM_Table20_ZhunruFindings);
BENCHMARK(BM_Large100k)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
