// zhunru diff on planted pairs of versions: each change kind found, nothing
// said of a rule whose meaning did not change, and every witness judged
// here again, on both versions, by the evaluator — independently of the
// check the diff makes before it reports one.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "support/eval_helpers.hpp"
#include "zhunru/diff.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

DiffOptions on_day() {
  DiffOptions o;
  o.as_of = day(2025, 6, 1);
  return o;
}

/// "kind R1" (or "unit-map U1 U2") for each change.
std::vector<std::string> summary(const DiffResult& r) {
  std::vector<std::string> out;
  for (const Change& c : r.changes) {
    std::string line(name_of(c.kind));
    for (const std::string& id : c.rules) line += " " + id;
    for (const std::string& u : c.units) line += " " + u;
    out.push_back(line);
  }
  return out;
}

Verdict verdict_of(const Ruleset& rs, const std::string& json, std::vector<std::string>* violated = nullptr) {
  auto project = load_project_json(rs, json);
  INFO(json);
  REQUIRE(project);
  EvaluateOptions o;
  o.as_of = day(2025, 6, 1);
  auto d = evaluate(rs, *project, o);
  REQUIRE(d);
  if (violated) *violated = d->violated;
  return d->verdict;
}

bool stops(Verdict v) { return v == Verdict::conditional || v == Verdict::reject; }

/// Every loosened change: its witness stopped by OLD (its rule violated)
/// and admitted by NEW; every tightened one the reverse.
void witnesses_hold(const DiffResult& r, const Ruleset& older, const Ruleset& newer) {
  for (const Change& c : r.changes) {
    if (c.kind != ChangeKind::loosened && c.kind != ChangeKind::tightened) continue;
    INFO(c.message.en, " / ", c.witness_note.en);
    REQUIRE(c.witness);
    const bool loosened = c.kind == ChangeKind::loosened;
    std::vector<std::string> violated;
    CHECK(stops(verdict_of(loosened ? older : newer, *c.witness, &violated)));
    CHECK(std::find(violated.begin(), violated.end(), c.rules.front()) != violated.end());
    CHECK(verdict_of(loosened ? newer : older, *c.witness) == Verdict::admit);
  }
}

const char* const kOld = R"(
city 500000 {
  spatial-layout {
    B1: ban new or expansion chemical projects;
    B2: ban projects where industry in [C25] and capacity > 100 t/a;
    B3: ban new projects where grade = D;
  }
  emission-control {
    L1: limit voc to 5 t/a for new projects;
  }
}
)";

/// kOld with one change: B1 no longer bans expansions.
const char* const kB1Narrowed = R"(
city 500000 {
  spatial-layout {
    B1: ban new chemical projects;
    B2: ban projects where industry in [C25] and capacity > 100 t/a;
    B3: ban new projects where grade = D;
  }
  emission-control { L1: limit voc to 5 t/a for new projects; }
}
)";

}  // namespace

TEST_CASE("diff: a version compared with itself has no changes") {
  const auto rs = ruleset_with(kOld);
  const DiffResult r = diff(*rs, *rs, on_day());
  CHECK(r.changes.empty());
  CHECK(r.reworded.empty());
  CHECK_FALSE(r.loosens());
  CHECK(r.undecided == 0);
}

TEST_CASE("diff: a narrowed ban, a dropped ban, a raised limit, a new ban, a reworded rule") {
  const auto older = ruleset_with(kOld);
  const auto newer = ruleset_with(R"(
city 500000 {
  spatial-layout {
    B1: ban new chemical projects;
    B3: ban new projects
        where not (grade != D);
    B4: ban new projects where industry in [C30];
  }
  emission-control {
    L1: limit voc to 10 t/a for new projects;
  }
}
)");
  const DiffResult r = diff(*older, *newer, on_day());
  CHECK(summary(r) == std::vector<std::string>{"added B4", "removed B2", "changed B1", "changed L1", "loosened B1",
                                               "loosened B2", "loosened L1", "tightened B4"});
  CHECK(r.reworded == std::vector<std::string>{"B3"});  // said nowhere among the changes
  CHECK(r.loosens());
  witnesses_hold(r, *older, *newer);
  // The narrowed ban's witness is the part it no longer covers: an expansion.
  const auto b1 = nlohmann::json::parse(*r.changes[4].witness);
  CHECK(b1["nature"] == "expansion");
  // The raised limit's witness lies between the two limits.
  const double voc = nlohmann::json::parse(*r.changes[6].witness)["voc"];
  CHECK(voc > 5.0);
  CHECK(voc <= 10.0);
  // Side by side.
  CHECK(r.changes[2].old_text->en == "city 500000 B1: ban new or expansion chemical projects");
  CHECK(r.changes[2].new_text->en == "city 500000 B1: ban new chemical projects");
  CHECK(r.changes[2].old_text->zh == "市级 500000 B1: 禁止 新建 或 扩建 化工 项目");
}

