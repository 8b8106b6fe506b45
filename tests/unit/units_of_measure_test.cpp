// Units of measure a ruleset declares (issue #15, feature 10): flat glass is
// rated per 重量箱 (weight box), clinker lines per operating day. Rules,
// facts, tables and project files write quantities in them, and they convert
// exactly like the built-in units.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/eval_helpers.hpp"
#include "zhunru/format.hpp"
#include "zhunru/quantity.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// 大箱 is declared before the unit it is defined by: order does not matter.
const char* const kUnitSchema = R"(
ruleset "计量单位测试" version "1" effective 2020-01-01;
unit 大箱 "双重量箱" = 2 重量箱;
unit 重量箱 "weight box" = 50 kg;
计量单位 运行日 "运行日（每年300天）" = 1 a / 300;
fact glass-energy : quantity kgce/重量箱 "单位产品综合能耗";
fact clinker : quantity 万t/a "熟料产能";
fact product : one of { float-glass "浮法玻璃", rolled-glass "压延玻璃" } "产品";
table benchmark "标杆水平" from "tables/b.csv" column "产品" quantity "标杆" kgce/重量箱;
)";

std::vector<SourceText> sources(const std::string& rules, const std::string& schema = kUnitSchema) {
  return {{"r/schema.rules", schema},
          {"r/tiers.rules", "city 500000 { resource-efficiency { " + rules + " } }"},
          {"r/tables/b.csv", "产品,标杆\nfloat-glass,8\nrolled-glass,0.2 kgce/kg\n"}};
}

Verdict verdict(const Ruleset& rs, const std::string& facts) {
  return decide(rs, R"({"units": ["ZH50011220001"], )" + facts + "}").verdict;
}

std::vector<std::string> codes(const std::string& schema) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources("R: ban projects;", schema)).diagnostics) {
    out.push_back(std::to_string(d.location.line) + " " + d.code);
  }
  return out;
}

std::string messages(const std::string& schema, const std::string& rules = "R: ban projects;") {
  std::string out;
  for (const Diagnostic& d : compile_sources(sources(rules, schema)).diagnostics) out += d.message.en + "\n";
  return out;
}

}  // namespace

TEST_CASE("units of measure: a parser of the ruleset's units converts them like built-in ones") {
  auto set = UnitSet::with({{"重量箱", 0.05, Dimension::of(BaseDimension::mass)}});
  REQUIRE(set.has_value());
  const auto q = parse_quantity("12 kgce/重量箱", *set);
  REQUIRE(q.has_value());
  CHECK(q->value == doctest::Approx(0.24));  // 12 kgce per 50 kg = 0.24 tce/t
  CHECK(q->unit.text == "kgce/重量箱");
  CHECK(parse_quantity("3万重量箱", *set)->value == doctest::Approx(1500.0));
  // Without the set the unit is unknown, and the error says so.
  const auto unknown = parse_quantity("12 kgce/重量箱");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().unknown_unit);
  CHECK_FALSE(parse_quantity("12 kgg").error().message.en.empty());
  // A typo of a declared unit is suggested.
  CHECK(parse_quantity("2 重量相", *set).error().message.en.find("重量箱") != std::string::npos);
  // Refused: a built-in symbol, a multiplier, twice, not a word, not positive.
  const Dimension mass = Dimension::of(BaseDimension::mass);
  CHECK_FALSE(UnitSet::with({{"t", 1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"万", 1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"箱", 1.0, mass}, {"箱", 2.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"a b", 1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"t/箱", 1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"3箱", 1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"箱", 0.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"箱", -1.0, mass}}).has_value());
  CHECK_FALSE(UnitSet::with({{"万吨", 1.0, mass}}).has_value());  // read as 万 × 吨 already
  Dimension deep;
  for (int i = 0; i < 9; ++i) deep = deep * mass;
  CHECK_FALSE(UnitSet::with({{"箱", 1.0, deep}}).has_value());
  // A moved-from set still reads quantities.
  UnitSet moved = *set;
  const UnitSet taken = std::move(moved);
  CHECK(parse_quantity("1 重量箱", moved).has_value());  // NOLINT(bugprone-use-after-move): the point of the check
  CHECK(parse_quantity("1 重量箱", taken).has_value());
}

