// Audit time (docs/audit.md): the bundled Chongqing ruleset, and generated
// rulesets of 1,000 and 10,000 rules in the shape of a real list — a city
// tier (a fifth of the rules), 38 districts and 100 units — each rule about
// one of 400 industry classes (a tenth about a whole division): bans with a
// capacity bound, requirements on the performance grade and low-VOCs
// materials, VOCs limits, and encourage entries. Each run audits once.
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <random>
#include <string>

#include "real_classes.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/ruleset.hpp"

namespace {

using namespace zhunru;

const char* const kSchema = R"(
ruleset "审计基准" version "1" effective 2024-01-01;
fact industry : industry;
fact nature : one of { new "新建", rebuild "改建", expansion "扩建" };
fact grade : one of { A, B, C, D };
fact capacity : quantity t/a;
fact voc : quantity t/a;
fact low-voc : bool;
)";

std::string industry(std::mt19937& rng) {
  static const std::vector<std::string> classes = bench::manufacturing_classes(400);
  std::uniform_int_distribution<std::size_t> cls(0, classes.size() - 1);
  const std::string& c = classes[cls(rng)];
  return cls(rng) % 10 == 0 ? c.substr(0, 3) : c;  // a tenth about the whole division
}

std::string rule(std::mt19937& rng, int n) {
  const std::string code = industry(rng);
  switch (n % 4) {
    case 0: return fmt::format("spatial-layout {{ R{}: ban new projects where industry in [{}] and capacity > {} t/a; }}", n, code, 10 + n % 90);
    case 1: return fmt::format("resource-efficiency {{ R{}: require projects to have grade in {{A, B}} where industry in [{}]; }}", n, code);
    case 2: return fmt::format("emission-control {{ R{}: limit voc to {} t/a for projects where industry in [{}]; }}", n, 1 + n % 20, code);
    default: return fmt::format("emission-control {{ R{}: encourage projects where industry in [{}] and low-voc; }}", n, code);
  }
}

std::string generated(int count) {
  std::mt19937 rng(10000);
  std::string out;
  for (int n = 0; n < count; ++n) {
    std::string tier;
    if (n % 5 == 0) {
      tier = "city 500000";
    } else if (n % 5 < 4) {
      tier = fmt::format("district {}", 500101 + n % 38);
    } else {
      tier = fmt::format("unit ZH{}{}{:04d}", 500101 + n % 38, 1 + n % 3, n % 100 / 38 + 1);
    }
    out += tier + " { " + rule(rng, n) + " }\n";
  }
  return out;
}

/// A province-sized list (issue #16): 1,000 units of 38 districts, ten rules
/// each, under a city tier of 20 rules and districts of 5 each.
std::string province() {
  std::mt19937 rng(20000);
  std::string out;
  int n = 0;
  out += "city 500000 {";
  for (int i = 0; i < 20; ++i) out += " " + rule(rng, n++);
  out += " }\n";
  for (int d = 0; d < 38; ++d) {
    out += fmt::format("district {} {{", 500101 + d);
    for (int i = 0; i < 5; ++i) out += " " + rule(rng, n++);
    out += " }\n";
  }
  for (int u = 0; u < 1000; ++u) {
    out += fmt::format("unit ZH{}{}{:04d} {{", 500101 + u % 38, 1 + u % 3, u / 38 + 1);
    for (int i = 0; i < 10; ++i) out += " " + rule(rng, n++);
    out += " }\n";
  }
  return out;
}

/// Audits kSchema plus `tiers` once per iteration, with its counts as counters.
void audit_tiers(benchmark::State& state, const std::string& tiers) {
  const CompileResult r = compile_sources({{"schema.rules", kSchema}, {"tiers.rules", tiers}});
  if (!r.ok()) {
    state.SkipWithError(r.render(Lang::en).c_str());
    return;
  }
  AuditOptions options;
  options.as_of = std::chrono::year_month_day{std::chrono::year(2025), std::chrono::month(6), std::chrono::day(1)};
  AuditResult result;
  for (auto _ : state) result = audit(*r.ruleset, options);
  state.counters["rules"] = static_cast<double>(result.rules);
  state.counters["pairs"] = static_cast<double>(result.pairs);
  state.counters["findings"] = static_cast<double>(result.findings.size());
  state.counters["undecided"] = static_cast<double>(result.undecided);
}

void audit_province(benchmark::State& state) { audit_tiers(state, province()); }

void audit_generated(benchmark::State& state) { audit_tiers(state, generated(static_cast<int>(state.range(0)))); }

void audit_chongqing(benchmark::State& state) {
  const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing");
  if (!r.ok()) {
    state.SkipWithError("rules/chongqing does not compile");
    return;
  }
  AuditResult result;
  for (auto _ : state) result = audit(*r.ruleset);
  state.counters["rules"] = static_cast<double>(result.rules);
  state.counters["pairs"] = static_cast<double>(result.pairs);
  state.counters["findings"] = static_cast<double>(result.findings.size());
}

BENCHMARK(audit_province)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(audit_chongqing)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(audit_generated)->Arg(1000)->Arg(3000)->Arg(10000)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
