// Peers: the 20-rule table (bench/table20.hpp) judged by zhunru, by CLIPS 6.30
// (bench/table20.clp through the C API) and by SWI-Prolog 9 embedded
// (bench/table20.pl), on the same 256 projects and project files.
//
// Before anything is timed every peer judges all 256 projects, and its verdict
// and violated rules must equal zhunru's (the hand-written function's verdict
// too), and the three small answer files must be the same bytes; a row whose
// check failed is skipped with an error.
//
//   BM_Table20_HandWritten, _ZhunruVerdict, _ZhunruFindings, _JsonInJsonOut
//                        zhunru's rows, the same code as eval_bench;
//   BM_Table20_ZhunruJsonInPeerAnswer  project file → evaluate → the peers'
//                        small answer (verdict, violated ids, project member);
//   BM_Table20_ZhunruJsonInLeanDecision  project file → evaluate without
//                        findings → to_verdict_json (screen --verdict-only's answer);
//   BM_Table20_ClipsFactApi  reset, one fact through the fact API, run, verdict;
//   BM_Table20_ClipsAssertString  the same fact parsed from text;
//   BM_Table20_ClipsJsonInJsonOut  project file → nlohmann → fact API → answer;
//   BM_Table20_SwiplTerm  the project as a term, judge/3, verdict;
//   BM_Table20_SwiplJsonInJsonOut  project file → nlohmann → term → answer.
//
//   zhunru_bench_peers --check      the check alone; exit 0 when all agree (a ctest)
//   zhunru_bench_peers --soak=N     N requests on each peer path, memory before and after
//   zhunru_bench_peers [Google Benchmark flags]
//
// Run: taskset -c 1 build/bench/zhunru_bench_peers --benchmark_repetitions=10
//        --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clips_peer.hpp"
#include "peer.hpp"
#include "swipl_peer.hpp"
#include "table20.hpp"

