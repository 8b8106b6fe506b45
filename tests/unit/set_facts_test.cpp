// Set facts (issue #15, feature 5): a fact of several values at once
// (`set of { … }`), tested by `any`, `all` or `no` against a list or a table.
// A plant burning coal and oil is caught by a rule about coal; one that
// emits lead among other pollutants by a rule about lead.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/schema.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kSetSchema = R"(
ruleset "多选测试" version "1" effective 2020-01-01;
fact nature : one of { new "新建", expansion "扩建" } "建设性质";
fact fuels : set of { coal "燃煤", oil "燃油", gas "燃气" { lng "液化天然气" }, electric "电能" } "燃料";
enumeration pollutant-list = { mercury "汞", cadmium "镉", lead "铅", sulfur "硫" };
fact toxics : set of pollutant-list "排放的污染物";
fact capacity : quantity t/a;
table listed "重点管控污染物" from "tables/p.csv" column "名称";
)";

std::vector<SourceText> sources(const std::string& tiers, const std::string& schema = kSetSchema) {
  return {{"r/schema.rules", schema}, {"r/tiers.rules", tiers}, {"r/tables/p.csv", "名称\n汞\ncadmium\n"}};
}

std::string city(const std::string& rules) { return "city 500000 { emission-control { " + rules + " } }"; }

Verdict verdict(const Ruleset& rs, const std::string& facts) {
  return decide(rs, R"({"units": ["ZH50011220001"])" + facts + "}").verdict;
}

}  // namespace

TEST_CASE("set facts: any, all and no, with values under values, none given, and unknown") {
  const auto any = compile_ok(sources(city("R: ban projects where any fuels in [coal, gas];")));
  CHECK(verdict(*any, R"(, "fuels": ["oil", "coal"])") == Verdict::reject);   // coal among others
  CHECK(verdict(*any, R"(, "fuels": ["lng"])") == Verdict::reject);           // lng is under gas
  CHECK(verdict(*any, R"(, "fuels": ["oil", "electric"])") == Verdict::admit);
  CHECK(verdict(*any, R"(, "fuels": [])") == Verdict::admit);                 // none: no value is in the list
  CHECK(verdict(*any, "") == Verdict::incomplete);                             // not given: unknown
  CHECK(verdict(*any, R"(, "fuels": null)") == Verdict::incomplete);

  const auto all = compile_ok(sources(city("R: require projects to have all fuels in [gas, electric];")));
  CHECK(verdict(*all, R"(, "fuels": ["lng", "electric"])") == Verdict::admit);
  CHECK(verdict(*all, R"(, "fuels": ["gas", "oil"])") == Verdict::conditional);  // oil is not in the list
  CHECK(verdict(*all, R"(, "fuels": [])") == Verdict::admit);                    // every one of none
  CHECK(verdict(*all, "") == Verdict::incomplete);

  const auto no = compile_ok(sources(city("R: ban projects where no fuels in [gas, electric];")));
  CHECK(verdict(*no, R"(, "fuels": ["coal"])") == Verdict::reject);
  CHECK(verdict(*no, R"(, "fuels": ["coal", "lng"])") == Verdict::admit);
  CHECK(verdict(*no, R"(, "fuels": [])") == Verdict::reject);

  // `gas` is a value with a value under it: a project giving `gas` is not thereby an `lng` project.
  const auto under = compile_ok(sources(city("R: ban projects where any fuels in [lng];")));
  CHECK(verdict(*under, R"(, "fuels": ["gas"])") == Verdict::admit);
  CHECK(verdict(*under, R"(, "fuels": ["液化天然气"])") == Verdict::reject);
}

