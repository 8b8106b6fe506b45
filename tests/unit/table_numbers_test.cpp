// Numbers looked up in a table (issue #15, feature 3): a table of numbers
// declares the column of each key's number and its unit; a rule compares a
// fact with `benchmark[product]`. The key is a text, an industry (the most
// specific code listed) or an enumerated value (the most specific value
// listed); a key the table does not list makes the comparison false.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kSchemaRules = R"(
ruleset "数值名录测试" version "1" effective 2020-01-01;
fact intensity : quantity kgce/t "单位产品综合能耗";
fact product : one of { clinker "水泥熟料", glass "平板玻璃" { float "浮法玻璃" }, brick "砖瓦", lime "石灰" } "产品";
fact cas : text;
fact industry : industry;
fact capacity : quantity t/a;
table benchmark "标杆" from "tables/b.csv" column "产品" quantity "标杆水平" kgce/t;
table factor from "tables/c.csv" column "CAS号" number "系数";
table by-industry from "tables/i.csv" column "行业" quantity "限值" kgce/t;
table not-float = benchmark where 产品 != "float";
table plain from "tables/c.csv" column "CAS号";
)";

// Synthetic rows, with the shapes real tables have: a number with its own
// unit, a key named by its label, a key with no number.
std::vector<SourceText> sources(const std::string& tiers, const std::string& schema = kSchemaRules,
                                const std::string& benchmarks = "产品,标杆水平\n水泥熟料,100\nglass,0.2 tce/t\nfloat,180\nbrick,\n") {
  return {{"r/schema.rules", schema},
          {"r/tiers.rules", tiers},
          {"r/tables/b.csv", benchmarks},
          {"r/tables/c.csv", "CAS号,系数\n1-1-1,3\n2-2-2,1.5\n"},
          {"r/tables/i.csv", "行业,限值\nC30,300\nC3011,100\n"}};
}

std::string city(const std::string& rules) { return "city 500000 { resource-efficiency { " + rules + " } }"; }

Verdict verdict(const Ruleset& rs, const std::string& facts, std::chrono::year_month_day as_of = day(2023, 6, 1)) {
  return decide(rs, R"({"units": ["ZH50011220001"])" + facts + "}", as_of).verdict;
}

}  // namespace

TEST_CASE("table numbers: an enumerated key, its label, a number with its own unit, the most specific value") {
  const auto rs = compile_ok(sources(city("R: require projects to have intensity <= benchmark[product] where product in benchmark;")));
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 98)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 100)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "水泥熟料", "intensity": "110 kgce/t")") == Verdict::conditional);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": "0.11 tce/t")") == Verdict::conditional);
  // glass: 0.2 tce/t = 200 kgce/t; float sits under glass but has its own row (180).
  CHECK(verdict(*rs, R"(, "product": "glass", "intensity": 190)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "glass", "intensity": 210)") == Verdict::conditional);
  CHECK(verdict(*rs, R"(, "product": "float", "intensity": 190)") == Verdict::conditional);
  // brick has no number and lime no row: neither is in the table, so the rule does not apply.
  CHECK(verdict(*rs, R"(, "product": "brick", "intensity": 900)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "lime", "intensity": 900)") == Verdict::admit);
  // Unknown facts are asked for.
  const Decision unknown = decide(*rs, R"({"units": ["ZH50011220001"], "product": "clinker"})");
  CHECK(unknown.verdict == Verdict::incomplete);
  CHECK(unknown.missing == std::vector<std::string>{"intensity"});
  CHECK(verdict(*rs, R"(, "intensity": 98)") == Verdict::incomplete);
  const auto tables = rs->tables();
  REQUIRE(tables.size() == 5);
  CHECK(tables[0].number_column == "标杆水平");
  CHECK(tables[0].number_unit == "kgce/t");
  CHECK(tables[0].values == 3);  // keys with a number
  CHECK(tables[1].number_unit.empty());
  CHECK(tables[3].number_column == "标杆水平");  // filtered from a table of numbers
  CHECK(tables[4].number_column.empty());
}

