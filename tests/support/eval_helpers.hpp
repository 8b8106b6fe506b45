// Helpers for tests that compile rulesets from text and judge projects.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::testing {

/// Declarations most evaluation tests share (tiers are added per test).
inline const char* const kSchema = R"(
ruleset "测试清单" version "1.0" effective 2024-01-01 until 2030-12-31;
fact industry : industry "国民经济行业类别";
fact nature : one of { new "新建", rebuild "改建", expansion "扩建" } "建设性质";
fact capacity : quantity t/a "设计产能";
fact grade : one of { A, B, C, D } "环保绩效等级";
fact low-voc : bool "使用低VOCs原辅材料";
fact voc : quantity t/a "VOCs排放量";
fact opened : date "投产日期";
fact note : text;
kind chemical "化工项目" = industry in [C26];
kind two-high "两高项目" = industry in [C25, C26, C30];
kind industrial = industry in [B, C, D];
layer shore "长江岸线" from "maps/shore.geojson";
)";

/// The `shore` layer of kSchema: a synthetic line along latitude 30°N from
/// 106°E to 107°E.
inline const char* const kShoreMap = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "synthetic shore"},
   "geometry": {"type": "LineString", "coordinates": [[106.0, 30.0], [107.0, 30.0]]}}]})";

/// kSchema with its map, then `more`.
inline std::vector<SourceText> schema_and(std::vector<SourceText> more) {
  std::vector<SourceText> all{{"schema.rules", kSchema}, {"maps/shore.geojson", kShoreMap}};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

inline std::shared_ptr<const Ruleset> compile_ok(const std::vector<SourceText>& sources) {
  const CompileResult r = compile_sources(sources);
  INFO(r.render(Lang::en));
  REQUIRE(r.ok());
  return r.ruleset;
}

/// kSchema plus `tiers`, as two files.
inline std::shared_ptr<const Ruleset> ruleset_with(const std::string& tiers) {
  return compile_ok(schema_and({{"tiers.rules", tiers}}));
}

/// The diagnostics of compiling kSchema plus `text`: "line:col code".
inline std::vector<std::string> check_codes(const std::string& text, bool strict = false) {
  CompileOptions options;
  options.strict = strict;
  const CompileResult r = compile_sources(schema_and({{"t.rules", text}}), options);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code);
  }
  return out;
}

/// The messages of compiling kSchema plus `text`, in English.
inline std::string check_messages(const std::string& text) {
  const CompileResult r = compile_sources(schema_and({{"t.rules", text}}));
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += d.code + ": " + d.message.en + " | " + d.help.en + "\n";
  return out;
}

/// Every diagnostic of compiling `sources`: "code: message".
inline std::vector<std::string> problems(const std::vector<SourceText>& sources) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources).diagnostics) out.push_back(d.code + ": " + d.message.en);
  return out;
}

/// Whether some line of `all` contains `part`.
inline bool has(const std::vector<std::string>& all, const std::string& part) {
  return std::any_of(all.begin(), all.end(), [&](const std::string& p) { return p.find(part) != std::string::npos; });
}

inline std::chrono::year_month_day day(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

inline Project project_ok(const Ruleset& rs, const std::string& json) {
  const ProjectResult p = load_project_json(rs, json);
  if (!p) {
    std::string errors;
    for (const auto& e : p.error()) errors += e.fact + ": " + e.message.en + "\n";
    INFO(errors);
    REQUIRE(p.has_value());
  }
  return *p;
}

inline Decision decide(const Ruleset& rs, const std::string& json, std::chrono::year_month_day as_of = day(2025, 6, 1)) {
  const Project p = project_ok(rs, json);
  const auto d = evaluate(rs, p, {as_of});
  INFO((d ? std::string() : d.error().message.en));
  REQUIRE(d.has_value());
  return *d;
}

/// The finding for `rule` in `unit` (or the only one for `rule`), or null.
inline const Finding* finding(const Decision& d, const std::string& rule, const std::string& unit = "") {
  for (const Finding& f : d.findings) {
    if (f.rule == rule && (unit.empty() || f.unit == unit)) return &f;
  }
  return nullptr;
}

/// The errors of loading a project file: "fact: message".
inline std::vector<std::string> project_errors(const Ruleset& rs, const std::string& json) {
  const ProjectResult p = load_project_json(rs, json);
  std::vector<std::string> out;
  if (p) return out;
  for (const auto& e : p.error()) out.push_back(e.fact + ": " + e.message.en);
  return out;
}

/// rules/chongqing, compiled once for the test binary.
inline std::shared_ptr<const Ruleset> chongqing_rules() {
  static const auto rs = [] {
    const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing");
    REQUIRE(r.ok());
    return r.ruleset;
  }();
  return rs;
}

}  // namespace zhunru::testing
