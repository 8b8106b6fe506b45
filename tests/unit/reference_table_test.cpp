// Reference tables (issue #15, feature 3): a ruleset ships CSV tables, rules
// look facts up in them (`cas in hazardous`), a table may be the rows of
// another that pass a test, and may hold for a period only. Every problem
// with a table's file names the file and the row or column.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

// A synthetic list, not a real one: columns as real lists have them.
const char* const kChemicals =
    "编号,名称,CAS号,年份,行业\n"
    "1,甲,100-01-1,2015,C2614\n"
    "1,\"乙, 其盐类\",100-02-2,2021,C26\n"
    "2,丙,100-03-3,2023,C3011\n"
    "\n"
    "3,丁,,2023,C25\n";

const char* const kSchemaRules = R"(
ruleset "名录测试" version "1" effective 2020-01-01;
fact cas : text "CAS 号";
fact industry : industry;
fact product : one of { alpha "甲", beta "乙", gamma "丙" };
fact flag : bool;
table chemicals "化学品名录" from "tables/chemicals.csv" column "CAS号";
table class-one = chemicals where 编号 = "1";
table recent "近年列入" = class-one where 年份 >= 2020;
table sectors from "tables/chemicals.csv" column "行业" effective 2022-01-01 until 2024-12-31;
table names from "tables/chemicals.csv" column "名称";
table products from "tables/products.csv" column "product";
)";

const char* const kTierRules = R"(
city 500000 {
  risk-control {
    T1: ban projects where cas in recent;
    T2: ban projects where industry in sectors;
    T3: ban projects where product in products;
    T4: ban projects where cas in chemicals and not (cas in class-one);
  }
}
)";

std::vector<SourceText> sources(const std::string& schema = kSchemaRules, const std::string& tiers = kTierRules,
                                const std::string& csv = kChemicals) {
  return {{"r/schema.rules", schema},
          {"r/tiers.rules", tiers},
          {"r/tables/chemicals.csv", csv},
          {"r/tables/products.csv", "product,note\nalpha,x\n甲,label too\n"}};
}

/// A project giving every fact, values that no table lists unless `facts` (", "name": value…) says otherwise.
std::string project(const std::string& facts) {
  nlohmann::json p = nlohmann::json::parse(R"({"units": ["ZH50011220001"], "cas": "000-00-0", "industry": "A0111", "product": "gamma"})");
  p.update(nlohmann::json::parse("{" + (facts.empty() ? std::string() : facts.substr(1)) + "}"));
  return p.dump();
}

Verdict verdict(const Ruleset& rs, const std::string& facts, std::chrono::year_month_day as_of = day(2023, 6, 1)) {
  return decide(rs, project(facts), as_of).verdict;
}

}  // namespace

