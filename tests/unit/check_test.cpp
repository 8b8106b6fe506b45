// The checker: every problem is a located diagnostic with a stable code.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::string tier(const std::string& rules) { return "city 500000 {\n  spatial-layout {\n" + rules + "\n  }\n}\n"; }

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += c + "; ";
  return out;
}

bool contains(const std::vector<std::string>& codes, const std::string& expected) {
  return std::find(codes.begin(), codes.end(), expected) != codes.end();
}

}  // namespace

// Whether the diagnostics of `text` include `expected` ("line:col code"); shows them all when not.
#define CHECK_HAS(codes_expr, expected)      \
  do {                                       \
    const auto codes_ = (codes_expr);        \
    INFO("diagnostics: ", joined(codes_));   \
    CHECK(contains(codes_, expected));       \
  } while (false)

namespace {

}  // namespace

TEST_CASE("the bundled example and the spec fixtures check clean") {
  CHECK(compile_directory(ZHUNRU_SOURCE_DIR "/rules/examples").ok());
  CHECK(compile_directory(ZHUNRU_FIXTURES "/spec").ok());
  CHECK(compile_directory(ZHUNRU_FIXTURES "/zh").ok());
  CHECK(compile_directory(ZHUNRU_FIXTURES "/zh-all").ok());
}

TEST_CASE("unknown names, with suggestions") {
  CHECK_HAS(check_codes(tier("    X: ban projects where capacty > 1 t/a;")), "3:27 check.unknown-name");
  CHECK(check_messages(tier("    X: ban projects where capacty > 1 t/a;")).find("did you mean `capacity`?") !=
        std::string::npos);
  CHECK_HAS(check_codes(tier("    X: ban chemcial projects;")), "3:12 check.unknown-adjective");
  CHECK(check_messages(tier("    X: ban projects where is chemcal;")).find("did you mean `chemical`") !=
        std::string::npos);
  CHECK_HAS(check_codes(tier("    X: ban projects within 1 km of shores;")), "3:36 check.unknown-name");
}

TEST_CASE("types: enums compare with their values, only numbers and dates are ordered") {
  CHECK(check_codes(tier("    X: ban projects where grade = A and nature != 新建;")).empty());
  CHECK_HAS(check_codes(tier("    X: ban projects where grade = E;")), "3:35 check.unknown-value");
  CHECK_HAS(check_codes(tier("    X: ban projects where grade < B;")), "3:27 check.order-on-non-number");
  CHECK_HAS(check_codes(tier("    X: ban projects where industry > C26;")), "3:27 check.order-on-non-number");
  CHECK_HAS(check_codes(tier("    X: ban projects where industry in [C2];")), "3:40 check.industry-code");
  CHECK_HAS(check_codes(tier("    X: ban projects where note = 淘汰;")), "3:27 check.type-mismatch");
  CHECK_HAS(check_codes(tier("    X: ban projects where capacity;")), "3:27 check.not-a-condition");
  CHECK_HAS(check_codes(tier("    X: ban projects where chemical;")), "3:27 check.kind-needs-is");
  CHECK_HAS(check_codes(tier("    X: ban projects where new;")), "3:27 check.value-alone");
  CHECK_HAS(check_codes(tier("    X: ban projects where shore;")), "3:27 check.layer-needs-site");
}

TEST_CASE("units: comparing incompatible dimensions, or a bare number with a quantity, is an error") {
  CHECK(check_codes(tier("    X: ban projects where capacity > 3万 吨/年 and voc * 2 < capacity;")).empty());
  CHECK_HAS(check_codes(tier("    X: ban projects where capacity > 1 km;")), "3:27 check.dimension-mismatch");
  CHECK_HAS(check_codes(tier("    X: ban projects where capacity > 10;")), "3:38 check.missing-unit");
  CHECK(check_messages(tier("    X: ban projects where capacity > 10;")).find("write the unit, e.g. `… t/a`") !=
        std::string::npos);
  // A share: its canonical unit is 1, but the author writes `%` (issue #17).
  const std::string share = check_messages("fact share : quantity % \"占比\";\n" + tier("    X: ban projects where share > 30;"));
  CHECK(share.find("check.missing-unit: this number has no unit, but it is compared with a share (%, ‰) | write it as a share: `30%`") !=
        std::string::npos);
  CHECK_HAS(check_codes(tier("    X: limit capacity to 5 km for projects;")), "3:14 check.dimension-mismatch");
  CHECK_HAS(check_codes(tier("    X: limit grade to 5 t/a for projects;")), "3:14 check.limit-fact");
  CHECK_HAS(check_codes(tier("    X: ban projects where opened < 2020-01-01 + 1;")), "3:36 check.date-arithmetic");
}

