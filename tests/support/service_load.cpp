// A loopback load client for `zhunru serve` (tests and docs/benchmarks.md):
// N requests to POST /v1/evaluate from C connections at once, each a
// generated Chongqing project with a point site, every answer compared byte
// for byte with the decision this process computes itself with the library
// (the same ruleset, the same as-of date). Reports the rate and latency
// percentiles; with --pid, samples the server's resident memory and fails
// when it grows by more than --rss-growth-mib after the first tenth (the
// warm-up). Exit 0 only when every answer was right.
//
//   zhunru_service_load --port 8080 --ruleset rules/chongqing --requests 20000 --concurrency 16
#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>
#include <vector>

#include "zhunru/dates.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace {

using namespace zhunru;

struct Case {
  std::string body;      // the project file sent
  std::string expected;  // the decision JSON the service must answer
};

/// `count` projects with point sites inside Chongqing's units and random facts.
std::vector<Case> make_cases(const Ruleset& rules, std::size_t count, const EvaluateOptions& options) {
  static const char* const industries[] = {"C2614", "C3011", "C3120", "C2110", "C3982", "G5951", "K7010", "C4350"};
  static const char* const natures[] = {"新建", "扩建", "改建", "技术改造", "迁建"};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(105.3, 110.2);
  std::uniform_real_distribution<double> lat(28.2, 32.2);
  std::vector<Case> cases;
  while (cases.size() < count) {
    std::string body = fmt::format(
        R"({{"industry": "{}", "nature": "{}", "in-ftz": {}, "site": {{"type": "Point", "coordinates": [{:.5f}, {:.5f}]}}}})",
        industries[rng() % 8], natures[rng() % 5], rng() % 2 == 0, lon(rng), lat(rng));
    const auto project = load_project_json(rules, body);
    if (!project || project->units().empty()) continue;  // outside every unit
    const auto decision = evaluate(rules, *project, options);
    if (!decision) continue;
    cases.push_back({std::move(body), to_json(*decision, JsonLayout::compact)});
  }
  return cases;
}

std::size_t rss_kib(int pid) {
  std::ifstream status(fmt::format("/proc/{}/status", pid));
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stoul(line.substr(6));
  }
  return 0;
}

double percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[i];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Load zhunru serve's /v1/evaluate from loopback and check every answer"};
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string ruleset_dir;
  std::size_t requests = 20000;
  unsigned concurrency = 16;
  std::size_t distinct = 500;
  std::string as_of = "2025-06-01";
  int pid = 0;
  double rss_growth_mib = 0;
  app.add_option("--host", host);
  app.add_option("--port", port)->required();
  app.add_option("--ruleset", ruleset_dir, "The ruleset the server serves (to compute the right answers)")->required();
  app.add_option("--requests", requests);
  app.add_option("--concurrency", concurrency)->check(CLI::Range(1, 4096));
  app.add_option("--distinct", distinct, "Distinct projects, sent round-robin")->check(CLI::Range(1, 100000));
  app.add_option("--as-of", as_of);
  app.add_option("--pid", pid, "The server's pid, to sample its resident memory");
  app.add_option("--rss-growth-mib", rss_growth_mib, "Fail when the server's memory grows more than this after warm-up");
  CLI11_PARSE(app, argc, argv);

  rlimit files{};  // a socket per connection: --concurrency 2000 needs more than the usual 1,024
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  const CompileResult compiled = compile_directory(ruleset_dir);
  if (!compiled.ok()) {
    std::cerr << compiled.render(Lang::en);
    return 2;
  }
  EvaluateOptions options;
  options.as_of = *parse_iso_date(as_of);
  const std::vector<Case> cases = make_cases(*compiled.ruleset, distinct, options);
  const std::string path = "/v1/evaluate?as_of=" + as_of;

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> errors{0};
  std::atomic<std::size_t> wrong{0};
  std::atomic<std::size_t> rss_after_warmup{0};
  std::vector<std::vector<double>> latencies(concurrency);
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < concurrency; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // else headers and body wait on delayed ACKs: 40 ms a request
      client.set_read_timeout(30);
      for (std::size_t i = next++; i < requests; i = next++) {
        if (pid != 0 && i == requests / 10) rss_after_warmup = rss_kib(pid);
        const Case& c = cases[i % cases.size()];
        const auto sent = std::chrono::steady_clock::now();
        const auto res = client.Post(path, c.body, "application/json");
        latencies[t].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count());
        if (!res || res->status != 200) {
          if (errors++ < 5) {
            std::cerr << "request " << i << ": " << (res ? std::to_string(res->status) + " " + res->body
                                                         : httplib::to_string(res.error())) << '\n';
          }
        } else if (res->body != c.expected) {
          if (wrong++ < 5) std::cerr << "request " << i << ": wrong answer\n  got " << res->body << "  want " << c.expected;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  fmt::print("{} requests, concurrency {}, {} distinct projects: {:.2f} s, {:.0f} requests/s\n", requests, concurrency,
             cases.size(), seconds, static_cast<double>(requests) / seconds);
  fmt::print("latency ms: p50 {:.3f}  p90 {:.3f}  p99 {:.3f}  max {:.3f}\n", percentile(all, 0.5),
             percentile(all, 0.9), percentile(all, 0.99), all.empty() ? 0.0 : all.back());
  fmt::print("errors {}  wrong answers {}\n", errors.load(), wrong.load());
  bool ok = errors == 0 && wrong == 0;
  if (pid != 0) {
    const std::size_t before = rss_after_warmup.load();
    const std::size_t after = rss_kib(pid);
    const double growth = (static_cast<double>(after) - static_cast<double>(before)) / 1024.0;
    fmt::print("server resident memory: {:.1f} MiB after warm-up, {:.1f} MiB at the end ({:+.1f} MiB)\n",
               static_cast<double>(before) / 1024.0, static_cast<double>(after) / 1024.0, growth);
    if (rss_growth_mib > 0 && growth > rss_growth_mib) {
      fmt::print("FAIL: memory grew by more than {} MiB\n", rss_growth_mib);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