TEST_CASE("set facts: a named enumeration, labels, one text of several values, a subject word, a table") {
  const auto rs = compile_ok(sources(city("R1: ban new projects where any toxics in [mercury, 镉]; R2: ban coal projects;"
                                          " R3: ban expansion projects where any toxics in listed;")));
  CHECK(verdict(*rs, R"(, "nature": "new", "toxics": ["硫", "cadmium"], "fuels": [])") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "nature": "new", "toxics": "硫、铅", "fuels": [])") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "nature": "new", "toxics": "sulfur; mercury", "fuels": [])") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "nature": "新建", "toxics": "", "燃料": "燃油，燃煤")") == Verdict::reject);  // R2: coal among them
  CHECK(verdict(*rs, R"(, "nature": "expansion", "toxics": ["汞"], "fuels": ["gas"])") == Verdict::reject);  // R3: listed by label
  CHECK(verdict(*rs, R"(, "nature": "expansion", "toxics": ["lead", "lead"], "fuels": ["gas"])") == Verdict::admit);

  // A table in force from 2030: before then it holds nothing, so `all` holds only of a project with no toxics.
  const auto dated = compile_ok(sources(city("R: require projects to have all toxics in later;"),
                                        std::string(kSetSchema) + "table later from \"tables/p.csv\" column \"名称\" effective 2030-01-01;\n"));
  const auto on = [&](const std::string& toxics, int year) {
    return decide(*dated, R"({"units": ["ZH50011220001"], "toxics": )" + toxics + "}", day(year, 6, 1)).verdict;
  };
  CHECK(on("[]", 2025) == Verdict::admit);
  CHECK(on(R"(["mercury"])", 2025) == Verdict::conditional);
  CHECK(on(R"(["mercury"])", 2031) == Verdict::admit);
  CHECK(on(R"(["lead"])", 2031) == Verdict::conditional);
  const auto all = compile_ok(sources(city("R: require projects to have all toxics in listed; N: ban projects where no toxics in listed;")));
  CHECK(verdict(*all, R"(, "toxics": ["mercury", "cadmium"])") == Verdict::admit);
  CHECK(verdict(*all, R"(, "toxics": ["mercury", "lead"])") == Verdict::conditional);
  CHECK(verdict(*all, R"(, "toxics": ["lead"])") == Verdict::reject);
}

TEST_CASE("set facts: every misuse is an error that says what to write") {
  const auto rule = [](const std::string& r) { return problems(sources(city(r))); };
  for (const char* wrong : {"R: ban projects where fuels = coal;", "R: ban projects where fuels in [coal];",
                            "R: ban projects where fuels;", "R: ban projects where toxics != lead;"}) {
    INFO(wrong);
    CHECK(has(rule(wrong), "check.set-needs-quantifier: `"));
  }
  CHECK(has(rule("R: ban projects where any nature in [new];"),
            "check.quantifier-on-single: `any`, `all` and `no` test a fact of several values (`set of {…}`); `nature` is one of"));
  CHECK(has(rule("R: ban projects where all capacity in [3 t/a];"), "check.quantifier-on-single"));
  CHECK(has(rule("R: ban projects where any fuels in [wood];"), "check.unknown-value"));
  CHECK(has(rule("R: ban projects where fuels > 3;"), "check.set-needs-quantifier"));
  CHECK(has(rule("R: ban projects where capacity + fuels > 3 t/a;"), "check.not-a-number: `fuels` is a set of values"));
  const CompileResult alone = compile_sources(sources(city("R: ban projects where coal;")));
  REQUIRE_FALSE(alone.diagnostics.empty());
  CHECK(alone.diagnostics.front().help.en == "write `any fuels in [coal]`");
  // A table of values a set fact cannot take.
  auto bad_table = sources(city("R: ban projects where any toxics in listed;"));
  bad_table[2].text = "名称\n汞\n铀\n";
  CHECK(has(problems(bad_table), "check.table-value"));
}