TEST_CASE("adjectives: a kind or an enum value — one naming two things is an error") {
  const std::string twice = "fact stage : one of { new, old };\n" + tier("    X: ban new projects;");
  CHECK_HAS(check_codes(twice), "4:12 check.ambiguous-adjective");
  CHECK_HAS(check_codes(tier("    X: ban capacity projects;")), "3:12 check.not-an-adjective");
}

TEST_CASE("kinds may use kinds — cycles are errors") {
  CHECK(check_codes("kind a = is b;\nkind b = is chemical;\n").empty());
  const auto codes = check_codes("kind a = is b;\nkind b = is c or is chemical;\nkind c = is a;\n");
  CHECK(codes == std::vector<std::string>{"1:6 check.kind-cycle"});
  CHECK(check_messages("kind a = is a;\n").find("a → a") != std::string::npos);
}

TEST_CASE("declarations: duplicates and reserved names") {
  CHECK_HAS(check_codes("fact capacity : number;\n"), "1:6 check.duplicate-name");
  CHECK_HAS(check_codes("kind capacity = is chemical;\n"), "1:6 check.duplicate-name");
  CHECK_HAS(check_codes("fact project : bool;\n"), "1:6 check.reserved-name");
  CHECK_HAS(check_codes("ruleset \"again\";\n"), "1:1 check.duplicate-ruleset");
  CHECK_HAS(check_codes("fact f : one of { a \"x\", b \"x\" };\n"), "1:26 check.duplicate-value");
}

TEST_CASE("declarations: a fact's label leads a project file's key to one fact only") {
  CHECK(check_codes("fact f1 : bool \"f1\";\nfact f2 : bool \"乙\";\n").empty());
  CHECK_HAS(check_codes("fact f1 : bool \"capacity\";\n"), "1:16 check.label-taken");
  CHECK_HAS(check_codes("fact f1 : bool \"site\";\n"), "1:16 check.label-taken");
  const auto twice = check_codes("fact f1 : bool \"甲\";\nfact f2 : number \"甲\";\n");
  CHECK(twice == std::vector<std::string>{"2:18 check.label-taken"});
  CHECK(check_messages("fact f1 : bool \"甲\";\nfact f2 : number \"甲\";\n").find("the same label") != std::string::npos);
}

TEST_CASE("rule ids: unique — generated ones are stable — strict mode requires them") {
  CHECK_HAS(check_codes(tier("    X: ban projects;\n    X: ban chemical projects;")), "4:5 check.duplicate-id");
  const std::string unnamed = tier("    ban chemical projects;\n    ban chemical projects;");
  CHECK(check_codes(unnamed).empty());
  CHECK(check_codes(unnamed, true) ==
        std::vector<std::string>{"3:5 check.missing-id", "4:5 check.missing-id"});
  const auto a = compile_ok(schema_and({{"t.rules", unnamed}}));
  const auto b = compile_ok(schema_and({{"t.rules", "# moved and reformatted\n" + tier("ban   chemical\n projects;\nban chemical projects;")}}));
  const Decision da = decide(*a, R"({"industry": "C26", "units": ["ZH50010320001"]})");
  const Decision db = decide(*b, R"({"industry": "C26", "units": ["ZH50010320001"]})");
  REQUIRE(da.findings.size() == 2);
  CHECK(da.findings[0].rule.starts_with("500000-SL-"));
  CHECK(da.findings[0].rule.size() == std::string("500000-SL-").size() + 6);
  CHECK(da.findings[1].rule == da.findings[0].rule + "-2");
  CHECK(da.findings[0].rule == db.findings[0].rule);
}