TEST_CASE("diff: the reverse pair tightens where the first loosened, and loosens where it tightened") {
  const auto older = ruleset_with(kOld);
  const auto newer = ruleset_with(kB1Narrowed);
  const DiffResult back = diff(*newer, *older, on_day());
  CHECK(summary(back) == std::vector<std::string>{"changed B1", "tightened B1"});
  CHECK_FALSE(back.loosens());
  witnesses_hold(back, *newer, *older);
}

TEST_CASE("diff: a ban dropped while another still stops the same projects loosens nothing") {
  const auto older = ruleset_with(R"(
city 500000 { spatial-layout { B1: ban new chemical projects; B2: ban new or expansion two-high projects; } }
)");
  const auto newer = ruleset_with(R"(
city 500000 { spatial-layout { B2: ban new or expansion two-high projects; } }
)");
  const DiffResult r = diff(*older, *newer, on_day());
  CHECK(summary(r) == std::vector<std::string>{"removed B1"});
  CHECK_FALSE(r.loosens());
}

TEST_CASE("diff: a rule moved to a lower tier loosens the units it no longer reaches") {
  const auto older = ruleset_with("city 500000 { spatial-layout { B1: ban new chemical projects; } }");
  const auto newer = ruleset_with(R"(
city 500000 { spatial-layout { C0: encourage new projects where grade = A; } }
district 500103 { spatial-layout { B1: ban new chemical projects; } }
)");
  const DiffResult r = diff(*older, *newer, on_day());
  CHECK(summary(r) == std::vector<std::string>{"added C0", "changed B1", "loosened B1"});
  witnesses_hold(r, *older, *newer);
  const auto w = nlohmann::json::parse(*r.changes[2].witness);
  CHECK(w["units"][0].get<std::string>().substr(2, 6) != "500103");
}

TEST_CASE("diff: unit maps — re-coded, reclassified, split, removed, and what a reclassification loosens") {
  const auto square = [](const std::string& code, double x0, double x1) {
    return R"({"type": "Feature", "properties": {"code": ")" + code +
           R"("}, "geometry": {"type": "Polygon", "coordinates": [[[)" + std::to_string(x0) + ", 29.5], [" +
           std::to_string(x1) + ", 29.5], [" + std::to_string(x1) + ", 29.6], [" + std::to_string(x0) + ", 29.6], [" +
           std::to_string(x0) + ", 29.5]]]}}";
  };
  const auto map = [](const std::vector<std::string>& features) {
    std::string out = R"({"type": "FeatureCollection", "features": [)";
    for (std::size_t i = 0; i < features.size(); ++i) out += (i ? ", " : "") + features[i];
    return out + "]}";
  };
  const std::string rules = R"(ruleset "x" version "V" effective 2024-01-01;
fact industry : industry;
fact nature : one of { new, expansion };
units from "maps/units.geojson";
city 500000 { spatial-layout { P1: ban new projects in priority units where industry in [C26]; } }
)";
  const auto version = [&](const std::string& v, const std::string& units) {
    std::string text = rules;
    text.replace(text.find("\"V\""), 3, "\"" + v + "\"");
    return compile_ok({{"s.rules", text}, {"maps/units.geojson", units}});
  };
  const auto older = version("1", map({square("ZH50010310001", 106.0, 106.1), square("ZH50010320001", 106.1, 106.2),
                                       square("ZH50010330001", 106.2, 106.3), square("ZH50010330002", 106.3, 106.4),
                                       square("ZH50010330004", 106.4, 106.5)}));
  const auto newer = version("2", map({square("ZH50010310001", 106.0, 106.1), square("ZH50010320002", 106.1, 106.2),
                                       square("ZH50010310002", 106.2, 106.3), square("ZH50010330002", 106.3, 106.35),
                                       square("ZH50010330003", 106.35, 106.5)}));
  const DiffResult r = diff(*older, *newer, on_day());
  CHECK(summary(r) == std::vector<std::string>{
                          "tightened P1",  // the general unit that became a priority one
                          "unit-map ZH50010320001 ZH50010320002", "unit-map ZH50010330001 ZH50010310002",
                          "unit-map ZH50010330002", "unit-map ZH50010330003", "unit-map ZH50010330004"});
  witnesses_hold(r, *older, *newer);
  std::vector<std::string> messages;
  for (const Change& c : r.changes) messages.push_back(c.message.en);
  CHECK(messages[1] == "unit ZH50010320001 is re-coded ZH50010320002 (the same area and class)");
  CHECK(messages[2] == "unit ZH50010330001 (general) is reclassified: the same area is now ZH50010310002 (priority)");
  CHECK(messages[3] == "area of unit ZH50010330002 moved to ZH50010330003 (50.0%)");
  CHECK(messages[4] == "unit ZH50010330003 (general) is added; its area was in ZH50010330004 (66.7%), ZH50010330002 (33.3%)");
  CHECK(messages[5] == "unit ZH50010330004 is removed; its area now lies in ZH50010330003 (100.0%)");
  // And back: the priority unit that became general loosens P1.
  const DiffResult back = diff(*newer, *older, on_day());
  CHECK(back.loosens());
  witnesses_hold(back, *newer, *older);
}

