// Project files: every value checked against its fact; nothing dropped.
#include <doctest/doctest.h>

#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::shared_ptr<const Ruleset> rules() {
  static const auto rs = ruleset_with("city 500000 { spatial-layout { B1: ban chemical projects; } }");
  return rs;
}

std::vector<std::string> errors(const std::string& members) {
  return project_errors(*rules(), "{" + members + R"(, "units": ["ZH50010320001"]})");
}

}  // namespace

TEST_CASE("a well-formed project loads") {
  CHECK(errors(R"("industry": "C2614", "nature": "新建", "capacity": "30万吨/年", "grade": "A", "low-voc": true,
                  "voc": 1.5, "opened": "2024-07-01", "note": "x", "project": {"name": "某项目"})")
            .empty());
  CHECK(errors(R"("capacity": null)").empty());  // null: unknown
}

TEST_CASE("wrong types and dimensions are errors naming the fact") {
  CHECK(errors(R"("capacity": true)") ==
        std::vector<std::string>{"capacity: expected a quantity in t/a (a number in t/a, or a string with its unit "
                                 "such as \"30万吨/年\"), found true"});
  CHECK(errors(R"("capacity": "5 km")") ==
        std::vector<std::string>{"capacity: \"5 km\" is a length, but capacity is a mass rate (t/a)"});
  CHECK(errors(R"("capacity": "lots")").size() == 1);
  CHECK(errors(R"("low-voc": "yes")").front().starts_with("low-voc: expected true or false"));
  CHECK(errors(R"("nature": "newly")") ==
        std::vector<std::string>{"nature: \"newly\" is not one of its values: new (新建), rebuild (改建), expansion (扩建)"});
  CHECK(errors(R"("industry": "c26")") ==
        std::vector<std::string>{"industry: \"c26\" is not a code of GB/T 4754-2017 (国民经济行业分类), such as C2614; "
                                 "did you mean C26 (化学原料和化学制品制造业)?"});
  CHECK(errors(R"("industry": 2614)").front().starts_with("industry: expected a GB/T 4754-2017 industry code"));
  CHECK(errors(R"("opened": "2024-02-30")").front().starts_with("opened: expected a date"));
  CHECK(errors(R"("grade": ["A", "B"])") == std::vector<std::string>{"grade: expected a single value, found a list"});
  CHECK(errors(R"("voc": 1e400)").size() == 1);
}

TEST_CASE("unknown members, duplicates and malformed JSON are refused") {
  CHECK(errors(R"("capcity": 5)") ==
        std::vector<std::string>{"capcity: `capcity` is not a fact of this ruleset; did you mean `capacity`?"});
  CHECK(errors(R"("capacity": 5, "capacity": 6)") == std::vector<std::string>{"capacity: `capacity` is given twice"});
  CHECK(project_errors(*rules(), R"({"capacity": 5,)").front() ==
        ": the project file is not valid JSON at line 1, column 16: syntax error while parsing object key - "
        "unexpected end of input; expected string literal");
  CHECK(project_errors(*rules(), R"(["capacity"])").front().starts_with(": a project file is a JSON object"));
  CHECK(project_errors(*rules(), "").front().starts_with(": the project file is not valid JSON at line 1, column 1"));
}

TEST_CASE("units: codes in the national pattern, shares in [0, 1]") {
  CHECK(project_errors(*rules(), R"({"units": []})").front().starts_with("units: expected a non-empty list"));
  CHECK(project_errors(*rules(), R"({"units": ["ZH5001032000"]})").front().starts_with("units: \"ZH5001032000\" is not a unit code"));
  CHECK(project_errors(*rules(), R"({"units": ["ZH50010340001"]})").size() == 1);  // class digit 4
  CHECK(project_errors(*rules(), R"({"units": [{"code": "ZH50010320001", "share": 1.5}]})").size() == 1);
  CHECK(project_errors(*rules(), R"({"units": [{"code": "ZH50010320001", "shares": 1}]})").size() == 1);
  CHECK(project_errors(*rules(), R"({"units": ["ZH50010320001", "ZH50010320001"]})").size() == 1);
  const Project p = project_ok(*rules(), R"({"units": [{"code": "ZH50010310002", "share": 0.25}]})");
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].district == "500103");
  CHECK(p.units()[0].unit_class == UnitClass::priority);
  CHECK(*p.units()[0].share == doctest::Approx(0.25));
}

TEST_CASE("the facts builder checks as it goes and reports every error") {
  FactsBuilder b(*rules());
  b.set_text("industry", "C2614").set_number("capacity", 5).set_bool("capacity", true).set_text("nope", "1");
  const ProjectResult p = std::move(b).build();
  REQUIRE_FALSE(p.has_value());
  CHECK(p.error().size() == 2);
  FactsBuilder ok(*rules());
  ok.set_text("industry", "C2614").add_unit("ZH50010320001");
  const ProjectResult built = std::move(ok).build();
  REQUIRE(built.has_value());
  CHECK(evaluate(*rules(), *built, {day(2025, 6, 1)})->verdict == Verdict::reject);
}

TEST_CASE("a project is judged only by the ruleset it was built for") {
  const Project p = project_ok(*rules(), R"({"units": ["ZH50010320001"]})");
  const auto other = ruleset_with("city 500000 { spatial-layout { B2: ban two-high projects; } }");
  CHECK_FALSE(evaluate(*other, p, {day(2025, 6, 1)}).has_value());
}

TEST_CASE("regressions: dates are read strictly — scaled numbers must stay finite — nested duplicates") {
  CHECK(errors(R"("opened": "2019-1.-05")").size() == 1);
  CHECK(errors(R"("opened": "1e03-01-01")").size() == 1);
  CHECK(errors(R"("opened": "2019-01-05")").empty());
  CHECK(project_errors(*rules(), R"({"project": {"a": 1, "a": 2}, "units": ["ZH50010320001"]})") ==
        std::vector<std::string>{"project: `a` is given twice in the same object"});
  CHECK(project_errors(*rules(), R"({"units": []})") ==
        std::vector<std::string>{"units: expected a non-empty list of unit codes, found an empty list"});
}

TEST_CASE("project files as people write them: Chinese fact labels as keys") {
  CHECK(errors(R"("建设性质": "新建", "设计产能": "30万吨/年", "国民经济行业类别": "C2614")").empty());
  const auto rs = rules();
  const std::string by_label = to_json(decide(*rs, R"({"建设性质": "新建", "industry": "C2614", "units": ["ZH50010320001"]})"));
  const std::string by_name = to_json(decide(*rs, R"({"nature": "new", "industry": "C2614", "units": ["ZH50010320001"]})"));
  CHECK(by_label == by_name);
  // A fact given by its name and by its label is given twice.
  CHECK(errors(R"("nature": "new", "建设性质": "新建")") == std::vector<std::string>{"nature: given twice"});
  // A near miss of a label suggests the label.
  CHECK(errors(R"("建设性值": "新建")") ==
        std::vector<std::string>{"建设性值: `建设性值` is not a fact of this ruleset; did you mean `建设性质`?"});
}
