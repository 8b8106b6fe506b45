// Evaluation (docs/language.md, "Evaluating a project"): statuses, verdicts, Kleene logic, units,
// tiers, dates, scores. Each test states the rule and the project it judges.
#include <doctest/doctest.h>

#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const char* const kKeyUnit = R"("units": ["ZH50010320001"])";        // key unit, 渝中区 500103
const char* const kPriorityUnit = R"("units": ["ZH50010310002"])";   // priority unit, 500103

std::string project(const std::string& facts, const std::string& units = kKeyUnit) {
  return "{" + facts + (facts.empty() ? "" : ", ") + units + "}";
}

}  // namespace

TEST_CASE("a violated ban rejects — a ban that does not apply admits") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban new chemical projects; } })");
  const Decision banned = decide(*rs, project(R"("industry": "C2614", "nature": "new")"));
  CHECK(banned.verdict == Verdict::reject);
  REQUIRE(finding(banned, "B1"));
  CHECK(finding(banned, "B1")->status == Status::violated);
  const Decision other = decide(*rs, project(R"("industry": "C2614", "nature": "rebuild")"));
  CHECK(other.verdict == Verdict::admit);
  CHECK(finding(other, "B1") == nullptr);  // not-applicable findings are left out
  CHECK(decide(*rs, project(R"("industry": "D4411", "nature": "new")")).verdict == Verdict::admit);
}

TEST_CASE("a violated requirement is conditional and says what must be met") {
  const auto rs = ruleset_with(R"(city 500000 { resource-efficiency {
    R1: require new two-high projects to have grade = A;
  } })");
  const Decision d = decide(*rs, project(R"("industry": "C3011", "nature": "new", "grade": "B")"));
  CHECK(d.verdict == Verdict::conditional);
  REQUIRE(finding(d, "R1"));
  CHECK(finding(d, "R1")->status == Status::violated);
  CHECK(finding(d, "R1")->requirement == "grade = A");
  CHECK(to_text(d, Lang::en).find("requires: grade = A") != std::string::npos);
  const Decision ok = decide(*rs, project(R"("industry": "C3011", "nature": "new", "grade": "A")"));
  CHECK(ok.verdict == Verdict::admit);
  CHECK(finding(ok, "R1")->status == Status::satisfied);
}

TEST_CASE("an unknown fact that could change the verdict makes it incomplete, with best, worst and missing") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical projects where capacity > 10 t/a; } })");
  const Decision d = decide(*rs, project(R"("industry": "C2614")"));
  CHECK(d.verdict == Verdict::incomplete);
  CHECK(d.best == Verdict::admit);
  CHECK(d.worst == Verdict::reject);
  CHECK(d.missing == std::vector<std::string>{"capacity"});
  REQUIRE(finding(d, "B1"));
  CHECK(finding(d, "B1")->status == Status::unknown);
  CHECK(finding(d, "B1")->missing == std::vector<std::string>{"capacity"});
  // An unknown that cannot matter: the project is rejected either way.
  const auto two = ruleset_with(R"(city 500000 { spatial-layout {
    B1: ban chemical projects;
    B2: ban projects where capacity > 10 t/a;
  } })");
  const Decision r = decide(*two, project(R"("industry": "C2614")"));
  CHECK(r.verdict == Verdict::reject);
  CHECK(r.best == Verdict::reject);
  CHECK(r.missing == std::vector<std::string>{"capacity"});
  CHECK(r.needed.empty());
  CHECK(to_text(r, Lang::en).find("Not given (they would not change the verdict): capacity") != std::string::npos);
  CHECK(d.needed == std::vector<std::string>{"capacity"});
}

TEST_CASE("needed: of the missing facts, those that can change the verdict") {
  // R1 is violated (conditional at best); B1 unknown can make it reject; R2 unknown cannot make it worse.
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    R1: require projects to have grade = A;
    B1: ban projects where capacity > 10 t/a;
    R2: require projects to have low-voc;
  } })");
  const Decision d = decide(*rs, project(R"("grade": "B")"));
  CHECK(d.verdict == Verdict::incomplete);
  CHECK(d.best == Verdict::conditional);
  CHECK(d.missing == std::vector<std::string>{"capacity", "low-voc"});
  CHECK(d.needed == std::vector<std::string>{"capacity"});
  const std::string text = to_text(d, Lang::zh);
  CHECK(text.find("尚需补充的事实：") != std::string::npos);
  CHECK(text.find("未提供（不影响结论）：") != std::string::npos);
}