TEST_CASE("table numbers: arithmetic around a lookup, text and industry keys, a filtered table") {
  auto rs = compile_ok(sources(city("R: ban projects where intensity > benchmark[product] * 1.5;")));
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 140)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 160)") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "product": "lime", "intensity": 9000)") == Verdict::admit);  // not listed: false
  // Unknown key: unknown while some number could still be met...
  CHECK(verdict(*rs, R"(, "intensity": 260)") == Verdict::incomplete);
  // ...and decided when no listed number would change the answer (every 1.5 × benchmark is ≥ 150).
  CHECK(verdict(*rs, R"(, "intensity": 140)") == Verdict::admit);

  rs = compile_ok(sources(city("R: ban projects where factor[cas] > 2;")));
  CHECK(verdict(*rs, R"(, "cas": "1-1-1")") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "cas": "2-2-2")") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "cas": "9-9-9")") == Verdict::admit);

  rs = compile_ok(sources(city("R: ban projects where intensity > by-industry[industry];")));
  CHECK(verdict(*rs, R"(, "industry": "C3011", "intensity": 150)") == Verdict::reject);  // C3011: 100
  CHECK(verdict(*rs, R"(, "industry": "C3021", "intensity": 150)") == Verdict::admit);   // under C30: 300
  CHECK(verdict(*rs, R"(, "industry": "C3021", "intensity": 350)") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "industry": "C2614", "intensity": 9000)") == Verdict::admit);  // not listed

  rs = compile_ok(sources(city("R: ban projects where intensity > not-float[product];")));
  // float's own row is filtered out: glass's number (200) covers it.
  CHECK(verdict(*rs, R"(, "product": "float", "intensity": 190)") == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "float", "intensity": 210)") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 90)") == Verdict::admit);
}

TEST_CASE("table numbers: dated versions, each in force in its period") {
  std::string schema = std::string(kSchemaRules) +
                       "table limit-v from \"tables/v2021.csv\" column \"产品\" quantity \"限值\" kgce/t effective 2021-01-01 until 2023-12-31;\n"
                       "table limit-v from \"tables/v2024.csv\" column \"产品\" quantity \"限值\" kgce/t effective 2024-01-01;\n";
  auto s = sources(city("R: ban projects where intensity > limit-v[product];"), schema);
  s.push_back({"r/tables/v2021.csv", "产品,限值\nclinker,117\n"});
  s.push_back({"r/tables/v2024.csv", "产品,限值\nclinker,100\n"});
  const auto rs = compile_ok(s);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 110)", day(2022, 6, 1)) == Verdict::admit);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 110)", day(2025, 6, 1)) == Verdict::reject);
  CHECK(verdict(*rs, R"(, "product": "clinker", "intensity": 900)", day(2020, 6, 1)) == Verdict::admit);  // none in force
  auto other_unit = s;
  other_unit[0].text = std::string(kSchemaRules) +
                       "table limit-v from \"tables/v2021.csv\" column \"产品\" quantity \"限值\" kgce/t effective 2021-01-01 until 2023-12-31;\n"
                       "table limit-v from \"tables/v2024.csv\" column \"产品\" quantity \"限值\" t/a effective 2024-01-01;\n";
  CHECK(has(problems(other_unit), "check.table-versions: the versions of table `limit-v` give numbers of different dimensions"));
}

TEST_CASE("table numbers: a snapshot, fmt in both keyword sets, and the auditor see the looked-up numbers") {
  const std::string tiers = city("R: require projects to have intensity <= benchmark[product] where product in benchmark;");
  const auto rs = compile_ok(sources(tiers));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(verdict(**loaded, R"(, "product": "float", "intensity": 190)") == Verdict::conditional);
  CHECK((*loaded)->tables()[0].number_unit == "kgce/t");

  const std::string zh = *format_source({"r/schema.rules", kSchemaRules}, {Lang::zh}).text;
  CHECK(zh.find("名录 benchmark \"标杆\" 来自 \"tables/b.csv\" 列 \"产品\" 数量 \"标杆水平\" kgce/t;") != std::string::npos);
  CHECK(zh.find("列 \"CAS号\" 数值 \"系数\";") != std::string::npos);
  const std::string tiers_zh = *format_source({"r/tiers.rules", tiers}, {Lang::zh}).text;
  CHECK(tiers_zh.find("满足 intensity <= benchmark[product] 当 product 属于 benchmark") != std::string::npos);
  const auto chinese = compile_ok(sources(tiers_zh, zh));
  CHECK(verdict(*chinese, R"(, "product": "float", "intensity": 190)") == Verdict::conditional);
  CHECK(format_source({"r/tiers.rules", tiers_zh}, {Lang::en}).text == format_source({"r/tiers.rules", tiers}, {Lang::en}).text);
  CHECK(format_source({"r/schema.rules", zh}, {Lang::en}).text == format_source({"r/schema.rules", kSchemaRules}, {Lang::en}).text);

  // Every benchmark is at least 100 kgce/t: a ban above it and below 50 never applies, and Z3 knows it.
  const auto dead = compile_ok(sources(city("D: ban projects where intensity > benchmark[product] and intensity < 50 kgce/t;"
                                            " L: ban projects where intensity > benchmark[product] and intensity < 150 kgce/t;")));
  AuditOptions options;
  options.as_of = day(2023, 6, 1);
  const AuditResult report = audit(*dead, options);
  std::vector<std::string> dead_rules;
  for (const auto& f : report.findings) {
    if (f.kind != AuditKind::dead_rule) continue;
    for (const AuditRule& r : f.rules) dead_rules.push_back(r.id);
  }
  CHECK(dead_rules == std::vector<std::string>{"D"});
}