TEST_CASE("units of measure: rules, facts, tables and projects in a declared unit") {
  // 12 kgce/重量箱 = 240 kgce/t: the limit holds the same written either way.
  const auto rs = compile_ok(sources("R1: limit glass-energy to 12 kgce/重量箱 for projects;"));
  CHECK(verdict(*rs, R"("glass-energy": 13)") == verdict(*rs, R"("glass-energy": "250 kgce/t")"));
  CHECK(verdict(*rs, R"("glass-energy": 13)") != Verdict::admit);
  CHECK(verdict(*rs, R"("glass-energy": "230 kgce/t")") == Verdict::admit);
  CHECK(verdict(*rs, R"("glass-energy": "11.9 kgce/重量箱")") == Verdict::admit);
  CHECK(verdict(*rs, R"("glass-energy": "12.1 kgce/重量箱")") != Verdict::admit);
  CHECK(verdict(*rs, R"("glass-energy": "12.5 kgce/大箱")") == Verdict::admit);  // 6.25 per weight box
  // A project's unit the ruleset does not know is an error in both languages.
  const ProjectResult bad = load_project_json(*rs, R"({"units": ["ZH50011220001"], "glass-energy": "12 kgce/箱子"})");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().front().message.en.find("unknown unit `箱子`") != std::string::npos);
  CHECK(bad.error().front().message.zh.find("未知单位“箱子”") != std::string::npos);

  // An operating day of a 300-day year: 5000 t per operating day is 150万 t/a,
  // while 5000 t/d (a 365-day year) is 182.5万 t/a.
  const auto days = compile_ok(sources("R2: ban projects where clinker > 150万 t/a;"));
  CHECK(verdict(*days, R"("clinker": "5000 t/运行日")") == Verdict::admit);
  CHECK(verdict(*days, R"("clinker": "5001 t/运行日")") == Verdict::reject);
  CHECK(verdict(*days, R"("clinker": "5000 t/d")") == Verdict::reject);
  const auto per_day = compile_ok(sources("R3: ban projects where clinker > 4999 t/运行日;"));
  CHECK(verdict(*per_day, R"("clinker": 150)") == Verdict::reject);
  CHECK(verdict(*per_day, R"("clinker": 149.9)") == Verdict::admit);

  // A table's numbers in the declared unit, one cell with a unit of its own (0.2 kgce/kg = 10 kgce/重量箱).
  const auto table = compile_ok(sources("R4: require projects to have glass-energy <= benchmark[product];"));
  CHECK(verdict(*table, R"("product": "float-glass", "glass-energy": 8)") == Verdict::admit);
  CHECK(verdict(*table, R"("product": "float-glass", "glass-energy": 8.5)") == Verdict::conditional);
  CHECK(verdict(*table, R"("product": "压延玻璃", "glass-energy": "10 kgce/重量箱")") == Verdict::admit);
  CHECK(verdict(*table, R"("product": "压延玻璃", "glass-energy": "10.1 kgce/重量箱")") == Verdict::conditional);
}