TEST_CASE("set facts: a project file gives a list, refused item by item when wrong") {
  const auto rs = compile_ok(sources(city("R: ban projects where any fuels in [coal];")));
  CHECK(has(project_errors(*rs, R"({"fuels": ["coal", "wood"]})"), "fuels: \"wood\" is not one of its values"));
  CHECK(has(project_errors(*rs, R"({"fuels": ["coal", 3]})"), "fuels: expected a list of values (strings), found a number in it"));
  CHECK(has(project_errors(*rs, R"({"fuels": 3})"), "fuels: expected a list of its values"));
  CHECK(has(project_errors(*rs, R"({"fuels": true})"), "fuels: expected a list of its values"));
  CHECK(has(project_errors(*rs, R"({"nature": ["new"]})"), "nature: expected a single value, found a list"));
  CHECK(has(project_errors(*rs, R"({"fuels": ["coal"], "燃料": ["oil"]})"), "given twice"));
  CHECK(has(project_errors(*rs, R"({"fuels": [["coal"]]})"), "fuels: expected a list of values (strings), found a list in it"));
  // Hostile sizes: a list or a text of one value repeated is that value; more
  // different entries than the fact has values stop the reading at once.
  std::string repeated = R"({"units": ["ZH50011220001"], "fuels": [)";
  for (int i = 0; i < 200000; ++i) repeated += "\"oil\",";
  repeated += R"("coal"], "toxics": ")";
  for (int i = 0; i < 200000; ++i) repeated += "lead;";
  repeated += "\"}";
  CHECK(decide(*rs, repeated).verdict == Verdict::reject);
  std::string many = R"({"fuels": [)";
  for (int i = 0; i < 100000; ++i) many += "\"v" + std::to_string(i) + "\",";
  many += "\"coal\"]}";
  CHECK(has(project_errors(*rs, many), "fuels: more than 5 different entries, which is more than the fact has values"));
  std::string many_text = R"({"toxics": ")";
  for (int i = 0; i < 100000; ++i) many_text += "v" + std::to_string(i) + "、";
  many_text += "\"}";
  const auto text_errors = project_errors(*rs, many_text);
  CHECK(has(text_errors, "toxics: \"v0\" is not one of its values"));
  CHECK(text_errors.size() <= 6);  // the first five different pieces, and one more: no more are read
  // The builder, as an embedding program calls it.
  FactsBuilder b(*rs);
  b.set_values("fuels", {"燃油", "coal"}).add_unit("ZH50011220001");
  const ProjectResult p = std::move(b).build();
  REQUIRE(p.has_value());
  CHECK(evaluate(*rs, *p, {day(2025, 6, 1)})->verdict == Verdict::reject);
  FactsBuilder wrong(*rs);
  wrong.set_values("nature", {"new"});
  CHECK_FALSE(std::move(wrong).build().has_value());
}