TEST_CASE("tiers: districts within their city, units within their district") {
  CHECK(check_codes("city 500000 { }\ndistrict 500103 { }\nunit ZH50010320001 { }\n").empty());
  CHECK_HAS(check_codes("city 500000 { }\ndistrict 320102 { }\n"), "2:10 check.tier-outside");
  CHECK_HAS(check_codes("city 500000 \"重庆市\" { }\ncity 500000 \"別名\" { }\n"), "2:13 check.tier-name");
  CHECK_HAS(check_codes("city 500000 { spatial-layout { X: ban projects in units [ZH32010220001]; } }\n"),
            "1:58 check.unit-outside-tier");
}

TEST_CASE("metadata: weights are positive, effective periods run forwards") {
  CHECK_HAS(check_codes(tier("    X: ban projects weight 0;")), "3:28 check.weight");
  CHECK_HAS(check_codes(tier("    X: ban projects effective 2025-01-01 until 2024-01-01;")), "3:48 syntax.effective-range");
}

TEST_CASE("checking stops at syntax errors instead of cascading") {
  const CompileResult r = compile_sources({{"a.rules", "fact x : bool"}, {"b.rules", "kind k = x;"}});
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.file == "a.rules");
  CHECK_FALSE(r.ok());
}

TEST_CASE("messages are in English and Chinese") {
  const CompileResult r =
      compile_sources(schema_and({{"t.rules", tier("    X: ban projects where capacity > 1 km;")}}));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.en.find("mass rate") != std::string::npos);
  CHECK(r.diagnostics[0].message.zh.find("量纲不一致") != std::string::npos);
  CHECK(r.render(Lang::zh).find("t.rules:3:27: 错误") != std::string::npos);
}

TEST_CASE("regressions: scopes that no unit satisfies warn, and never apply") {
  CHECK_HAS(check_codes(tier("    X: ban projects in priority units and in key units;")), "3:43 check.empty-scope");
  const auto rs = ruleset_with(tier(R"(    X: ban projects in priority units and in key units;
    Y: ban projects in units [ZH50010320001] and in units [ZH50010320002];)"));
  const Decision d = decide(*rs, R"({"units": ["ZH50010320001", "ZH50010310002", "ZH50010330003"]})");
  CHECK(d.verdict == Verdict::admit);
}

TEST_CASE("regressions: deep or branching chains of kinds neither hang nor crash") {
  std::string branching;
  for (int i = 0; i < 40; ++i) {
    branching += "kind k" + std::to_string(i) + " = is k" + std::to_string(i + 1) + " or is k" + std::to_string(i + 1) + ";\n";
  }
  branching += "kind k40 = industry in [C26];\n" + tier("    X: ban k0 projects;");
  CHECK(check_codes(branching).empty());
  std::string chain;
  for (int i = 0; i < 20000; ++i) chain += "kind c" + std::to_string(i) + " = is c" + std::to_string(i + 1) + ";\n";
  chain += "kind c20000 = industry in [C26];\n";
  const auto codes = check_codes(chain);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0].ends_with("check.kind-depth"));
}

TEST_CASE("regressions: a city needs a territory — `not` before a comparison gets a hint — constant division by zero") {
  CHECK_HAS(check_codes("city 000000 { spatial-layout { N: ban projects; } }\n"), "1:6 check.city-code");
  CHECK(check_codes(tier("    X: ban projects where not grade = A;")) ==
        std::vector<std::string>{"3:27 check.not-precedence"});
  CHECK(check_messages(tier("    X: ban projects where not industry in [C26];")).find("not (catalogue = eliminated)") !=
        std::string::npos);
  CHECK_HAS(check_codes(tier("    X: ban projects where capacity > 5 t/a / 0;")), "3:46 check.divide-by-zero");
  CHECK(check_codes(tier("    X: ban projects where not (grade = A);")).empty());
}

TEST_CASE("regressions: duplicate ids are reported even when a rule has other errors") {
  const auto codes = check_codes(tier("    D: ban chemcal projects;\n    D: ban two-high projects;"));
  CHECK_HAS(codes, "3:12 check.unknown-adjective");
  CHECK_HAS(codes, "4:5 check.duplicate-id");
}