TEST_CASE("reference tables: text, industry and enumerated facts looked up, tables filtered, a table for a period") {
  const auto rs = compile_ok(sources());
  // T1: recent = rows of class 1 listed in 2020 or later: only 100-02-2.
  CHECK(verdict(*rs, R"(, "cas": "100-02-2")") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "cas": "100-01-1")") == Verdict::admit);  // class 1, but 2015
  CHECK(verdict(*rs, R"(, "cas": "999-99-9")") == Verdict::admit);
  // T4: in the list, not in class 1.
  CHECK(verdict(*rs, R"(, "cas": "100-03-3")") == Verdict::reject);
  // T2: GB/T codes, a code under a listed one matches; only in force 2022–2024.
  CHECK(verdict(*rs, R"(, "industry": "C2619")") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "industry": "C2619")", day(2021, 6, 1)) == Verdict::admit);
  CHECK(verdict(*rs, R"(, "industry": "C2619")", day(2025, 1, 1)) == Verdict::admit);
  CHECK(verdict(*rs, R"(, "industry": "A0111")") == Verdict::admit);
  // T3: enumeration values by name or label.
  CHECK(verdict(*rs, R"(, "product": "alpha")") == Verdict::reject);
  CHECK(verdict(*rs, R"(, "product": "beta")") == Verdict::admit);
  // Not given: asked for.
  const Decision unknown = decide(*rs, R"({"units": ["ZH50011220001"], "industry": "A0111", "product": "gamma"})", day(2023, 6, 1));
  CHECK(unknown.verdict == Verdict::incomplete);
  CHECK(std::find(unknown.missing.begin(), unknown.missing.end(), "cas") != unknown.missing.end());
  // Described: what each table is and how many values it holds.
  const auto tables = rs->tables();
  REQUIRE(tables.size() == 6);
  CHECK(tables[0].name == "chemicals");
  CHECK(tables[0].label == "化学品名录");
  CHECK(tables[0].values == 3);  // the row without a CAS number holds none; a blank line is skipped
  CHECK(tables[1].of == "chemicals");
  CHECK(tables[1].where == "编号 = \"1\"");
  CHECK(tables[1].values == 2);
  CHECK(tables[2].values == 1);
  CHECK(tables[3].effective_from == day(2022, 1, 1));
  CHECK(tables[3].effective_until == day(2024, 12, 31));
  CHECK(tables[4].values == 4);  // a quoted cell keeps its comma
  // A table filtered from one in force for a period is in force for it too.
  const auto dated = compile_ok(sources(std::string(kSchemaRules) + "table chemical-sectors = sectors where 行业 in [\"C26\", \"C2614\"];\n",
                                        "city 500000 { risk-control { S: ban projects where industry in chemical-sectors; } }"));
  CHECK(dated->tables().back().effective_from == day(2022, 1, 1));
  CHECK(verdict(*dated, R"(, "industry": "C2614")") == Verdict::reject);
  CHECK(verdict(*dated, R"(, "industry": "C2614")", day(2021, 6, 1)) == Verdict::admit);
}

TEST_CASE("reference tables: the table's file is part of the content hash, and a snapshot keeps what rules found") {
  const auto rs = compile_ok(sources());
  std::string changed = kChemicals;
  changed.replace(changed.find("100-02-2"), 8, "100-02-9");
  const auto other = compile_ok(sources(kSchemaRules, kTierRules, changed));
  CHECK(rs->hash() != other->hash());
  CHECK(verdict(*other, R"(, "cas": "100-02-2")") == Verdict::admit);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(verdict(**loaded, R"(, "cas": "100-02-2")") == Verdict::reject);
  CHECK(verdict(**loaded, R"(, "industry": "C2619")", day(2021, 6, 1)) == Verdict::admit);
  REQUIRE((*loaded)->tables().size() == 6);
  CHECK((*loaded)->tables()[2].where == "年份 >= 2020");
}

TEST_CASE("reference tables: fmt prints them in both keyword sets, and the Chinese text compiles alike") {
  const std::string zh = *format_source({"r/schema.rules", kSchemaRules}, {Lang::zh}).text;
  CHECK(zh.find("名录 chemicals \"化学品名录\" 来自 \"tables/chemicals.csv\" 列 \"CAS号\";") != std::string::npos);
  CHECK(zh.find("名录 class-one = chemicals 当 编号 = \"1\";") != std::string::npos);
  CHECK(zh.find("生效 2022-01-01 至 2024-12-31") != std::string::npos);
  const std::string tiers_zh = *format_source({"r/tiers.rules", kTierRules}, {Lang::zh}).text;
  CHECK(tiers_zh.find("cas 属于 recent") != std::string::npos);
  const auto rs = compile_ok(sources(zh, tiers_zh));
  CHECK(verdict(*rs, R"(, "cas": "100-02-2")") == Verdict::reject);
  CHECK(format_source({"r/schema.rules", zh}, {Lang::en}).text == format_source({"r/schema.rules", kSchemaRules}, {Lang::en}).text);
}