TEST_CASE("Kleene logic: false and unknown is false, true or unknown is true") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    AND: ban projects where capacity > 10 t/a and low-voc;
    OR: ban projects where capacity > 100 t/a or not low-voc;
  } })");
  const Decision small = decide(*rs, project(R"("capacity": 5)"));   // AND false; OR unknown
  CHECK(finding(small, "AND") == nullptr);
  REQUIRE(finding(small, "OR"));
  CHECK(finding(small, "OR")->status == Status::unknown);
  CHECK(finding(small, "OR")->missing == std::vector<std::string>{"low-voc"});
  const Decision big = decide(*rs, project(R"("capacity": 500)"));    // OR true whatever low-voc is
  CHECK(finding(big, "OR")->status == Status::violated);
  CHECK(finding(big, "OR")->missing.empty());
  CHECK(finding(big, "AND")->status == Status::unknown);
  CHECK(big.verdict == Verdict::reject);
  CHECK(big.missing == std::vector<std::string>{"low-voc"});
}

TEST_CASE("quantities convert: numbers are in the declared unit, strings carry their own") {
  const auto rs = ruleset_with(R"(city 500000 { emission-control { L1: limit voc to 5 t/a for projects; } })");
  CHECK(finding(decide(*rs, project(R"("voc": 4.5)")), "L1")->status == Status::satisfied);
  CHECK(finding(decide(*rs, project(R"("voc": "6000 kg/a")")), "L1")->status == Status::violated);
  CHECK(finding(decide(*rs, project(R"("voc": "5000 kg/a")")), "L1")->status == Status::satisfied);  // <= is inclusive
  CHECK(finding(decide(*rs, project(R"("voc": "0.0004万吨/年")")), "L1")->status == Status::satisfied);
  CHECK(finding(decide(*rs, project(R"("voc": "6")")), "L1")->status == Status::violated);  // unitless: t/a
  const auto at_least = ruleset_with(R"(city 500000 { resource-efficiency {
    L2: limit capacity to at least 30万 t/a for chemical projects; } })");
  CHECK(finding(decide(*at_least, project(R"("industry": "C26", "capacity": "30万吨/年")")), "L2")->status ==
        Status::satisfied);
  CHECK(finding(decide(*at_least, project(R"("industry": "C26", "capacity": 299999)")), "L2")->status ==
        Status::violated);
}

TEST_CASE("enum values by name or Chinese label mean the same") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban new or expansion chemical projects; } })");
  const std::string by_name = to_json(decide(*rs, project(R"("industry": "C26", "nature": "new")")));
  const std::string by_label = to_json(decide(*rs, project(R"("industry": "C26", "nature": "新建")")));
  CHECK(by_name == by_label);
  CHECK(decide(*rs, project(R"("industry": "C26", "nature": "扩建")")).verdict == Verdict::reject);
}

TEST_CASE("industry codes: `in` matches the hierarchy, `=` the exact class") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    P: ban projects where industry in [C26];
    E: ban projects where industry = C2614;
    N: ban projects where industry != C2614;
  } })");
  const Decision d = decide(*rs, project(R"("industry": "C2614")"));
  CHECK(finding(d, "P"));
  CHECK(finding(d, "E"));
  CHECK(finding(d, "N") == nullptr);
  const Decision other = decide(*rs, project(R"("industry": "C2619")"));
  CHECK(finding(other, "E") == nullptr);
  CHECK(finding(other, "N"));
  // A project filed under the division: in C26 for sure, but C2614 or not is unknown.
  const Decision coarse = decide(*rs, project(R"("industry": "C26")"));
  CHECK(finding(coarse, "P")->status == Status::violated);
  CHECK(finding(coarse, "E")->status == Status::unknown);
  CHECK(finding(coarse, "N")->status == Status::unknown);
  CHECK(coarse.missing == std::vector<std::string>{"industry"});
}

