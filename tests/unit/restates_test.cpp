// `restates ID` (`重申 ID`, issue #15, feature 4: shared clauses): a lower
// tier's rule that repeats a clause of an upper tier is one clause with it —
// answers name it under the clause, the auditor checks the two agree.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/eval_helpers.hpp"
#include "support/format_helpers.hpp"
#include "support/parse_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::string tiers(const std::string& province_rules) {
  return R"R(
nation "全国" {
  spatial-layout {
    N-1: ban new chemical projects in provinces [510000, 500000] unless low-voc cite "guide (1)";
    N-2: require new projects to have grade = A cite "guide (2)";
  }
}
province 510000 "四川省" {
  spatial-layout {
)R" + province_rules + R"R(
  }
}
)R";
}

const char* const kFaithful = R"(
    SC-1: ban new chemical projects unless low-voc restates N-1 cite "细则 第七条";
    SC-2: require new projects to have grade = A restates N-2 cite "细则 第八条";
)";

std::vector<std::string> audit_summary(const Ruleset& rs) {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  std::vector<std::string> out;
  for (const AuditFinding& f : audit(rs, options).findings) {
    std::string line(name_of(f.kind));
    for (const AuditRule& r : f.rules) line += " " + r.id;
    line += f.witness ? " (witness)" : " (no witness)";
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("restates: both rules are judged, and the answer names the restatement under the clause") {
  const auto rs = ruleset_with(tiers(kFaithful));
  const Decision d = decide(*rs, R"({"industry": "C2614", "nature": "new", "low-voc": false, "grade": "B",
                                      "units": ["ZH51010430001"]})");
  CHECK(d.violated == std::vector<std::string>{"N-1", "N-2", "SC-1", "SC-2"});
  const Finding* sc = finding(d, "SC-1");
  REQUIRE(sc != nullptr);
  CHECK(sc->restates == "N-1");
  const Finding* n = finding(d, "N-1");
  REQUIRE(n != nullptr);
  CHECK(n->restates.empty());
  const std::string en = to_text(d, Lang::en);
  INFO(en);
  CHECK(en.find("✗ N-1 (nation, spatial-layout)") != std::string::npos);
  CHECK(en.find("restated by SC-1 (the same clause)") != std::string::npos);
  CHECK(en.find("✗ SC-1") == std::string::npos);  // one clause, one demand
  CHECK(en.find("restates: N-1") != std::string::npos);
  CHECK(to_text(d, Lang::zh).find("下级重申：SC-1（同一条款）") != std::string::npos);
  CHECK(to_json(d).find(R"("restates": "N-1")") != std::string::npos);
  // Where only the restatement is violated (N-1 is not, in another province), it is a demand of its own.
  const auto alone = ruleset_with(tiers("    SC-3: ban new chemical projects restates N-1 cite \"x\";"));
  const Decision d2 = decide(*alone, R"({"industry": "C2614", "nature": "new", "low-voc": true, "grade": "A",
                                         "units": ["ZH51010430001"]})");
  CHECK(d2.violated == std::vector<std::string>{"SC-3"});
  CHECK(to_text(d2, Lang::en).find("✗ SC-3") != std::string::npos);
}

TEST_CASE("restates: the rule named must exist, lie in a tier above and have the same form") {
  CHECK(check_codes(tiers("    SC-1: ban new chemical projects restates N-3 cite \"x\";")) ==
        std::vector<std::string>{"10:46 check.unknown-rule"});
  CHECK(check_messages(tiers("    SC-1: ban new chemical projects restates N-11 cite \"x\";"))
            .find("no rule `N-11` in this ruleset to restate | did you mean `N-1`?") != std::string::npos);
  CHECK(check_codes(tiers("    SC-1: ban new chemical projects restates SC-2 cite \"x\";\n"
                          "    SC-2: ban new chemical projects cite \"x\";")) ==
        std::vector<std::string>{"10:46 check.restates-tier"});
  CHECK(check_codes(tiers("    SC-1: require new projects to have low-voc restates N-1 cite \"x\";")) ==
        std::vector<std::string>{"10:57 check.restates-form"});
  CHECK(check_codes(tiers("    SC-1: ban new chemical projects restates N-1 restates N-1 cite \"x\";")) ==
        std::vector<std::string>{"10:50 syntax.repeated-metadata"});
  // The upper rule cannot restate the lower.
  const std::string upward = R"(
nation { spatial-layout { N-9: ban new projects restates SC-9; } }
province 510000 { spatial-layout { SC-9: ban new projects; } }
)";
  CHECK(check_codes(upward) == std::vector<std::string>{"2:58 check.restates-tier"});
}

TEST_CASE("restates: fmt in both keyword sets, the same tree on both parser paths, kept in a snapshot") {
  const std::string text = tiers(kFaithful);
  const BothWays printed = formatted_both_ways(text);
  CHECK(printed.zh.find("重申 N-1") != std::string::npos);
  CHECK(printed.en.find("\n        restates N-1\n") != std::string::npos);
  for (const std::string& source : {text, printed.zh}) {
    const ParsedPair p = parse_both_paths(source);
    CHECK(p.fast_answered);
    CHECK(p.same_tree);
  }
  // `restates` is still a name where a name is wanted.
  CHECK(check_codes("fact restates : bool;\ncity 500000 { spatial-layout { R: ban projects where restates; } }").empty());
  const auto rs = ruleset_with(text);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  const Decision d = decide(**loaded, R"({"industry": "C2614", "nature": "new", "low-voc": false, "grade": "A",
                                          "units": ["ZH51010430001"]})");
  const Finding* sc = finding(d, "SC-1");
  REQUIRE(sc != nullptr);
  CHECK(sc->restates == "N-1");
}

TEST_CASE("restates: the auditor treats the two as one clause and checks that they agree") {
  // Faithful: nothing to report (not `redundant`, as two equal bans of two tiers would be).
  CHECK(audit_summary(*ruleset_with(tiers(kFaithful))).empty());
  const std::string copies = R"(
    SC-1: ban new chemical projects unless low-voc cite "x";
)";
  CHECK(audit_summary(*ruleset_with(tiers(copies))) == std::vector<std::string>{"redundant N-1 SC-1 (witness)"});
  // Looser: a wider exception lets through what the clause stops; an error, with a witness eval reproduces.
  const std::string looser = R"(
    SC-1: ban new chemical projects unless low-voc or grade = A restates N-1 cite "x";
)";
  CHECK(audit_summary(*ruleset_with(tiers(looser))) ==
        std::vector<std::string>{"restatement-looser N-1 SC-1 (witness)"});
  // Stricter: it stops what the clause lets through.
  const std::string stricter = R"(
    SC-2: require new projects to have grade = A and low-voc restates N-2 cite "x";
)";
  CHECK(audit_summary(*ruleset_with(tiers(stricter))) ==
        std::vector<std::string>{"restatement-stricter SC-2 N-2 (witness)"});
}