TEST_CASE("reference tables: every problem names the file and the row or column") {
  // A column that does not exist: the columns listed, and the nearest.
  auto p = problems(sources(std::string(kSchemaRules) + "table bad from \"tables/chemicals.csv\" column \"CAS\";\n"));
  CHECK(has(p, "check.table-column: tables/chemicals.csv has no column `CAS` (its columns: 编号, 名称, CAS号, 年份, 行业)"));
  // A file that is not there, or outside the ruleset.
  p = problems(sources(std::string(kSchemaRules) + "table gone from \"tables/none.csv\" column \"x\";\n"));
  CHECK(has(p, "check.table-file: r/tables/none.csv is not among the sources given"));
  p = problems(sources(std::string(kSchemaRules) + "table out from \"../x.csv\" column \"x\";\n"));
  CHECK(has(p, "check.table-file: table path \"../x.csv\" leaves the ruleset directory"));
  // GBK bytes: said, with the row.
  std::string gbk = kChemicals;
  gbk.replace(gbk.find("甲"), 3, "\xBC\xD7");
  p = problems(sources(kSchemaRules, kTierRules, gbk));
  CHECK(has(p, "check.table-file: tables/chemicals.csv, row 2: not UTF-8 text"));
  // A value the fact cannot take, in a table it is looked up in.
  p = problems(sources(kSchemaRules, std::string(kTierRules).replace(std::string(kTierRules).find("product in products"),
                                                                      19, "product in names")));
  CHECK(has(p, "check.table-value: table `names`, column `名称` holds \"丁\", which is not a value of `product`"));
  p = problems(sources(kSchemaRules, "city 500000 { risk-control { X: ban projects where industry in chemicals; } }"));
  CHECK(has(p, "check.table-value: table `chemicals`, column `CAS号` holds \"100-01-1\", which is not a GB/T 4754-2017 code"));
  // A test that compares a cell that is not a number as one.
  p = problems(sources(std::string(kSchemaRules) + "table odd = chemicals where 名称 > 3;\n"));
  CHECK(has(p, "check.table-filter: tables/chemicals.csv, row 2: column `名称` holds \"甲\", which is not a number"));
  // Names that are not tables, tables built on each other, facts that cannot be looked up.
  p = problems(sources(kSchemaRules, "city 500000 { risk-control { X: ban projects where cas in chemicls; } }"));
  CHECK(has(p, "check.unknown-table: `chemicls` is not a table"));
  p = problems(sources(std::string(kSchemaRules) + "table a = b where 编号 = \"1\";\ntable b = a where 编号 = \"1\";\n"));
  CHECK(has(p, "check.table-cycle"));
  p = problems(sources(kSchemaRules, "city 500000 { risk-control { X: ban projects where flag in chemicals; } }"));
  CHECK(has(p, "check.type-mismatch: a table is looked up with a text, industry or enumerated fact"));
  p = problems(sources(std::string(kSchemaRules) + "table f = chemicals where 编号 = cas;\n"));
  CHECK(has(p, "check.table-filter: a table's test compares its cells with values written in the rule"));
}

TEST_CASE("reference tables: a hostile file is refused with a reason, not read without bound") {
  std::string huge_row = "a\n" + std::string(std::size_t{2} << 20, 'x') + "\n";
  auto p = problems(sources(kSchemaRules, kTierRules, huge_row));
  CHECK(has(p, "check.table-file: tables/chemicals.csv, row 2: the row is longer than 1 MiB"));
  p = problems(sources(kSchemaRules, kTierRules, ""));
  CHECK(has(p, "check.table-file: tables/chemicals.csv: the file is empty: a header row is needed"));
  // An unterminated quote runs to the end of the file: one cell, never a crash.
  p = problems(sources(kSchemaRules, kTierRules, "CAS号,编号\n\"100-01-1,1\n"));
  CHECK(has(p, "check.table-column"));  // the other columns are missing: 编号 is not there
}