TEST_CASE("a coarse industry code is unknown against finer rule codes, never silently outside them") {
  const auto rs = ruleset_with(R"(
    kind cement "水泥" = industry in [C3011];
    kind lime "石灰" = industry in [C3012];
    city 500000 { spatial-layout {
      CEMENT: ban cement projects;
      BOTH: ban projects where industry in [C3011, C3012];
      GLASS: ban projects where industry in [C3041];
    } })");
  // The issue's case: C30 may or may not be C3011. Incomplete, asking for the industry.
  const Decision c30 = decide(*rs, project(R"("industry": "C30")"));
  CHECK(c30.verdict == Verdict::incomplete);
  CHECK(c30.best == Verdict::admit);
  CHECK(c30.worst == Verdict::reject);
  CHECK(finding(c30, "CEMENT")->status == Status::unknown);
  CHECK(finding(c30, "CEMENT")->missing == std::vector<std::string>{"industry"});
  CHECK(finding(c30, "GLASS")->status == Status::unknown);
  // C301 (水泥、石灰和石膏制造) has the classes C3011, C3012: both rule codes cover all of it.
  const Decision c301 = decide(*rs, project(R"("industry": "C301")"));
  CHECK(finding(c301, "BOTH")->status == Status::violated);
  CHECK(finding(c301, "CEMENT")->status == Status::unknown);
  CHECK(finding(c301, "GLASS") == nullptr);  // C3041 is not under C301: not applicable
  // The 4-digit classes decide.
  CHECK(decide(*rs, project(R"("industry": "C3011")")).verdict == Verdict::reject);
  CHECK(decide(*rs, project(R"("industry": "C3021")")).verdict == Verdict::admit);
  // Another section is simply outside.
  CHECK(decide(*rs, project(R"("industry": "D")")).verdict == Verdict::admit);
}

TEST_CASE("industry codes are checked against GB/T 4754-2017, in rules and in projects") {
  const auto result = compile_sources(schema_and({{"t.rules", R"(city 500000 { spatial-layout {
    A: ban projects where industry in [C9999];
    B: ban projects where industry = C26;
    C: ban projects where industry in [C2699];
  } })"}}));
  REQUIRE_FALSE(result.ok());
  std::vector<std::string> lines;
  for (const Diagnostic& d : result.diagnostics) lines.push_back(d.code + " " + d.message.en + " | " + d.help.en);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with("check.industry-code `C9999` is not a code of GB/T 4754-2017"));
  CHECK(lines[1] == "check.industry-exact-coarse `=` and `!=` compare a whole 4-digit class code; `C26` is a "
                    "division, which a project's class only falls under | write `in [C26]` to match it and every "
                    "code under it");
  CHECK(lines[2].ends_with("| did you mean C26 (化学原料和化学制品制造业)?"));
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical projects; } })");
  CHECK(project_errors(*rs, R"({"industry": "C9999", "units": ["ZH50010320001"]})").front().starts_with(
      "industry: \"C9999\" is not a code of GB/T 4754-2017"));
  CHECK(project_errors(*rs, R"({"industry": "水泥制造", "units": ["ZH50010320001"]})").front().ends_with(
      "did you mean C3011 (水泥制造)?"));
  CHECK(project_errors(*rs, R"({"industry": "G5932", "units": ["ZH50010320001"]})").front().ends_with(
      "did you mean G5930 (低温仓储)?"));
}

TEST_CASE("the rule index never drops a rule that applies (negations, kinds, where, no industry)") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    NOT: ban projects where not is chemical;
    UNLESS: ban projects unless is chemical;
    KIND: ban two-high projects;
    ANY: ban projects where is chemical or capacity > 1 t/a;
  } })");
  const Decision d = decide(*rs, project(R"("industry": "C3011", "capacity": 5)"));
  CHECK(finding(d, "NOT"));
  CHECK(finding(d, "UNLESS"));
  CHECK(finding(d, "KIND"));
  CHECK(finding(d, "ANY"));
  const Decision c = decide(*rs, project(R"("industry": "C2614", "capacity": 0.5)"));
  CHECK(finding(c, "NOT") == nullptr);
  CHECK(finding(c, "UNLESS")->status == Status::satisfied);
  CHECK(finding(c, "ANY"));
}

TEST_CASE("unless exempts: a ban whose exception holds is satisfied") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    B1: ban chemical projects in priority units unless capacity < 10 t/a;
  } })");
  CHECK(decide(*rs, project(R"("industry": "C26", "capacity": 5)", kPriorityUnit)).verdict == Verdict::admit);
  CHECK(finding(decide(*rs, project(R"("industry": "C26", "capacity": 5)", kPriorityUnit)), "B1")->status ==
        Status::satisfied);
  CHECK(decide(*rs, project(R"("industry": "C26", "capacity": 50)", kPriorityUnit)).verdict == Verdict::reject);
  CHECK(decide(*rs, project(R"("industry": "C26", "capacity": 50)")).verdict == Verdict::admit);  // key unit
}