TEST_CASE("diff: rules/chongqing against its shipped earlier version (tests/fixtures/chongqing-2020)") {
  const CompileResult old_compiled = compile_directory(ZHUNRU_FIXTURES "/chongqing-2020");
  REQUIRE(old_compiled.ok());
  const auto newer = chongqing_rules();
  const DiffResult r = diff(*old_compiled.ruleset, *newer, on_day());
  CHECK(summary(r) == std::vector<std::string>{"added CQ-EC-05", "removed CQ-SL-02", "changed CQ-EC-06", "changed CQ-SL-03",
                                               "loosened CQ-EC-06", "loosened CQ-SL-01", "loosened CQ-SL-02",
                                               "loosened CQ-SL-03", "tightened CQ-EC-05",
                                               "unit-map ZH50010610002 ZH50010620001"});
  CHECK(r.reworded == std::vector<std::string>{"CQ-SL-15"});
  CHECK(r.old_version.version == "2020.1");
  CHECK(r.new_version.version == "2024.2");
  witnesses_hold(r, *old_compiled.ruleset, *newer);
  // The reclassified unit's loosening is sited in it, under both versions' codes.
  CHECK(r.changes[5].message.en.find("ZH50010610002 of the old version became ZH50010620001") != std::string::npos);
  const auto json = nlohmann::json::parse(to_json(r));
  CHECK(json["changes"].size() == r.changes.size());
  CHECK(json["old"]["hash"] == old_compiled.ruleset->hash());
  CHECK(json["loosens"] == true);
}

TEST_CASE("diff: verdicts over a corpus of projects, a record either version refuses counted, not dropped") {
  const auto older = ruleset_with(kOld);
  const auto newer = ruleset_with(kB1Narrowed);
  std::istringstream corpus(
      R"({"industry": "C2614", "nature": "expansion", "capacity": 1, "grade": "A", "voc": 1, "units": ["ZH50010320001"]})"
      "\n\n"
      R"({"industry": "C2614", "nature": "sideways"})"
      "\n"
      R"({"industry": "C2614", "nature": "new", "capacity": 1, "grade": "A", "voc": 1, "units": ["ZH50010320001"]})"
      "\n{broken\n");
  const CorpusDiff c = diff_projects(*older, *newer, corpus, on_day());
  CHECK(c.projects == 4);
  CHECK(c.errors == std::vector<std::size_t>{2, 4});
  CHECK(c.changed == 1);
  CHECK(c.loosened == 1);
  CHECK(c.tightened == 0);
  CHECK(c.transitions == std::map<std::string, std::size_t>{{"reject→admit", 1}});
  CHECK(c.by_rule == std::map<std::string, std::size_t>{{"B1", 1}});
}

TEST_CASE("diff: versions that declare different facts (an enumeration only one has) are compared, never a crash") {
  const auto older = ruleset_with("city 500000 { spatial-layout { B1: ban new chemical projects; } }");
  const auto newer = compile_ok({{"s.rules", R"(ruleset "y" version "2" effective 2024-01-01;
fact industry : industry;
fact colour : one of { red, green };
city 500000 { spatial-layout { B1: ban projects where industry in [C26] and colour = red; } }
)"}});
  for (const bool forward : {true, false}) {
    const DiffResult r = forward ? diff(*older, *newer, on_day()) : diff(*newer, *older, on_day());
    CHECK_FALSE(r.changes.empty());  // B1 changed at least
    for (const Change& c : r.changes) {
      if ((c.kind == ChangeKind::loosened || c.kind == ChangeKind::tightened) && !c.witness) {
        CHECK_FALSE(c.witness_note.en.empty());  // no witness is never silent
      }
    }
  }
}

TEST_CASE("diff: a corpus line over the project limit or 100,000 deep is one refused record, never kept whole") {
  const auto rs = ruleset_with(kOld);
  const std::string huge = "{\"note\": \"" + std::string((std::size_t{64} << 20) + 16, 'x') + "\"}";
  std::istringstream corpus(huge + "\n" + std::string(100000, '[') + std::string(100000, ']') + "\n" +
                            R"({"industry": "C2614", "nature": "new", "capacity": 1, "grade": "A", "voc": 1, "units": ["ZH50010320001"]})" +
                            "\n");
  const CorpusDiff c = diff_projects(*rs, *rs, corpus, on_day());
  CHECK(c.projects == 3);
  CHECK(c.errors == std::vector<std::size_t>{1, 2});
  CHECK(c.changed == 0);
}
