// Front-end throughput: source bytes → AST, on generated rulesets.
// Run: build/bench/zhunru_bench_parse   (reports bytes/s per input size)
//
// Each input is parsed twice: by `parse` as it runs (a clean file takes the
// fast path, syntax/fast_parser) and with `fast_path = false` (ANTLR's lexer,
// parser and AST builder), so the ratio comes from one run. Set
// ZHUNRU_BENCH_PARSE_FILE to a rules file (a province of the national list)
// to time that file the same two ways.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ast/ast.hpp"
#include "base/source_file.hpp"
#include "support/ruleset_generator.hpp"
#include "syntax/parse.hpp"

namespace {

void parse_text(benchmark::State& state, const std::string& text, bool fast_path) {
  zhunru::SourceSet sources;
  const zhunru::SourceFile& source = sources.add("generated.rules", text);
  std::size_t rules = 0;
  for (auto _ : state) {
    zhunru::syntax::ParseOptions options;
    options.fast_path = fast_path;
    const zhunru::syntax::ParseResult result = zhunru::syntax::parse(source, options);
    if (!result.diagnostics.empty()) state.SkipWithError("the generated ruleset has errors");
    rules = result.file.items.size();
    benchmark::DoNotOptimize(rules);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
}

std::string generated(const benchmark::State& state, bool chinese) {
  return zhunru::testing::generate_ruleset(static_cast<std::size_t>(state.range(0)), chinese);
}

void BM_ParseEnglish(benchmark::State& state) { parse_text(state, generated(state, false), true); }
void BM_ParseEnglishAntlr(benchmark::State& state) { parse_text(state, generated(state, false), false); }
void BM_ParseChinese(benchmark::State& state) { parse_text(state, generated(state, true), true); }
void BM_ParseChineseAntlr(benchmark::State& state) { parse_text(state, generated(state, true), false); }

std::string file_to_time() {
  const char* path = std::getenv("ZHUNRU_BENCH_PARSE_FILE");
  if (path == nullptr) return {};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void parse_file(benchmark::State& state, bool fast_path) {
  const std::string text = file_to_time();
  if (text.empty()) {
    state.SkipWithError("set ZHUNRU_BENCH_PARSE_FILE to a rules file");
    return;
  }
  parse_text(state, text, fast_path);
}
void BM_ParseFile(benchmark::State& state) { parse_file(state, true); }
void BM_ParseFileAntlr(benchmark::State& state) { parse_file(state, false); }

BENCHMARK(BM_ParseEnglish)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseEnglishAntlr)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseChinese)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseChineseAntlr)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseFileAntlr)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
