// What the fuzz targets share: the bundled rulesets, compiled once; a way to
// fail loudly (libFuzzer keeps the input that aborted); and the whole answer
// path for a project. The targets use zhunru's public API only.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/zhunru.hpp"

namespace zhunru::fuzz {

[[noreturn]] inline void fail(const std::string& why) {
  std::fprintf(stderr, "zhunru fuzz: %s\n", why.c_str());
  std::abort();
}

/// ZHUNRU_FUZZ_VERBOSE=1: say what each input came to (for a person
/// looking at one input; the fuzzer runs silent).
inline bool verbose() {
  static const bool on = std::getenv("ZHUNRU_FUZZ_VERBOSE") != nullptr;
  return on;
}

inline void say(const std::string& what) {
  if (verbose()) std::fprintf(stderr, "%s\n", what.c_str());
}

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// A file of the repository (the bundled rulesets and their maps).
inline std::string repo_file(const std::string& relative) {
  std::ifstream in(std::string(ZHUNRU_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) fail("cannot read " + relative);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::shared_ptr<const Ruleset> compile_bundled(const std::string& name) {
  const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/" + name);
  if (!r.ok()) fail("rules/" + name + " does not compile:\n" + r.render(Lang::en));
  return r.ruleset;
}

inline const Ruleset& examples() {
  static const std::shared_ptr<const Ruleset> rs = compile_bundled("examples");
  return *rs;
}

inline const Ruleset& chongqing() {
  static const std::shared_ptr<const Ruleset> rs = compile_bundled("chongqing");
  return *rs;
}

/// Set facts and amounts per value (language.md §4), which no bundled list
/// declares: what the project fuzzer also reads projects against.
inline const Ruleset& sets_example() {
  static const std::shared_ptr<const Ruleset> rs = [] {
    const CompileResult r = compile_sources({{"sets/rules.rules", R"(
ruleset "多选（模糊测试）" version "1";
fact fuels : set of { coal "燃煤", oil "燃油", gas "燃气" { lng "液化天然气" } } "燃料";
fact products : set of { coke "焦炭", steel "钢" } "产品";
fact added : quantity 万t/a per products "分产品新增产能";
fact shares : number per products;
city 500000 {
  spatial-layout {
    S1: ban coal projects;
    S2: require projects to have all fuels in [gas] where added[coke] > 10 万t/a;
    S3: ban projects where no fuels in [lng] and shares[steel] >= 2;
  }
}
)"}});
    if (!r.ok()) fail("the set-facts ruleset does not compile:\n" + r.render(Lang::en));
    return r.ruleset;
  }();
  return *rs;
}

/// examples/overlap with a rule for each way of measuring an overlap, an
/// intersection, a filtered layer and one picked per project: what the site
/// fuzzer judges overlaps with.
inline const Ruleset& overlap_example() {
  static const std::shared_ptr<const Ruleset> rs = [] {
    std::vector<SourceText> sources;
    for (const char* f : {"schema.rules", "city.rules", "maps/units.geojson", "maps/farmland.geojson"}) {
      sources.push_back({std::string("overlap/") + f, repo_file(std::string("examples/overlap/") + f)});
    }
    sources.push_back({"overlap/measures.rules", R"(
layer plot-a = farmland where name = "地块甲（示例）";
layer plot-a-farmland = plot-a and farmland;
fact plot : text "地块名称";
layer named-plot = farmland where name = plot;
district 500112 {
  spatial-layout {
    M1: ban projects overlapping farmland by at least 10 %;
    M2: ban projects overlapping plot-a-farmland by at least 1 ha;
    M3: encourage projects not overlapping plot-a where site inside farmland or site within 100 m of plot-a;
    M4: ban projects within 50 m of named-plot;
  }
}
)"});
    const CompileResult r = compile_sources(sources);
    if (!r.ok()) fail("examples/overlap with measures does not compile:\n" + r.render(Lang::en));
    return r.ruleset;
  }();
  return *rs;
}

/// The maps of rules/examples as in-memory sources under `dir`.
inline std::vector<SourceText> example_maps(const std::string& dir) {
  std::vector<SourceText> out;
  for (const char* name : {"units", "yangtze", "parks"}) {
    const std::string path = std::string("maps/") + name + ".geojson";
    out.push_back({dir + "/" + path, repo_file("rules/examples/" + path)});
  }
  return out;
}

inline std::chrono::year_month_day as_of() {
  return std::chrono::year_month_day{std::chrono::year(2025), std::chrono::month(6), std::chrono::day(1)};
}

/// Judges `project` with and without findings, renders every answer, and
/// checks what must always hold: both evaluations agree, the verdict lies
/// between best and worst.
inline void judge(const Ruleset& ruleset, const Project& project) {
  const auto full = evaluate(ruleset, project, {as_of(), true});
  const auto lean = evaluate(ruleset, project, {as_of(), false});
  if (full.has_value() != lean.has_value()) fail("verdict-only evaluation fails where the full one does not");
  if (!full) {
    say("not judged: " + describe_error(full.error()));
    if (full.error().code.empty() || full.error().message.en.empty()) fail("an evaluation error without code or message");
    return;
  }
  if (full->verdict != lean->verdict || full->best != lean->best || full->worst != lean->worst) {
    fail("verdict-only evaluation disagrees with the full one");
  }
  say(std::string("verdict: ") + std::string(name_of(full->verdict)));
  if (full->best > full->worst) fail("best verdict stricter than worst");
  if (full->verdict != (full->best == full->worst ? full->best : Verdict::incomplete)) fail("verdict is not settled from best and worst");
  if (to_json(*full).empty() || to_text(*full, Lang::en).empty() || to_text(*full, Lang::zh).empty()) {
    fail("an empty answer");
  }
}

/// Every error has a stable code and a message in both languages.
inline void check_errors(const std::vector<ProjectError>& errors) {
  if (errors.empty()) fail("a failure without errors");
  say("refused: " + describe_error(errors));
  for (const ProjectError& e : errors) {
    if (e.code.empty() || e.message.en.empty() || e.message.zh.empty()) fail("a project error without code or message");
  }
}

}  // namespace zhunru::fuzz