TEST_CASE("regressions: an enum value that is also a fact's name — self-comparison — huge weights") {
  // `upgrade` is a fact here and not a value of nature: a type mismatch, not a silent comparison.
  CHECK(check_codes("fact upgrade : bool;\n" + tier("    X: ban projects where grade = A and nature != upgrade;")) ==
        std::vector<std::string>{"4:41 check.type-mismatch"});
  CHECK(check_codes("fact rebuild : bool;\n" + tier("    X: ban projects where nature = rebuild;")).empty());
  const auto rs = ruleset_with(tier("    X: ban projects where nature = nature;"));
  CHECK(decide(*rs, R"({"units": ["ZH50010320001"]})").verdict == Verdict::incomplete);
  CHECK_HAS(check_codes(tier("    X: ban projects weight 10000000;")), "3:28 check.weight");
}

// Files are parsed on all cores (compile.cpp, parse_all): what comes out must
// not depend on which thread parsed which file, nor on timing.
TEST_CASE("many files: the same rules, hash and diagnostics, in file order, however the parse is scheduled") {
  const SourceText schema{"r/schema.rules", "ruleset \"并行\" version \"1\" effective 2024-01-01;\n"
                                            "fact capacity : quantity t/a;\nfact nature : one of { new, rebuild };\n"};
  std::vector<SourceText> clean{schema};
  std::vector<SourceText> broken{schema};
  for (int f = 0; f < 40; ++f) {
    std::string text = "district " + std::to_string(500101 + f) + " {\n  spatial-layout {\n";
    for (int r = 0; r < 50; ++r) {
      text += "    D" + std::to_string(f) + "-" + std::to_string(r) + ": ban new projects where capacity > " +
              std::to_string(r + 1) + " t/a;\n";
    }
    const std::string path = "r/district-" + std::to_string(100 + f) + ".rules";
    clean.push_back({path, text + "  }\n}\n"});
    const std::string bad = f % 7 == 3 ? "    D" + std::to_string(f) + "-bad: ban projects where capacity >> 1 t/a;\n" : "";
    broken.push_back({path, text + bad + "  }\n}\n"});
  }
  const CompileResult first_clean = compile_sources(clean);
  REQUIRE(first_clean.ok());
  CHECK(first_clean.ruleset->rule_count() == 40 * 50);
  const CompileResult first_broken = compile_sources(broken);
  REQUIRE_FALSE(first_broken.ok());
  const std::string rendered = first_broken.render(Lang::en);
  // One error per broken file, reported in the order of the files.
  std::vector<std::size_t> at;
  for (int f = 3; f < 40; f += 7) at.push_back(rendered.find("district-" + std::to_string(100 + f) + ".rules"));
  CHECK(std::find(at.begin(), at.end(), std::string::npos) == at.end());
  CHECK(std::is_sorted(at.begin(), at.end()));
  for (int run = 0; run < 5; ++run) {
    CHECK(compile_sources(broken).render(Lang::en) == rendered);
    CHECK(compile_sources(clean).ruleset->hash() == first_clean.ruleset->hash());
  }
}

TEST_CASE("every error in one run: files are checked after another has syntax errors, without echoes of them") {
  // schema.rules loses `capacity` to a syntax error; tiers.rules misspells another fact and uses capacity.
  const zhunru::CompileResult r = zhunru::compile_sources(
      {{"r/schema.rules", "fact nature : one of { new, expansion };\nfact capacity ; quantity t/a;\nfact grade : one of { A, B };\n"},
       {"r/tiers.rules", "city 500000 {\n  spatial-layout {\n    R1: ban new projects where capacity > 3 t/a;\n"
                         "    R2: ban new projects where grde = A;\n  }\n}\n"}});
  CHECK(r.ruleset == nullptr);
  std::vector<std::string> codes;
  std::string messages;
  for (const zhunru::Diagnostic& d : r.diagnostics) {
    codes.push_back(d.location.file + ":" + std::to_string(d.location.line) + " " + d.code);
    messages += d.message.en + " | " + d.help.en + "\n";
  }
  INFO(joined(codes));
  // The syntax error, and the misspelt name in the other file with its suggestion — not `capacity`,
  // which the broken line may declare.
  CHECK(messages.find("`grde` is not declared | did you mean `grade`?") != std::string::npos);
  CHECK(std::none_of(codes.begin(), codes.end(), [](const std::string& c) { return c.starts_with("r/tiers.rules:3"); }));
  CHECK(std::any_of(codes.begin(), codes.end(), [](const std::string& c) { return c.starts_with("r/schema.rules:2 syntax."); }));
}