TEST_CASE("set facts: fmt in both keyword sets, a snapshot, the schema and the auditor") {
  const std::string tiers = city("R1: ban new projects where any toxics in [mercury] and all fuels in {gas} or no toxics in listed;");
  const std::string zh_schema = *format_source({"r/schema.rules", kSetSchema}, {Lang::zh}).text;
  CHECK(zh_schema.find("事实 fuels : 多选 {\n  coal \"燃煤\",") != std::string::npos);
  CHECK(zh_schema.find("\n  gas \"燃气\" { lng \"液化天然气\" },\n  electric \"电能\",\n} \"燃料\";") != std::string::npos);
  CHECK(zh_schema.find("事实 toxics : 多选 pollutant-list \"排放的污染物\";") != std::string::npos);
  const std::string zh_tiers = *format_source({"r/tiers.rules", tiers}, {Lang::zh}).text;
  CHECK(zh_tiers.find("当 任一 toxics 属于 [mercury] 且 全部 fuels 属于 {gas} 或 无一 toxics 属于 listed") != std::string::npos);
  CHECK(format_source({"r/tiers.rules", zh_tiers}, {Lang::en}).text == format_source({"r/tiers.rules", tiers}, {Lang::en}).text);
  CHECK(format_source({"r/schema.rules", zh_schema}, {Lang::en}).text == format_source({"r/schema.rules", kSetSchema}, {Lang::en}).text);

  const auto rs = compile_ok(sources(tiers));
  const auto chinese = compile_ok(sources(zh_tiers, zh_schema));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const std::string facts : {R"(, "nature": "new", "toxics": ["汞"], "fuels": ["lng"])",
                                  R"(, "nature": "new", "toxics": ["汞"], "fuels": ["coal", "gas"])",
                                  R"(, "nature": "new", "toxics": [], "fuels": [])", R"(, "nature": "new")"}) {
    INFO(facts);
    CHECK(verdict(**loaded, facts) == verdict(*rs, facts));
    CHECK(verdict(*chinese, facts) == verdict(*rs, facts));
  }
  CHECK(verdict(*rs, R"(, "nature": "new", "toxics": [], "fuels": [])") == Verdict::reject);

  const std::string schema = project_schema(*rs);
  CHECK(schema.find(R"("type": [
        "array",)") != std::string::npos);

  // Z3 sees each value: a ban needing coal and no coal never applies; a ban
  // of coal and an entry for coal-and-gas projects contradict, and the
  // witness gives the set as a list.
  const auto audited = compile_ok(sources(city("D: ban projects where any fuels in [coal] and no fuels in [coal, oil];"
                                               " B: ban projects where any fuels in [coal];"
                                               " E: encourage projects where all fuels in [coal] and any fuels in [coal];")));
  AuditOptions options;
  options.as_of = day(2023, 6, 1);
  const AuditResult report = audit(*audited, options);
  std::vector<std::string> kinds;
  for (const AuditFinding& f : report.findings) {
    kinds.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
    if (f.kind == AuditKind::contradiction) {
      REQUIRE(f.witness.has_value());
      CHECK(nlohmann::json::parse(*f.witness).at("fuels") == nlohmann::json::array({"coal"}));
      CHECK(verdict(*audited, R"(, "fuels": ["coal"])") == Verdict::reject);
    }
  }
  CHECK(kinds == std::vector<std::string>{"dead-rule D", "contradiction B"});
}