TEST_CASE("units of measure: mistakes, each with its code") {
  const std::string base = "ruleset \"x\";\nfact glass-energy : quantity kgce/t;\nfact product : text;\n"
                           "table benchmark from \"tables/b.csv\" column \"产品\";\n";
  CHECK(codes(base + "unit t = 5 kg;") == std::vector<std::string>{"5 check.unit-taken"});
  CHECK(codes(base + "unit 万 = 5 kg;") == std::vector<std::string>{"5 check.unit-taken"});
  CHECK(codes(base + "unit 箱 = 0 kg;") == std::vector<std::string>{"5 check.unit-value"});
  CHECK(codes(base + "unit 箱 = 5 kg / 0;") == std::vector<std::string>{"5 check.divide-by-zero"});
  CHECK(codes(base + "unit 箱 = 5 kg;\nunit 箱 = 6 kg;") == std::vector<std::string>{"6 check.duplicate-name"});
  CHECK(codes(base + "unit 甲 = 2 乙;\nunit 乙 = 3 甲;") == std::vector<std::string>{"6 check.unit-cycle"});
  CHECK(codes(base + "unit 箱 = 2 箱;") == std::vector<std::string>{"5 check.unit-cycle"});
  // Not a cycle: an unknown unit next to a declared one is the unknown unit's error.
  CHECK(codes(base + "unit 甲 = 2 乙;\nunit 乙 = 3 丙;") == std::vector<std::string>{"6 syntax.quantity"});
  // A word the built-in units read is taken too: `万吨` is 万 × 吨, and must keep meaning it.
  CHECK(codes(base + "unit 万吨 = 5 t;") == std::vector<std::string>{"5 check.unit-taken"});
  CHECK(codes(base + "unit 千米 = 5 m;") == std::vector<std::string>{"5 check.unit-taken"});
  // Exponents stay small, so no chain of declared units can wrap a dimension around.
  CHECK(codes(base + "unit u1 = 1 万/m3/m3/m3;") == std::vector<std::string>{"5 check.unit-value"});
  CHECK(messages(base + "unit 箱 = 5 kgg;").find("did you mean `kg`") != std::string::npos);
  // A unit no file declares is the parser's error as before, now with declared units among the suggestions.
  CHECK(messages(base + "unit 重量箱 = 50 kg;", "R: ban projects where glass-energy > 3 kgce/重量相;")
            .find("did you mean `重量箱`") != std::string::npos);
  CHECK(codes(base + "fact f : quantity t/furlong;") == std::vector<std::string>{"5 syntax.unit"});
  // A distance in a declared unit must still be a length.
  const std::string spatial = base + "layer river from \"maps/r.geojson\";\nunit 里 = 500 m;\nunit 斤 = 0.5 kg;\n";
  const std::string map = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
      "geometry": {"type": "LineString", "coordinates": [[106.0, 30.0], [107.0, 30.0]]}}]})";
  auto with_map = [&](const std::string& rule) {
    std::vector<SourceText> s = sources(rule, spatial);
    s.push_back({"r/maps/r.geojson", map});
    return compile_sources(s);
  };
  CHECK(with_map("R: ban projects within 3 里 of river;").ok());
  const CompileResult not_length = with_map("R: ban projects within 3 斤 of river;");
  REQUIRE(not_length.diagnostics.size() == 1);
  CHECK(not_length.diagnostics.front().code == "syntax.distance-unit");
}

TEST_CASE("units of measure: a chain of 1,000 declarations in reverse order is read once each") {
  std::string schema = "ruleset \"chain\";\nfact m : quantity u999;\n";
  for (int i = 999; i >= 1; --i) schema += "unit u" + std::to_string(i) + " = 1 u" + std::to_string(i - 1) + ";\n";
  schema += "unit u0 = 1 kg;\n";
  const auto rs = compile_ok(sources("R: ban projects where m > 2 kg;", schema));
  CHECK(verdict(*rs, R"("m": 3)") == Verdict::reject);
  CHECK(verdict(*rs, R"("m": "1 u500")") == Verdict::admit);
  // One more is refused with its own code.
  const auto too_many = codes(schema + "unit u1000 = 1 u999;");
  CAPTURE(too_many.size());
  REQUIRE_FALSE(too_many.empty());
  CHECK(too_many.front().ends_with("check.too-many-units"));
}

TEST_CASE("units of measure: fmt both ways and a snapshot keep them") {
  const std::string zh = *format_source({"r/schema.rules", kUnitSchema}, {Lang::zh}).text;
  CHECK(zh.find("计量单位 重量箱 \"weight box\" = 50 kg;") != std::string::npos);
  CHECK(zh.find("计量单位 运行日 \"运行日（每年300天）\" = 1 a / 300;") != std::string::npos);
  const std::string en = *format_source({"r/schema.rules", zh}, {Lang::en}).text;
  CHECK(en.find("unit 大箱 \"双重量箱\" = 2 重量箱;") != std::string::npos);
  CHECK(en == *format_source({"r/schema.rules", kUnitSchema}, {Lang::en}).text);

  const auto rs = compile_ok(sources("R1: limit glass-energy to 12 kgce/重量箱 for projects;"
                                     " R2: ban projects where clinker > 4999 t/运行日;"));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const std::string facts : {R"("glass-energy": "250 kgce/t", "clinker": 1)", R"("glass-energy": "11 kgce/重量箱", "clinker": "5000 t/运行日")",
                                  R"("glass-energy": 12, "clinker": 149)"}) {
    CAPTURE(facts);
    CHECK(verdict(**loaded, facts) == verdict(*rs, facts));
  }
}
