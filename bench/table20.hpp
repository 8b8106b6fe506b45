// The 20-rule table (city, two districts, two units), its 256 generated
// projects and the same rules written by hand: shared by eval_bench (zhunru
// against the hand-written function) and peers_bench (zhunru against CLIPS
// and SWI-Prolog), so that every row judges the very same projects.
#pragma once

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::bench {

inline const char* const kSchema = R"(
ruleset "基准测试清单" version "1" effective 2024-01-01;
fact industry : industry;
fact nature : one of { new "新建", rebuild "改建", expansion "扩建", upgrade "技术改造" };
fact catalogue : one of { encouraged, permitted, restricted, eliminated };
fact efficiency : one of { benchmark, baseline, below };
fact grade : one of { A, B, C, D };
fact capacity : quantity t/a;
fact voc : quantity t/a;
fact so2 : quantity t/a;
fact noise : quantity dB;
fact low-voc : bool;
fact in-park : bool;
fact risk-plan : bool;
kind two-high = industry in [C25, C26, C30, C31, C32, D44];
kind chemical = industry in [C26];
kind industrial = industry in [B, C, D];
)";

inline const char* const kTable20 = R"(
city 500000 {
  spatial-layout {
    C01: ban two-high projects in priority units;
    C02: ban projects where catalogue = eliminated;
    C03: ban new chemical projects in priority units;
    C04: ban new or expansion two-high projects where not in-park;
  }
  emission-control {
    C05: require new industrial projects to have low-voc;
    C06: limit voc to 10 t/a for industrial projects;
    C07: limit so2 to 50 t/a for two-high projects;
  }
  risk-control { C08: require chemical projects to have risk-plan; }
  resource-efficiency {
    C09: require new or rebuild or expansion two-high projects to have efficiency = benchmark and grade = A;
    C10: limit capacity to 100万 t/a for chemical projects;
  }
}
district 500103 {
  spatial-layout { D01: ban new industrial projects; }
  emission-control { D02: limit voc to 5 t/a for new projects in key units; }
  risk-control { D03: limit noise to 55 dB for projects in general units; }
}
district 500112 {
  spatial-layout { D04: ban chemical projects where capacity > 50万 t/a; }
  resource-efficiency { D05: require two-high projects to have grade in {A, B}; }
  emission-control { D06: encourage projects where low-voc; }
}
unit ZH50010320001 {
  emission-control { U01: require new projects to have low-voc; U02: limit voc to 3 t/a for projects; }
}
unit ZH50011210001 {
  spatial-layout { U03: ban industrial projects; U04: allow projects where is industrial and in-park; }
}
)";

// ---- the hand-written baseline --------------------------------------------------

enum class Nature { new_, rebuild, expansion, upgrade };
enum class Catalogue { encouraged, permitted, restricted, eliminated };

struct Facts {
  std::string industry;
  Nature nature;
  Catalogue catalogue;
  int efficiency;  // 0 benchmark
  char grade;
  double capacity, voc, so2, noise;
  bool low_voc, in_park, risk_plan;
  std::string unit;  // ZH…
};