namespace {

using namespace zhunru;
using namespace zhunru::bench;

const char* g_argv0 = "zhunru_bench_peers";

std::vector<std::string> violated_ids(const Decision& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings) {
    if (f.status == Status::violated) out.push_back(f.rule);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// zhunru answering a project file with the peers' answer (verdict, violated
/// ids, the `project` member) instead of its full decision: the same
/// nlohmann writer as the peers, for a like-for-like end-to-end row.
std::string zhunru_peer_answer(const Table20& t, const std::string& file) {
  const auto project = load_project_json(*t.rules, file);
  if (!project) return {};
  const auto d = evaluate(*t.rules, *project, kAsOf);
  if (!d) return {};
  nlohmann::json member = nlohmann::json::object();
  if (!d->project_json.empty()) member["project"] = nlohmann::json::parse(d->project_json);
  return peer_answer_json(static_cast<int>(d->verdict), violated_ids(*d), member);
}

/// zhunru's own lean answer: a project file judged without findings or
/// traces, written as `screen --verdict-only` writes it (to_verdict_json):
/// verdict, best, worst, missing, violated ids, unit codes, project member.
std::string zhunru_lean_answer(const Table20& t, const std::string& file) {
  const auto project = load_project_json(*t.rules, file);
  if (!project) return {};
  EvaluateOptions options = kAsOf;
  options.findings = false;
  const auto d = evaluate(*t.rules, *project, options);
  return d ? to_verdict_json(*d) : std::string();
}

/// An answer file (zhunru's decision or a peer's answer) read back.
struct Read {
  int verdict = peer_failed;
  std::vector<std::string> violated;
};

Read read_answer(const std::string& json) {
  Read r;
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return r;
  if (const auto v = j.find("verdict"); v != j.end() && v->is_string()) r.verdict = peer_verdict_from(v->get<std::string>());
  if (const auto v = j.find("violated"); v != j.end()) {
    r.violated = v->get<std::vector<std::string>>();
  } else if (const auto fs = j.find("findings"); fs != j.end()) {  // zhunru's decision
    for (const auto& f : *fs) {
      if (f.value("status", "") == "violated") r.violated.push_back(f.value("rule", ""));
    }
    std::sort(r.violated.begin(), r.violated.end());
  }
  return r;
}

std::string describe(int verdict, const std::vector<std::string>& violated) {
  return fmt::format("{} [{}]", peer_verdict_name(verdict), fmt::join(violated, " "));
}

/// The peers, and what checking them against zhunru found.
struct Peers {
  ClipsPeer clips;
  SwiplPeer swipl;
  std::vector<std::string> disagreements;
  int counts[3] = {0, 0, 0};  // zhunru's verdicts: admit, conditional, reject

  Peers()
      : clips(std::string(ZHUNRU_SOURCE_DIR) + "/bench/table20.clp"),
        swipl(g_argv0, std::string(ZHUNRU_SOURCE_DIR) + "/bench/table20.pl") {
    const Table20& t = table20();
    if (!t.agree) disagreements.push_back("zhunru and the hand-written function disagree on a verdict");
    if (!t.files_agree) disagreements.push_back("a project file and its builder disagree");
    for (std::size_t i = 0; i < t.facts.size(); ++i) {
      const Facts& f = t.facts[i];
      const std::string& file = t.project_files[i];
      const int want = static_cast<int>(t.decisions[i].verdict);
      const std::vector<std::string> want_ids = violated_ids(t.decisions[i]);
      if (want >= 0 && want < 3) ++counts[want];
      const auto expect = [&](const char* who, int verdict, const std::vector<std::string>* ids) {
        if (verdict == want && (ids == nullptr || *ids == want_ids)) return;
        disagreements.push_back(fmt::format("project {} ({} {}): zhunru {}, {} {}", i, f.industry, f.unit,
                                            describe(want, want_ids), who,
                                            ids ? describe(verdict, *ids) : peer_verdict_name(verdict)));
      };
      std::vector<std::string> ids;
      expect("hand-written", judge_by_hand(f), nullptr);
      expect("CLIPS fact API (verdict only)", clips.judge(f), nullptr);
      expect("CLIPS fact API", clips.judge(f, &ids), &ids);
      expect("CLIPS assert-string", clips.judge_string(f, &ids), &ids);
      const Read clips_file = read_answer(clips.judge_json(file));
      expect("CLIPS JSON in/out", clips_file.verdict, &clips_file.violated);
      expect("SWI-Prolog (verdict only)", swipl.judge(f), nullptr);
      expect("SWI-Prolog", swipl.judge(f, &ids), &ids);
      const Read swipl_file = read_answer(swipl.judge_json(file));
      expect("SWI-Prolog JSON in/out", swipl_file.verdict, &swipl_file.violated);
      const auto project = load_project_json(*t.rules, file);
      const Read zhunru_file = project ? read_answer(to_json(*evaluate(*t.rules, *project, kAsOf), JsonLayout::compact))
                                       : Read{};
      expect("zhunru JSON in/out", zhunru_file.verdict, &zhunru_file.violated);
      const Read zhunru_lean = read_answer(zhunru_lean_answer(t, file));
      expect("zhunru JSON in, lean decision out", zhunru_lean.verdict, &zhunru_lean.violated);
      // The three small answers must be the same bytes.
      const std::string small = zhunru_peer_answer(t, file);
      const Read zhunru_small = read_answer(small);
      expect("zhunru JSON in, peer answer out", zhunru_small.verdict, &zhunru_small.violated);
      if (clips.judge_json(file) != small || swipl.judge_json(file) != small) {
        disagreements.push_back(fmt::format("project {}: the answer files differ: zhunru {}, CLIPS {}, SWI-Prolog {}", i,
                                            small, clips.judge_json(file), swipl.judge_json(file)));
      }
    }
  }
};

/// The peers, made and checked on first use; nullptr (and `error`) when
/// one could not start.
Peers* peers(std::string* error = nullptr) {
  static std::string failure;
  static const std::unique_ptr<Peers> p = []() -> std::unique_ptr<Peers> {
    try {
      return std::make_unique<Peers>();
    } catch (const std::exception& e) {
      failure = e.what();
      return nullptr;
    }
  }();
  if (error) *error = failure;
  return p.get();
}

/// The peers if they agree with zhunru on all 256 projects; else skips the row.
Peers* checked(benchmark::State& state) {
  std::string error;
  Peers* p = peers(&error);
  if (p == nullptr) {
    state.SkipWithError(error.c_str());
  } else if (!p->disagreements.empty()) {
    state.SkipWithError("a peer disagrees with zhunru (run with --check)");
    p = nullptr;
  }
  return p;
}

// ---- zhunru (the same rows as eval_bench) ------------------------------------------

void BM_Table20_HandWritten(benchmark::State& state) { hand_written(state); }
void BM_Table20_ZhunruVerdict(benchmark::State& state) { zhunru_table(state, false); }
void BM_Table20_ZhunruFindings(benchmark::State& state) { zhunru_table(state, true); }
void BM_Table20_JsonInJsonOut(benchmark::State& state) { json_in_json_out(state); }

/// Project file → evaluate → the peers' small answer, written as they write it.
void BM_Table20_ZhunruJsonInPeerAnswer(benchmark::State& state) {
  if (checked(state) == nullptr) return;
  const Table20& t = table20();
  per_request(state, t.project_files, [&t](const std::string& file) { return zhunru_peer_answer(t, file); });
}

/// Project file → evaluate without findings → to_verdict_json.
void BM_Table20_ZhunruJsonInLeanDecision(benchmark::State& state) {
  if (checked(state) == nullptr) return;
  const Table20& t = table20();
  per_request(state, t.project_files, [&t](const std::string& file) { return zhunru_lean_answer(t, file); });
}

// ---- CLIPS ---------------------------------------------------------------------------

void BM_Table20_ClipsFactApi(benchmark::State& state) {
  if (Peers* p = checked(state)) per_request(state, table20().facts, [p](const Facts& f) { return p->clips.judge(f); });
}

void BM_Table20_ClipsAssertString(benchmark::State& state) {
  if (Peers* p = checked(state)) {
    per_request(state, table20().facts, [p](const Facts& f) { return p->clips.judge_string(f); });
  }
}

void BM_Table20_ClipsJsonInJsonOut(benchmark::State& state) {
  if (Peers* p = checked(state)) {
    per_request(state, table20().project_files, [p](const std::string& file) { return p->clips.judge_json(file); });
  }
}

// ---- SWI-Prolog ------------------------------------------------------------------------

void BM_Table20_SwiplTerm(benchmark::State& state) {
  if (Peers* p = checked(state)) per_request(state, table20().facts, [p](const Facts& f) { return p->swipl.judge(f); });
}

void BM_Table20_SwiplJsonInJsonOut(benchmark::State& state) {
  if (Peers* p = checked(state)) {
    per_request(state, table20().project_files, [p](const std::string& file) { return p->swipl.judge_json(file); });
  }
}

BENCHMARK(BM_Table20_HandWritten);
BENCHMARK(BM_Table20_ZhunruVerdict);
BENCHMARK(BM_Table20_ZhunruFindings);
BENCHMARK(BM_Table20_JsonInJsonOut);
BENCHMARK(BM_Table20_ZhunruJsonInPeerAnswer);
BENCHMARK(BM_Table20_ZhunruJsonInLeanDecision);
BENCHMARK(BM_Table20_ClipsFactApi);
BENCHMARK(BM_Table20_ClipsAssertString);
BENCHMARK(BM_Table20_ClipsJsonInJsonOut);
BENCHMARK(BM_Table20_SwiplTerm);
BENCHMARK(BM_Table20_SwiplJsonInJsonOut);

// ---- --check and --soak -----------------------------------------------------------------

int run_check() {
  std::string error;
  const Peers* p = peers(&error);
  if (p == nullptr) {
    std::fprintf(stderr, "peers: %s\n", error.c_str());
    return 1;
  }
  const std::size_t n = table20().facts.size();
  if (!p->disagreements.empty()) {
    for (const auto& d : p->disagreements) std::fprintf(stderr, "disagree: %s\n", d.c_str());
    std::printf("peers: %zu disagreements on %zu projects\n", p->disagreements.size(), n);
    return 1;
  }
  std::printf(
      "peers: %zu projects (%d admit, %d conditional, %d reject): zhunru, the hand-written function, CLIPS (fact API, "
      "assert-string, JSON in/out) and SWI-Prolog (term, JSON in/out) agree on every verdict and violated rule, and "
      "write the same answer files\n",
      n, p->counts[0], p->counts[1], p->counts[2]);
  return 0;
}

/// Resident memory in KiB (VmRSS), or -1.
long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

int run_soak(long n) {
  std::string error;
  Peers* p = peers(&error);
  if (p == nullptr) {
    std::fprintf(stderr, "peers: %s\n", error.c_str());
    return 1;
  }
  const Table20& t = table20();
  const auto soak = [&](const char* name, const std::function<void(std::size_t)>& request) {
    const long warm = std::max(1L, n / 100);
    for (long i = 0; i < warm; ++i) request(static_cast<std::size_t>(i) % t.facts.size());
    const long before = rss_kib();
    for (long i = 0; i < n; ++i) request(static_cast<std::size_t>(i) % t.facts.size());
    const long after = rss_kib();
    std::printf("%-24s %ld requests: RSS %ld KiB after %ld warm-up requests, %ld KiB after (%+ld KiB)\n", name, n,
                before, warm, after, after - before);
    std::fflush(stdout);
  };
  soak("CLIPS fact API", [&](std::size_t i) { benchmark::DoNotOptimize(p->clips.judge(t.facts[i])); });
  soak("CLIPS assert-string", [&](std::size_t i) { benchmark::DoNotOptimize(p->clips.judge_string(t.facts[i])); });
  soak("CLIPS JSON in/out", [&](std::size_t i) { benchmark::DoNotOptimize(p->clips.judge_json(t.project_files[i])); });
  soak("SWI-Prolog term", [&](std::size_t i) { benchmark::DoNotOptimize(p->swipl.judge(t.facts[i])); });
  soak("SWI-Prolog JSON in/out", [&](std::size_t i) { benchmark::DoNotOptimize(p->swipl.judge_json(t.project_files[i])); });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  g_argv0 = argv[0];
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--check") return run_check();
    if (arg.rfind("--soak=", 0) == 0) return run_soak(std::strtol(argv[i] + 7, nullptr, 10));
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
