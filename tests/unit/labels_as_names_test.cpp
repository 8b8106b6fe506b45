// Labels as names (issue #17 item 1): a rule may name a fact, kind, layer,
// geometry or table by the label the schema gives it, so a Chinese-speaking
// author writes `禁止 新建 化工 项目 当 设计产能 > 10 t/a` without copying
// English identifiers; names win over labels, a shared label is refused with
// the names to write, and suggestions search labels too.
#include <doctest/doctest.h>

#include <string>

#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

/// The verdicts of one project on two rulesets that should mean the same.
void same_verdicts(const std::string& by_names, const std::string& by_labels) {
  const auto a = ruleset_with(by_names);
  const auto b = ruleset_with(by_labels);
  for (const char* facts : {R"("industry": "C2614", "nature": "new", "capacity": 20)",
                            R"("industry": "C2614", "nature": "new", "capacity": 5)",
                            R"("industry": "C3011", "nature": "new", "capacity": 20)",
                            R"("industry": "C2614", "nature": "expansion", "capacity": 20)",
                            R"("industry": "C2614", "nature": "new")"}) {
    const std::string project = std::string(R"({"units": ["ZH50010320001"], )") + facts + "}";
    INFO(project);
    const Decision x = decide(*a, project);
    const Decision y = decide(*b, project);
    CHECK(x.verdict == y.verdict);
    CHECK(x.missing == y.missing);
  }
}

}  // namespace

TEST_CASE("labels as names: a Chinese rule written with the schema's labels means what the names mean") {
  same_verdicts("city 500000 { spatial-layout { C1: ban new chemical projects where capacity > 10 t/a; } }",
                "市级 500000 { 空间布局约束 { C1：禁止 新建 化工 项目 当 设计产能 > 10 t/a； } }");
  // The kind's whole label, in `where` (是 化工项目) and as a subject word.
  same_verdicts("city 500000 { spatial-layout { C1: ban new projects where is chemical and capacity > 10 t/a; } }",
                "市级 500000 { 空间布局约束 { C1：禁止 新建 项目 当 是 化工项目 且 设计产能 > 10 t/a； } }");
  same_verdicts("city 500000 { spatial-layout { C1: ban new chemical projects; } }",
                "city 500000 { spatial-layout { C1: ban new 化工项目 projects; } }");
  // A layer by its label.
  CHECK(check_codes("city 500000 { spatial-layout { C1: ban chemical projects within 1 km of 长江岸线; } }").empty());
  // A label that holds ASCII (VOCs排放量) is a name like any other.
  CHECK(check_codes("city 500000 { emission-control { C1: limit VOCs排放量 to 5 t/a for chemical projects; } }").empty());
}

TEST_CASE("labels as names: names win, shared labels are refused with the names, suggestions search labels") {
  // `note` is a name; a layer labelled "note" does not take it over.
  const auto rs = compile_ok(schema_and({{"more.rules", R"(layer beach "note" from "maps/shore.geojson";)"},
                                         {"t.rules", R"(city 500000 { spatial-layout { C1: ban projects where note = "x"; } })"}}));
  const Decision d = decide(*rs, R"({"units": ["ZH50010320001"], "note": "x"})");
  CHECK(d.verdict == Verdict::reject);

  // Two layers labelled alike: the label names neither.
  const auto shared = problems(schema_and({{"more.rules", R"(layer coast "长江岸线" from "maps/shore.geojson";)"},
                                           {"t.rules", "city 500000 { spatial-layout { C1: ban projects within 1 km of 长江岸线; } }"}}));
  REQUIRE(has(shared, "check.unknown-name"));
  const CompileResult r = compile_sources(schema_and({{"more.rules", R"(layer coast "长江岸线" from "maps/shore.geojson";)"},
                                                       {"t.rules", "city 500000 { spatial-layout { C1: ban projects within 1 km of 长江岸线; } }"}}));
  const std::string en = r.render(Lang::en);
  CHECK(en.find("is the label of `coast`, `shore`") != std::string::npos);
  CHECK(r.render(Lang::zh).find("共用的标签：请写名称") != std::string::npos);

  // A misspelt label is suggested by its label.
  const std::string typo = check_messages("city 500000 { spatial-layout { C1: ban projects where 设计产了 > 10 t/a; } }");
  CHECK(typo.find("did you mean `设计产能`?") != std::string::npos);
  // A kind's label, misspelt as a subject word, is suggested too.
  const std::string subject = check_messages("city 500000 { spatial-layout { C1: ban new 化功 projects; } }");
  CHECK(subject.find("did you mean `化工`?") != std::string::npos);
}