inline bool starts(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

/// The 20 rules above, written by hand for fully known facts. Returns
/// 0 admit, 1 conditional, 2 reject.
inline int judge_by_hand(const Facts& f) {
  const bool two_high = starts(f.industry, "C25") || starts(f.industry, "C26") || starts(f.industry, "C30") ||
                        starts(f.industry, "C31") || starts(f.industry, "C32") || starts(f.industry, "D44");
  const bool chemical = starts(f.industry, "C26");
  const bool industrial = starts(f.industry, "B") || starts(f.industry, "C") || starts(f.industry, "D");
  const char cls = f.unit[8];
  const std::string district = f.unit.substr(2, 6);
  const bool is_new = f.nature == Nature::new_;
  bool ban = false;
  bool require = false;
  ban |= two_high && cls == '1';
  ban |= f.catalogue == Catalogue::eliminated;
  ban |= is_new && chemical && cls == '1';
  ban |= (is_new || f.nature == Nature::expansion) && two_high && !f.in_park;
  require |= is_new && industrial && !f.low_voc;
  require |= industrial && f.voc > 10;
  require |= two_high && f.so2 > 50;
  require |= chemical && !f.risk_plan;
  require |= (is_new || f.nature == Nature::rebuild || f.nature == Nature::expansion) && two_high &&
             !(f.efficiency == 0 && f.grade == 'A');
  require |= chemical && f.capacity > 1e6;
  if (district == "500103") {
    ban |= is_new && industrial;
    require |= is_new && cls == '2' && f.voc > 5;
    require |= cls == '3' && f.noise > 55;
  }
  if (district == "500112") {
    ban |= chemical && f.capacity > 5e5;
    require |= two_high && !(f.grade == 'A' || f.grade == 'B');
  }
  if (f.unit == "ZH50010320001") require |= (is_new && !f.low_voc) || f.voc > 3;
  if (f.unit == "ZH50011210001") ban |= industrial;
  return ban ? 2 : require ? 1 : 0;
}

// ---- shared inputs --------------------------------------------------------------------

inline const char* const kIndustries[] = {"C2614", "C3011", "D4411", "C2511", "I6513", "C1311", "B0610", "K7010"};
inline const char* const kUnits[] = {"ZH50010320001", "ZH50010310002", "ZH50010330003", "ZH50011210001", "ZH50011220002",
                              "ZH50011530004"};
// The enumeration values by Facts' numbering, as the schema, the project
// files and both peers spell them.
inline const char* const kNatures[] = {"new", "rebuild", "expansion", "upgrade"};
inline const char* const kCatalogues[] = {"encouraged", "permitted", "restricted", "eliminated"};
inline const char* const kEfficiencies[] = {"benchmark", "baseline", "below"};
inline const char* const kGrades[] = {"A", "B", "C", "D"};

inline std::vector<Facts> make_facts(std::size_t n) {
  std::mt19937 rng(20);
  auto any = [&](auto const& list) { return list[std::uniform_int_distribution<std::size_t>(0, std::size(list) - 1)(rng)]; };
  auto num = [&](double lo, double hi) { return std::round(std::uniform_real_distribution<double>(lo, hi)(rng)); };
  std::vector<Facts> out;
  for (std::size_t i = 0; i < n; ++i) {
    Facts f;
    f.industry = any(kIndustries);
    f.nature = static_cast<Nature>(rng() % 4);
    f.catalogue = static_cast<Catalogue>(rng() % 4 == 0 ? 3 : 1);
    f.efficiency = static_cast<int>(rng() % 3);
    f.grade = static_cast<char>('A' + rng() % 4);
    f.capacity = num(0, 2e6);
    f.voc = num(0, 12);
    f.so2 = num(0, 80);
    f.noise = num(40, 70);
    f.low_voc = rng() % 2 == 0;
    f.in_park = rng() % 2 == 0;
    f.risk_plan = rng() % 2 == 0;
    f.unit = any(kUnits);
    out.push_back(f);
  }
  return out;
}

inline Project to_project(const Ruleset& rs, const Facts& f) {
  FactsBuilder b(rs);
  b.set_text("industry", f.industry)
      .set_text("nature", kNatures[static_cast<int>(f.nature)])
      .set_text("catalogue", kCatalogues[static_cast<int>(f.catalogue)])
      .set_text("efficiency", kEfficiencies[f.efficiency])
      .set_text("grade", std::string(1, f.grade))
      .set_number("capacity", f.capacity)
      .set_number("voc", f.voc)
      .set_number("so2", f.so2)
      .set_number("noise", f.noise)
      .set_bool("low-voc", f.low_voc)
      .set_bool("in-park", f.in_park)
      .set_bool("risk-plan", f.risk_plan)
      .add_unit(f.unit);
  return *std::move(b).build();
}

inline const EvaluateOptions kAsOf{std::chrono::year_month_day{std::chrono::year(2025), std::chrono::month(6), std::chrono::day(1)}};

inline std::shared_ptr<const Ruleset> compile(const std::string& tiers) {
  const CompileResult r = compile_sources({{"schema.rules", kSchema}, {"tiers.rules", tiers}});
  if (!r.ok()) throw std::runtime_error(r.render(Lang::en));
  return r.ruleset;
}

/// The same project as a project file, for the JSON-in, JSON-out path.
inline std::string to_project_json(const Facts& f) {
  const auto flag = [](bool b) { return b ? "true" : "false"; };
  return fmt::format(R"({{"industry": "{}", "nature": "{}", "catalogue": "{}", "efficiency": "{}", "grade": "{}", )"
                     R"("capacity": {}, "voc": {}, "so2": {}, "noise": {}, "low-voc": {}, "in-park": {}, )"
                     R"("risk-plan": {}, "units": ["{}"], "project": {{"name": "基准项目"}}}})",
                     f.industry, kNatures[static_cast<int>(f.nature)], kCatalogues[static_cast<int>(f.catalogue)],
                     kEfficiencies[f.efficiency], f.grade, f.capacity, f.voc, f.so2, f.noise, flag(f.low_voc),
                     flag(f.in_park), flag(f.risk_plan), f.unit);
}

struct Table20 {
  std::shared_ptr<const Ruleset> rules = compile(kTable20);
  std::vector<Facts> facts = make_facts(256);
  std::vector<Project> projects;
  std::vector<std::string> project_files;
  std::vector<Decision> decisions;
  bool agree = true;
  bool files_agree = true;
  Table20() {
    for (const Facts& f : facts) {
      project_files.push_back(to_project_json(f));
      // The file and the builder must give the same decision.
      const auto from_file = load_project_json(*rules, project_files.back());
      Decision built = *evaluate(*rules, to_project(*rules, f), kAsOf);
      built.project_json = R"({"name":"基准项目"})";
      files_agree = files_agree && from_file && to_json(*evaluate(*rules, *from_file, kAsOf)) == to_json(built);
      decisions.push_back(*evaluate(*rules, to_project(*rules, f), kAsOf));
      projects.push_back(to_project(*rules, f));
      const Verdict v = evaluate(*rules, projects.back(), kAsOf)->verdict;
      agree = agree && static_cast<int>(v) == judge_by_hand(f);
    }
  }
};

inline const Table20& table20() {
  static const Table20 t;
  return t;
}

inline void zhunru_table(benchmark::State& state, bool findings) {
  const Table20& t = table20();
  if (!t.agree) state.SkipWithError("zhunru and the hand-written function disagree on a verdict");
  EvaluateOptions options = kAsOf;
  options.findings = findings;
  std::size_t i = 0;
  std::size_t applicable = 0;
  for (auto _ : state) {
    auto d = evaluate(*t.rules, t.projects[i++ % t.projects.size()], options);
    if (findings) applicable += d->findings.size();
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  if (findings) state.counters["applicable_per_decision"] = static_cast<double>(applicable) / state.iterations();
}


/// The loop of a per-request row: `judge` on each of `inputs` in turn, its
/// answer kept from the optimiser.
template <class Inputs, class Judge>
void per_request(benchmark::State& state, const Inputs& inputs, Judge judge) {
  std::size_t i = 0;
  for (auto _ : state) {
    auto answer = judge(inputs[i++ % inputs.size()]);
    benchmark::DoNotOptimize(answer);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

/// The rows both bench executables time.
inline void hand_written(benchmark::State& state) { per_request(state, table20().facts, judge_by_hand); }

/// Decision → JSON: the answer an embedder sends on (pretty or NDJSON).
inline void table_to_json(benchmark::State& state, JsonLayout layout) {
  const Table20& t = table20();
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string json = to_json(t.decisions[i++ % t.decisions.size()], layout);
    bytes += json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["bytes_per_decision"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
}

/// Project file → decision → JSON, end to end: what a service does per request.
inline void json_in_json_out(benchmark::State& state) {
  const Table20& t = table20();
  if (!t.files_agree) state.SkipWithError("a project file and its builder disagree");
  per_request(state, t.project_files, [&t](const std::string& file) {
    const auto project = load_project_json(*t.rules, file);
    return to_json(*evaluate(*t.rules, *project, kAsOf), JsonLayout::compact);
  });
}

}  // namespace zhunru::bench