TEST_CASE("reference tables: the auditor sees the table's values") {
  // A district allows what the city bans for every listed number: the auditor
  // finds a project both match, with a number from the table.
  const std::string tiers = R"(
city 500000 { risk-control { C1: ban projects where cas in chemicals; } }
district 500112 { risk-control { D1: allow projects where cas in recent; } }
)";
  const CompileResult compiled = compile_sources(sources(kSchemaRules, tiers));
  REQUIRE(compiled.ok());
  AuditOptions options;
  options.as_of = day(2023, 6, 1);
  const AuditResult report = audit(*compiled.ruleset, options);
  std::string all;
  for (const auto& f : report.findings) all += std::string(name_of(f.kind)) + " " + f.message.en + " " + f.witness.value_or("") + "\n";
  INFO(all);
  CHECK(all.find("C1") != std::string::npos);
  CHECK(all.find("100-02-2") != std::string::npos);
}

TEST_CASE("reference tables: dated versions of one table under one name (the 2019 and the 2024 catalogue)") {
  // Two versions of one list: 100-01-1 is listed mid-2020 to 2021, 100-03-3 from 2022.
  const std::string versions = std::string(kSchemaRules) +
                               "table listed \"目录\" from \"tables/v2019.csv\" column \"CAS号\" effective 2020-06-01 until 2021-12-31;\n"
                               "table listed \"目录\" from \"tables/v2022.csv\" column \"CAS号\" effective 2022-01-01;\n";
  auto s = sources(versions, "city 500000 { risk-control { V: ban projects where cas in listed; } }");
  s.push_back({"r/tables/v2019.csv", "CAS号\n100-01-1\n100-02-2\n"});
  s.push_back({"r/tables/v2022.csv", "CAS号\n100-02-2\n100-03-3\n"});
  const auto rs = compile_ok(s);
  CHECK(verdict(*rs, R"(, "cas": "100-01-1")", day(2020, 7, 1)) == Verdict::reject);
  CHECK(verdict(*rs, R"(, "cas": "100-01-1")", day(2023, 6, 1)) == Verdict::admit);   // dropped in 2022
  CHECK(verdict(*rs, R"(, "cas": "100-03-3")", day(2020, 7, 1)) == Verdict::admit);   // not yet listed
  CHECK(verdict(*rs, R"(, "cas": "100-03-3")", day(2023, 6, 1)) == Verdict::reject);
  CHECK(verdict(*rs, R"(, "cas": "100-02-2")", day(2020, 3, 1)) == Verdict::admit);   // before either version
  CHECK(verdict(*rs, R"(, "cas": "100-02-2")", day(2025, 6, 1)) == Verdict::reject);
  // Each version is described with its period; a snapshot keeps both.
  const auto tables = rs->tables();
  const auto listed = std::count_if(tables.begin(), tables.end(), [](const TableInfo& t) { return t.name == "listed"; });
  CHECK(listed == 2);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(verdict(**loaded, R"(, "cas": "100-01-1")", day(2020, 7, 1)) == Verdict::reject);
  CHECK(verdict(**loaded, R"(, "cas": "100-01-1")", day(2023, 6, 1)) == Verdict::admit);

  // Periods that meet, a version without a period, and filtering a versioned table are refused.
  auto overlapping = s;
  overlapping[0].text = std::string(kSchemaRules) +
                        "table listed from \"tables/v2019.csv\" column \"CAS号\" effective 2020-06-01 until 2022-03-31;\n"
                        "table listed from \"tables/v2022.csv\" column \"CAS号\" effective 2022-01-01;\n";
  CHECK(has(problems(overlapping), "check.table-periods: table `listed` has two versions in effect at once"));
  auto undated = s;
  undated[0].text = std::string(kSchemaRules) + "table listed from \"tables/v2019.csv\" column \"CAS号\";\n"
                                                "table listed from \"tables/v2022.csv\" column \"CAS号\" effective 2022-01-01;\n";
  CHECK(has(problems(undated), "check.duplicate-name: `listed` is declared twice"));
  auto filtered = s;
  filtered[0].text = versions + "table some = listed where CAS号 = \"100-02-2\";\n";
  CHECK(has(problems(filtered), "check.table-versions: table `listed` has dated versions"));
}