TEST_CASE("amounts per value of a set fact: `quantity UNIT per SET`, `F[value]`, zero for a value the set lacks") {
  const std::string schema = std::string(kSetSchema) +
                             "fact products : set of { coke \"焦炭\", steel \"钢\", iron \"生铁\" } \"产品\";\n"
                             "fact added : quantity 万t/a per products \"分产品新增产能\";\n"
                             "fact shares : number per products;\n";
  const auto rs = compile_ok(sources(city("C: ban projects where added[coke] > 0 t/a; S: require projects to have added[steel] <= 100 万t/a;"
                                          " R: ban projects where shares[iron] >= 2;"),
                                     schema));
  // A steel complex that adds coke ovens: caught by the rule about coke, whatever its main product.
  CHECK(verdict(*rs, R"(, "products": ["steel", "coke"], "added": {"steel": 50, "焦炭": "10万吨/年"}, "shares": {})") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "products": ["steel"], "added": {"steel": "1500000 t/a"}, "shares": {})") == Verdict::conditional);
  CHECK(verdict(*rs, R"(, "products": ["steel"], "added": "钢: 20；", "shares": "")") == Verdict::admit);  // one text, as a CSV cell
  CHECK(verdict(*rs, R"(, "products": [], "added": {}, "shares": {})") == Verdict::admit);  // no coke: it adds none
  CHECK(verdict(*rs, R"(, "products": ["coke"], "added": {}, "shares": {})") == Verdict::incomplete);  // coke, but how much?
  CHECK(verdict(*rs, R"(, "added": {"steel": 5}, "shares": {})") == Verdict::incomplete);  // which products?
  CHECK(verdict(*rs, R"(, "products": ["iron"], "added": {"iron": 1}, "shares": {"iron": 2.5})") == Verdict::reject);

  CHECK(has(project_errors(*rs, R"({"products": ["steel"], "added": {"coke": 5}})"),
            "added: gives an amount for coke, which is not among products"));
  CHECK(has(project_errors(*rs, R"({"added": {"wood": 5}})"), "added: \"wood\" is not a value of products"));
  CHECK(has(project_errors(*rs, R"({"added": {"steel": -5}})"), "is negative"));
  CHECK(has(project_errors(*rs, R"({"added": {"steel": "5 km"}})"), "added: \"5 km\" is a length"));
  CHECK(has(project_errors(*rs, R"({"added": {"steel": true}})"), "added: each amount must be a number or a text with its unit, found true/false"));
  CHECK(has(project_errors(*rs, R"({"added": {"steel": {"a": 1}}})"), "found an object"));
  CHECK(has(project_errors(*rs, R"({"added": {"steel": 1, "钢": 2}})"), "the amount of steel is given twice"));
  CHECK(has(project_errors(*rs, R"({"added": "steel 5"})"), "added: expected an object of a number for each value"));
  CHECK(has(project_errors(*rs, R"({"added": 5})"), "added: expected an object"));

  // Misuse.
  const auto rule = [&](const std::string& r) { return problems(sources(city(r), schema)); };
  CHECK(has(rule("R2: ban projects where added > 3 t/a;"), "check.amount-needs-value: `added` gives a number for each value of `products`"));
  CHECK(has(rule("R2: ban projects where added + 1 t/a > 3 t/a;"), "check.amount-needs-value"));
  CHECK(has(rule("R2: ban projects where added[wood] > 3 t/a;"), "check.unknown-value"));
  CHECK(has(rule("R2: ban projects where added[coke] > 3 km;"), "check.dimension-mismatch"));
  CHECK(has(rule("R2: limit added to 3 t/a for projects;"), "check.limit-fact"));
  CHECK(has(problems(sources(city("R2: ban projects;"), schema + "fact bad : quantity t per nature;\n")),
            "check.per-not-set: `per` names a set fact"));

  // fmt both ways, a snapshot, and Z3 (each value's amount a variable; the witness an object).
  const std::string zh = *format_source({"r/schema.rules", schema}, {Lang::zh}).text;
  CHECK(zh.find("事实 added : 数量 万t/a 按 products \"分产品新增产能\";") != std::string::npos);
  CHECK(zh.find("事实 shares : 数值 按 products;") != std::string::npos);
  CHECK(format_source({"r/schema.rules", zh}, {Lang::en}).text == format_source({"r/schema.rules", schema}, {Lang::en}).text);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(verdict(**loaded, R"(, "products": ["steel", "coke"], "added": {"steel": 50, "coke": 10}, "shares": {})") == Verdict::reject);
  CHECK(project_schema(*rs).find(R"("x-per": "products")") != std::string::npos);
  const auto audited = compile_ok(sources(city("D: ban projects where added[coke] > 10 万t/a and added[coke] < 5 万t/a;"
                                               " B: ban projects where added[coke] > 10 万t/a;"
                                               " E: encourage projects where added[coke] > 20 万t/a;"),
                                          schema));
  AuditOptions options;
  options.as_of = day(2023, 6, 1);
  std::vector<std::string> kinds;
  for (const AuditFinding& f : audit(*audited, options).findings) {
    kinds.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
    if (f.kind != AuditKind::contradiction) continue;
    REQUIRE(f.witness.has_value());
    const auto witness = nlohmann::json::parse(*f.witness);
    CHECK(witness.at("products") == nlohmann::json::array({"coke"}));
    CHECK(witness.at("added").at("coke").get<double>() > 20.0);
    CHECK(verdict(*audited, R"(, "products": ["coke"], "added": )" + witness.at("added").dump()) == Verdict::reject);
  }
  CHECK(kinds == std::vector<std::string>{"dead-rule D", "contradiction B"});
}
