// Values under values (issue #15, 1): `new "新建" { relocation "迁建" }` — a
// rule about `new` is about relocations too, never the other way round; the
// checker, the evaluator, the auditor, fmt, snapshots and the schema agree.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "support/format_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/schema.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// Construction nature as filed in practice: 迁建 is filed as 新建（迁建）,
// 技术改造 is a kind of 改建.
const char* const kNatures = R"(
ruleset "层级取值" version "1" effective 2024-01-01;
fact industry : industry "国民经济行业类别";
fact nature : one of {
  new "新建" { relocation "迁建" },
  rebuild "改建" { upgrade "技术改造" { line-swap "生产线置换" } },
  expansion "扩建"
} "建设性质";
kind chemical "化工项目" = industry in [C26];
)";

std::shared_ptr<const Ruleset> natures_with(const std::string& tiers) {
  return compile_ok({{"schema.rules", kNatures}, {"tiers.rules", tiers}});
}

const char* const kRules = R"(
city 500000 {
  spatial-layout {
    N1: ban new chemical projects because "新建化工" cite "c";
    N2: ban relocation projects because "迁建" cite "c";
    N3: ban projects where nature in [rebuild] because "改建" cite "c";
    N4: ban projects where nature = upgrade because "技改" cite "c";
    N5: ban projects where nature != new because "非新建" cite "c";
  }
}
)";

std::string status_of(const Decision& d, const std::string& rule) {
  const Finding* f = finding(d, rule);
  return f ? std::string(name_of(f->status)) : "not applicable";
}

std::vector<std::string> violated(const Ruleset& rs, const std::string& nature) {
  const Decision d = decide(rs, R"({"units": ["ZH50010320001"], "industry": "C2614", "nature": ")" + nature + "\"}");
  return d.violated;
}

}  // namespace

TEST_CASE("values under values: a rule about a value covers every value under it, at any depth") {
  const auto rs = natures_with(kRules);
  CHECK(violated(*rs, "new") == std::vector<std::string>{"N1"});
  CHECK(violated(*rs, "relocation") == std::vector<std::string>{"N1", "N2"});
  CHECK(violated(*rs, "迁建") == std::vector<std::string>{"N1", "N2"});  // by label, as project files may say
  CHECK(violated(*rs, "rebuild") == std::vector<std::string>{"N3", "N5"});
  CHECK(violated(*rs, "upgrade") == std::vector<std::string>{"N3", "N4", "N5"});
  CHECK(violated(*rs, "line-swap") == std::vector<std::string>{"N3", "N4", "N5"});
  CHECK(violated(*rs, "expansion") == std::vector<std::string>{"N5"});
  // Unknown nature: every rule about it is undecided, none decided.
  const Decision unknown = decide(*rs, R"({"units": ["ZH50010320001"], "industry": "C2614"})");
  CHECK(unknown.violated.empty());
  CHECK(status_of(unknown, "N2") != "violated");
}

TEST_CASE("values under values: names and labels are unique across every level, and the limit counts them all") {
  const auto codes = [](const std::string& type) {
    const CompileResult r = compile_sources({{"s.rules", "fact nature : " + type + ";"}});
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics) out.push_back(d.code);
    return out;
  };
  CHECK(codes("one of { new { relocation }, rebuild { new } }") == std::vector<std::string>{"check.duplicate-value"});
  CHECK(codes("one of { new \"新建\" { relocation \"新建\" } }") == std::vector<std::string>{"check.duplicate-value"});
  std::string many = "one of { v0 {";
  for (int i = 1; i < 10001; ++i) many += (i > 1 ? ", v" : " v") + std::to_string(i);
  many += " } }";
  CHECK(codes(many) == std::vector<std::string>{"check.too-many-values"});
  CHECK(codes("one of { new { } }") != std::vector<std::string>{});  // braces need a value
}

TEST_CASE("values under values: fmt keeps them, in English and in Chinese keywords, and the meaning with them") {
  const std::string text = std::string(kNatures) + kRules;
  const BothWays printed = formatted_both_ways(text);
  CHECK(printed.zh.find("new \"新建\" { relocation \"迁建\" }") != std::string::npos);
  CHECK(printed.zh.find("upgrade \"技术改造\" { line-swap \"生产线置换\" }") != std::string::npos);
  const auto rs = compile_ok({{"t.rules", printed.zh}});
  CHECK(violated(*rs, "relocation") == std::vector<std::string>{"N1", "N2"});
}

TEST_CASE("values under values: a snapshot keeps them, and refuses a value under one declared after it") {
  const auto rs = natures_with(kRules);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(violated(**loaded, "line-swap") == std::vector<std::string>{"N3", "N4", "N5"});
  const std::vector<FactInfo> facts = (*loaded)->facts();
  const auto nature = std::find_if(facts.begin(), facts.end(), [](const FactInfo& f) { return f.name == "nature"; });
  REQUIRE(nature != facts.end());
  CHECK(nature->values == std::vector<std::string>{"new", "relocation", "rebuild", "upgrade", "line-swap", "expansion"});
  CHECK(nature->value_parents == std::vector<std::string>{"", "new", "", "rebuild", "upgrade", ""});
}

TEST_CASE("values under values: the schema says which value each is a kind of") {
  const auto rs = natures_with(kRules);
  const auto schema = nlohmann::json::parse(project_schema(*rs));
  std::vector<std::string> under;  // "value<parent" for each choice of `nature`
  for (const auto& choice : schema.at("properties").at("nature").at("anyOf")) {
    if (choice.contains("const")) {
      under.push_back(choice.at("const").get<std::string>() + "<" + choice.value("x-under", std::string()));
    }
  }
  CHECK(under == std::vector<std::string>{"new<", "新建<", "relocation<new", "迁建<new", "rebuild<", "改建<",
                                          "upgrade<rebuild", "技术改造<rebuild", "line-swap<upgrade",
                                          "生产线置换<upgrade", "expansion<", "扩建<"});
}

TEST_CASE("values under values: the auditor knows them (a relocation that is not new can never be)") {
  const auto rs = natures_with(R"(
city 500000 {
  spatial-layout {
    D1: ban relocation projects where nature != new because "a" cite "c";
    D2: ban new projects where nature = relocation because "b" cite "c";
  }
}
)");
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const AuditResult r = audit(*rs, options);
  std::vector<std::string> dead;
  for (const AuditFinding& f : r.findings) {
    if (std::string(name_of(f.kind)) == "dead-rule") dead.push_back(f.rules.at(0).id);
  }
  CHECK(dead == std::vector<std::string>{"D1"});  // D2 applies to relocations
}
