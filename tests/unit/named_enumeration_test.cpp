// Named enumerations and enumerations of any size (issue #15, feature 9):
// `enumeration natures "建设性质" = {…};` declared once for several facts
// (`fact nature : natures;`), and catalogues of more than 64 classes — the
// checker, the evaluator, the auditor, fmt and snapshots agree.
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

/// `one of { c0, c1, … c{n-1} }`.
std::string classes(std::size_t n) {
  std::string out = "one of { ";
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", c" : "c") + std::to_string(i);
  return out + " }";
}

std::string schema() {
  return R"(
ruleset "命名枚举" version "1" effective 2024-01-01;
fact nature : natures "建设性质";
fact previous-nature : natures "原建设性质";
enumeration natures "建设性质" = { new "新建" { relocation "迁建" }, rebuild "改建", expansion "扩建" };
fact catalogue : )" + classes(100) + R"( "产业目录类别";
)";
}

const char* const kRules = R"(
city 500000 {
  spatial-layout {
    R1: ban projects where nature in [new] and previous-nature in [rebuild];
    R2: ban projects where catalogue in [c3, c65, c99];
    R3: ban projects where catalogue = c64;
  }
}
)";

std::shared_ptr<const Ruleset> compiled(const std::string& tiers = kRules) {
  return compile_ok({{"schema.rules", schema()}, {"tiers.rules", tiers}});
}

std::vector<std::string> violated(const Ruleset& rs, const std::string& facts) {
  return decide(rs, R"({"units": ["ZH50010320001"], )" + facts + "}").violated;
}

std::vector<std::string> messages(const std::string& schema_text) {
  std::vector<std::string> out;
  const auto tiers = "city 500000 { spatial-layout { X: ban projects; } }";
  for (const Diagnostic& d : compile_sources({{"schema.rules", schema_text}, {"tiers.rules", tiers}}).diagnostics) {
    out.push_back(d.code + ": " + d.message.en + (d.help.en.empty() ? "" : " | " + d.help.en));
  }
  return out;
}

}  // namespace

TEST_CASE("named enumeration: two facts of one enumeration, declared after them, values under values") {
  const auto rs = compiled();
  CHECK(violated(*rs, R"("nature": "迁建", "previous-nature": "改建", "catalogue": "c0")") == std::vector<std::string>{"R1"});
  CHECK(violated(*rs, R"("nature": "rebuild", "previous-nature": "new", "catalogue": "c0")").empty());
  const auto facts = rs->facts();
  const auto previous = std::find_if(facts.begin(), facts.end(), [](const FactInfo& f) { return f.name == "previous-nature"; });
  REQUIRE(previous != facts.end());
  CHECK(previous->values.size() == 4);
}

TEST_CASE("named enumeration: more than 64 values, evaluated, kept in a snapshot and audited") {
  const auto rs = compiled();
  const std::string known = R"("nature": "rebuild", "previous-nature": "rebuild", )";
  for (const auto& [c, expected] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"c3", {"R2"}}, {"c64", {"R3"}}, {"c65", {"R2"}}, {"c99", {"R2"}}, {"c63", {}}, {"c66", {}}}) {
    CHECK(violated(*rs, known + R"("catalogue": ")" + c + "\"") == expected);
  }
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  CHECK(violated(**loaded, known + R"("catalogue": "c65")") == std::vector<std::string>{"R2"});
  CHECK(violated(**loaded, known + R"("catalogue": "c64")") == std::vector<std::string>{"R3"});
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const auto audited = audit(*compiled(R"(city 500000 { spatial-layout {
    D1: ban projects where catalogue in [c70] and catalogue in [c3, c90];
    D2: ban projects where catalogue in [c70, c90] and catalogue in [c3, c90]; } })"),
                             options);
  std::vector<std::string> found;
  for (const AuditFinding& f : audited.findings) found.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
  CHECK(std::find(found.begin(), found.end(), "dead-rule D1") != found.end());
  CHECK(std::find(found.begin(), found.end(), "dead-rule D2") == found.end());
}

TEST_CASE("named enumeration: fmt both ways, Chinese keywords judge alike") {
  const auto zh = format_source({"schema.rules", schema()}, {Lang::zh});
  REQUIRE(zh.text);
  CHECK(zh.text->find("枚举类型 natures \"建设性质\" = {\n  new \"新建\" { relocation \"迁建\" },\n  rebuild \"改建\",\n"
                      "  expansion \"扩建\",\n};") != std::string::npos);
  CHECK(zh.text->find("事实 nature : natures \"建设性质\";") != std::string::npos);
  const auto en = format_source({"schema.rules", *zh.text}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == format_source({"schema.rules", schema()}, {Lang::en}).text.value());
  const auto from_zh = compile_ok({{"schema.rules", *zh.text}, {"tiers.rules", kRules}});
  CHECK(violated(*from_zh, R"("nature": "迁建", "previous-nature": "改建", "catalogue": "c65")") ==
        std::vector<std::string>{"R1", "R2"});
}

TEST_CASE("named enumeration: misuse found by the checker") {
  CHECK(messages("fact nature : natures;\nenumeration nature-kinds = { new, rebuild };\n") ==
        std::vector<std::string>{"check.unknown-type: `natures` is not a type or a declared enumeration | a fact's "
                                 "type is bool, number, quantity UNIT, one of {…}, industry, text, date or an "
                                 "enumeration declared with `enumeration NAME = {…};`"});
  CHECK(messages("fact nature : natres;\nenumeration natures = { new, rebuild };\n") ==
        std::vector<std::string>{
            "check.unknown-type: `natres` is not a type or a declared enumeration | did you mean `natures`?"});
  CHECK(messages("fact a : boool;\n") ==
        std::vector<std::string>{"check.unknown-type: `boool` is not a type or a declared enumeration | did you mean `bool`?"});
  CHECK(messages("enumeration natures = { new };\nenumeration natures = { old };\n") ==
        std::vector<std::string>{"check.duplicate-name: enumeration `natures` is declared twice; to declare it anew for a period, give every "
                                  "declaration `effective D [until E]`"});
  CHECK(messages("enumeration natures = { new, 新建, new \"新建\" };\n").front().starts_with("check.duplicate-value: `natures`"));
  CHECK(messages("fact big : " + classes(10001) + ";\n") ==
        std::vector<std::string>{"check.too-many-values: an enumeration may have at most 10000 values"});
  // Two facts of one enumeration share its words: a subject naming one is ambiguous.
  const auto ambiguous = compile_sources({{"schema.rules", schema()},
                                          {"tiers.rules", "city 500000 { spatial-layout { X: ban new projects; } }"}});
  REQUIRE_FALSE(ambiguous.diagnostics.empty());
  CHECK(ambiguous.diagnostics.front().code == "check.ambiguous-adjective");
}