TEST_CASE("tiers: a rule applies only in its tier's territory") {
  const auto rs = ruleset_with(R"(
    city 500000 { spatial-layout { C1: ban chemical projects where capacity > 100 t/a; } }
    district 500103 { spatial-layout { D1: ban chemical projects where capacity > 50 t/a; } }
    unit ZH50010320001 { spatial-layout { U1: ban chemical projects where capacity > 10 t/a; } })");
  const std::string facts = R"("industry": "C26", "capacity": 60)";
  const Decision in_unit = decide(*rs, project(facts, R"("units": ["ZH50010320001"])"));
  CHECK(finding(in_unit, "D1"));
  CHECK(finding(in_unit, "U1"));
  CHECK(finding(in_unit, "U1")->tier == TierLevel::unit);
  const Decision other_unit = decide(*rs, project(facts, R"("units": ["ZH50010320002"])"));
  CHECK(finding(other_unit, "D1"));
  CHECK(finding(other_unit, "U1") == nullptr);
  const Decision other_district = decide(*rs, project(facts, R"("units": ["ZH50011230003"])"));
  CHECK(other_district.verdict == Verdict::admit);
  // Outside every tier: an error, never a silent admit.
  const Project far = project_ok(*rs, project(facts, R"("units": ["ZH32010220001"])"));
  const auto refused = evaluate(*rs, far, {day(2025, 6, 1)});
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == "eval.outside-territory");
  CHECK(refused.error().message.en.find("outside the territory") != std::string::npos);
}

TEST_CASE("several units: each judged on its own, the strictest decides") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban industrial projects in priority units; } })");
  const Decision d = decide(*rs, project(R"("industry": "C3011")",
                                         R"("units": [{"code": "ZH50010320001", "share": 0.7},
                                                      {"code": "ZH50010310002", "share": 0.3}])"));
  REQUIRE(d.units.size() == 2);
  CHECK(d.units[0].verdict == Verdict::admit);
  CHECK(d.units[1].verdict == Verdict::reject);
  CHECK(d.units[0].share == doctest::Approx(0.7));
  CHECK(d.verdict == Verdict::reject);
  CHECK(finding(d, "B1")->unit == "ZH50010310002");
}

TEST_CASE("deny-overrides: an allow of a lower tier lifts nothing") {
  const auto rs = ruleset_with(R"(
    city 500000 { spatial-layout { B1: ban chemical projects; } }
    district 500103 { spatial-layout { A1: allow chemical projects; E1: encourage projects where low-voc; } })");
  const Decision d = decide(*rs, project(R"("industry": "C26", "low-voc": true)"));
  CHECK(d.verdict == Verdict::reject);
  CHECK(finding(d, "A1")->status == Status::satisfied);
  CHECK(finding(d, "E1")->status == Status::satisfied);
  CHECK(d.score.overall == doctest::Approx(0.0));  // positive-list entries are not scored
  // An unknown positive-list entry neither decides nor asks for facts.
  const Decision u = decide(*rs, project(R"("industry": "C3011")"));
  CHECK(u.verdict == Verdict::admit);
  CHECK(u.missing.empty());
}

TEST_CASE("as-of dates: `effective … until …` is inclusive — the ruleset's own period bounds every answer") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    B1: ban chemical projects effective 2025-01-01 until 2025-12-31;
  } })");
  const std::string p = project(R"("industry": "C26")");
  CHECK(decide(*rs, p, day(2024, 12, 31)).verdict == Verdict::admit);
  CHECK(decide(*rs, p, day(2025, 1, 1)).verdict == Verdict::reject);
  CHECK(decide(*rs, p, day(2025, 12, 31)).verdict == Verdict::reject);
  CHECK(decide(*rs, p, day(2026, 1, 1)).verdict == Verdict::admit);
  const Project proj = project_ok(*rs, p);
  const auto before = evaluate(*rs, proj, {day(2023, 12, 31)});
  REQUIRE_FALSE(before.has_value());
  CHECK(before.error().code == "eval.not-in-effect");
  CHECK(before.error().message.en.find("takes effect on 2024-01-01") != std::string::npos);
  CHECK_FALSE(evaluate(*rs, proj, {day(2031, 1, 1)}).has_value());
}

TEST_CASE("scores: weighted share of applicable, known rules that are satisfied, per tier and dimension") {
  const auto rs = ruleset_with(R"(
    city 500000 {
      emission-control { R1: require projects to have low-voc weight 3; }
      resource-efficiency { R2: require projects to have grade = A; }
    }
    district 500103 { risk-control { R3: require projects to have capacity < 10 t/a; } })");
  const Decision d = decide(*rs, project(R"("low-voc": true, "grade": "B")"));
  REQUIRE(d.score.overall.has_value());
  CHECK(*d.score.overall == doctest::Approx(75.0));                           // 3 of 4 (R3 unknown)
  const auto tier = [&](TierLevel level) { return d.score.tiers[static_cast<std::size_t>(level)]; };
  CHECK(*tier(TierLevel::city) == doctest::Approx(75.0));
  CHECK_FALSE(tier(TierLevel::district).has_value());                         // R3 is unknown
  CHECK_FALSE(tier(TierLevel::unit).has_value());                             // no unit tier
  CHECK_FALSE(tier(TierLevel::nation).has_value());                           // no national tier
  CHECK(*d.score.dimensions[1] == doctest::Approx(100.0));                    // emission-control
  CHECK(*d.score.dimensions[3] == doctest::Approx(0.0));                      // resource-efficiency
  CHECK(d.verdict == Verdict::conditional);
}