TEST_CASE("table numbers: every misuse is an error with the file, row or name") {
  const auto rule = [](const std::string& r) { return sources(city(r)); };
  CHECK(has(problems(rule("R: ban projects where intensity > plain[cas];")),
            "check.table-not-numbers: table `plain` holds values, not numbers"));
  CHECK(has(problems(rule("R: ban projects where intensity > benchmark[nothing];")),
            "check.lookup-key: a table is looked up with a fact; `nothing` is not one"));
  CHECK(has(problems(rule("R: ban projects where benchmark[product] > factor[cas];")), "check.lookup-one"));
  CHECK(has(problems(rule("R: ban projects where benchmark[product];")), "check.not-a-condition"));
  CHECK(has(problems(rule("R: ban projects where capacity > benchmark[product];")), "check.dimension-mismatch"));
  // One error, not one per row of the table.
  const auto mismatch = problems(rule("R: ban projects where capacity > benchmark[product];"));
  CHECK(std::count_if(mismatch.begin(), mismatch.end(), [](const std::string& p) { return p.starts_with("check.dimension-mismatch"); }) == 1);
  CHECK(has(problems(rule("R: ban projects where intensity > bench[product];")), "check.unknown-table: `bench` is not a table"));
  CHECK(has(problems(rule("R: ban projects where intensity > benchmark[capacity];")),
            "check.type-mismatch: a table is looked up with a text, industry or enumerated fact"));
  // The table's file: a cell that is no number, a number of another dimension, a key with two numbers, no such column.
  const std::string r = city("R: ban projects where intensity > benchmark[product];");
  const std::pair<const char*, const char*> bad_files[] = {
      {"产品,标杆水平\nclinker,一百\n", "check.table-value: tables/b.csv, row 2: column `标杆水平` holds \"一百\", which is not a number"},
      {"产品,标杆水平\nclinker,100 t/a\n",
       "check.table-value: tables/b.csv, row 2: column `标杆水平` holds \"100 t/a\", which is not in a unit of kgce/t"},
      {"产品,标杆水平\nclinker,100\nclinker,117\n",
       "check.table-value: tables/b.csv, row 3: column `标杆水平` gives `clinker` a second number, 117"},
      {"产品,标杆水平\nclinker,\n", "check.table-empty: table `benchmark` gives no key a number"},
      {"产品,标杆\nclinker,100\n", "check.table-column: tables/b.csv has no column `标杆水平`"},
      {"产品,标杆水平\ncement,100\n", "check.table-value: table `benchmark` has the key \"cement\", which is not a value of `product`"},
  };
  for (const auto& bad : bad_files) {
    INFO(bad.first);
    CHECK(has(problems(sources(r, kSchemaRules, bad.first)), bad.second));
  }
  CHECK(problems(sources(r, kSchemaRules, "产品,标杆水平\nclinker,100\nclinker,0.1 tce/t\n")).empty());  // the same number twice
  // At most 10,000 keys: each lookup is one condition per key.
  std::string many = "产品,标杆水平\n";
  for (int k = 0; k <= 10000; ++k) many += "k" + std::to_string(k) + ",1\n";
  const std::string key_rule = city("R: ban projects where intensity > benchmark-t[cas];");
  const std::string schema = std::string(kSchemaRules) + "table benchmark-t from \"tables/many.csv\" column \"产品\" quantity \"标杆水平\" kgce/t;\n";
  auto big = sources(key_rule, schema);
  big.push_back({"r/tables/many.csv", many});
  CHECK(has(problems(big), "row 10002: column `标杆水平` gives a 10,001st key a number: a table of numbers holds at most 10,000 keys"));
  many.erase(many.rfind("k10000"));
  big.back().text = many;
  CHECK(problems(big).empty());
  CHECK(has(problems(sources(r, kSchemaRules, "产品,标杆水平\nclinker,100\n水泥熟料,90\n")),
            "check.table-value: table `benchmark` has the key \"水泥熟料\", which is not given one number"));
}
