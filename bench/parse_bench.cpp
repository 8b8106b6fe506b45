// Front-end throughput: source bytes → AST, on generated rulesets.
// Run: build/bench/zhunru_bench_parse   (reports bytes/s per input size)
#include <benchmark/benchmark.h>

#include "ast/ast.hpp"
#include "base/source_file.hpp"
#include "support/ruleset_generator.hpp"
#include "syntax/parse.hpp"

namespace {

void parse_generated(benchmark::State& state, bool chinese) {
  const std::string text = zhunru::testing::generate_ruleset(static_cast<std::size_t>(state.range(0)), chinese);
  zhunru::SourceSet sources;
  const zhunru::SourceFile& source = sources.add("generated.rules", text);
  std::size_t rules = 0;
  for (auto _ : state) {
    const zhunru::syntax::ParseResult result = zhunru::syntax::parse(source);
    if (!result.diagnostics.empty()) state.SkipWithError("the generated ruleset has errors");
    rules = result.file.items.size();
    benchmark::DoNotOptimize(rules);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_ParseEnglish(benchmark::State& state) { parse_generated(state, false); }
void BM_ParseChinese(benchmark::State& state) { parse_generated(state, true); }

BENCHMARK(BM_ParseEnglish)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseChinese)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