TEST_CASE("spatial scopes are unknown without a site, and ask for it") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical projects within 1 km of shore; } })");
  const Decision d = decide(*rs, project(R"("industry": "C26")"));
  CHECK(d.verdict == Verdict::incomplete);
  CHECK(d.missing == std::vector<std::string>{"site"});
}

TEST_CASE("traces show the parts that decided a rule, stopping at the first false one") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    B1: ban chemical projects in key units where capacity > 10 t/a unless low-voc;
  } })");
  const Decision d = decide(*rs, project(R"("industry": "C26", "capacity": 20, "low-voc": false)"));
  const Finding* f = finding(d, "B1");
  REQUIRE(f);
  REQUIRE(f->trace.size() == 4);
  CHECK(f->trace[0].part == "subject");
  CHECK(f->trace[0].text == "chemical projects");
  CHECK(f->trace[1].text == "in key units");
  CHECK(f->trace[2].text == "capacity > 10 t/a");
  CHECK(f->trace[3].part == "unless");
  CHECK(f->trace[3].value == Truth::is_false);
  CHECK(f->source == "tiers.rules:2");
  const Decision n = decide(*rs, project(R"("industry": "C26", "capacity": 5)"));
  CHECK(finding(n, "B1") == nullptr);
}

TEST_CASE("dates and text facts compare") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout {
    D1: ban projects where opened < 2020-01-01;
    T1: ban projects where note = "淘汰设备";
  } })");
  CHECK(finding(decide(*rs, project(R"("opened": "2019-12-31")")), "D1"));
  CHECK(finding(decide(*rs, project(R"("opened": "2020-01-01")")), "D1") == nullptr);
  CHECK(finding(decide(*rs, project(R"("note": "淘汰设备")")), "T1"));
}

TEST_CASE("every answer carries the ruleset's version and content hash") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical projects; } })");
  const Decision d = decide(*rs, project(""));
  CHECK(d.ruleset_version == "1.0");
  CHECK(d.ruleset_hash == rs->hash());
  CHECK(d.ruleset_hash.starts_with("sha256:"));
  CHECK(d.ruleset_hash.size() == 7 + 64);
  const auto changed = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical  projects; } })");
  CHECK(changed->hash() != rs->hash());
  CHECK(to_json(d).find(rs->hash()) != std::string::npos);
}

TEST_CASE("a project without units is refused") {
  const auto rs = ruleset_with(R"(city 500000 { spatial-layout { B1: ban chemical projects; } })");
  const Project p = project_ok(*rs, R"({"industry": "C26"})");
  const auto d = evaluate(*rs, p, {day(2025, 6, 1)});
  REQUIRE_FALSE(d.has_value());
  CHECK(d.error().code == "eval.no-units");
  CHECK(d.error().message.en.find("names no unit") != std::string::npos);
}

TEST_CASE("regressions: a value exactly at a limit is at the limit whatever unit it is written in") {
  const auto rs = ruleset_with(R"(
    city 500000 { emission-control { L1: limit voc to 0.009 t/a for projects; E1: ban projects where voc = 0.009 t/a; } })");
  const Decision d = decide(*rs, project(R"("voc": "9 kg/a")"));
  CHECK(finding(d, "L1")->status == Status::satisfied);
  CHECK(finding(d, "E1"));
  CHECK(finding(decide(*rs, project(R"("voc": "9.001 kg/a")")), "L1")->status == Status::violated);
}

TEST_CASE("regressions: allow and encourage honour `unless`") {
  const auto rs = ruleset_with(R"(district 500103 { spatial-layout { A1: allow chemical projects unless low-voc; } })");
  CHECK(finding(decide(*rs, project(R"("industry": "C26", "low-voc": false)")), "A1"));
  CHECK(finding(decide(*rs, project(R"("industry": "C26", "low-voc": true)")), "A1") == nullptr);
  CHECK(finding(decide(*rs, project(R"("industry": "C26")")), "A1") == nullptr);
}
