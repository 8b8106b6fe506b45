// The national and provincial tiers and scopes by region (issue #15,
// feature 4): `nation "全国" { … }`, `province 510000 { … }`, `in districts
// [...]`, `in cities [...]`, `in provinces [...]`, `not in … [...]`
// (`不在 区县 [...]`); linked, judged, formatted, checked, snapshotted and
// audited.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "support/eval_helpers.hpp"
#include "support/format_helpers.hpp"
#include "support/parse_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// One clause of the Yangtze law written once for the provinces it names,
// a provincial rule, a city rule for the districts outside its centre, and
// exclusions by unit and by city.
const char* const kTiers = R"(
nation "全国" {
  spatial-layout {
    YZ-1: ban new chemical projects in provinces [500000, 510000];
    NT-1: require new projects to have low-voc;
    NT-2: ban new two-high projects not in cities [500100];
  }
}
province 510000 "四川省" {
  spatial-layout { SC-1: ban expansion projects; }
}
city 500000 "重庆市" {
  spatial-layout {
    CQ-1: ban new projects not in districts [500103, 500104] where capacity > 10 t/a;
    CQ-2: ban rebuild projects in districts [500103] and not in units [ZH50010320001];
  }
}
district 500103 {
  spatial-layout { D-1: allow projects; }
}
)";

std::vector<std::string> violated(const Ruleset& rs, const std::string& facts, const std::string& unit) {
  const Decision d = decide(rs, "{" + facts + R"(, "units": [")" + unit + R"("]})");
  return d.violated;
}

}  // namespace

TEST_CASE("nation and province tiers: linked widest first, and each holds in its own territory") {
  const auto rs = ruleset_with(kTiers);
  std::map<std::string, std::pair<std::string, std::string>> parent;  // level code -> parent level, code
  for (const TierInfo& t : rs->tiers()) {
    parent[std::string(name_of(t.level)) + " " + t.code] = {t.parent_level ? std::string(name_of(*t.parent_level)) : "",
                                                             t.parent};
  }
  CHECK(parent["nation "] == std::pair<std::string, std::string>{"", ""});
  CHECK(parent["province 510000"] == std::pair<std::string, std::string>{"nation", ""});
  CHECK(parent["city 500000"] == std::pair<std::string, std::string>{"nation", ""});  // no province 500000 here
  CHECK(parent["district 500103"] == std::pair<std::string, std::string>{"city", "500000"});

  const std::string chem = R"("industry": "C2614", "nature": "new", "low-voc": true)";
  CHECK(violated(*rs, chem, "ZH50010530001") == std::vector<std::string>{"YZ-1"});          // 重庆 500105, in city 500100
  CHECK(violated(*rs, chem, "ZH51010430001") == std::vector<std::string>{"NT-2", "YZ-1"});  // 四川 成都
  CHECK(violated(*rs, chem, "ZH32010430001") == std::vector<std::string>{"NT-2"});          // 江苏: not named
  // The nation's requirement holds everywhere, the province's only in 四川.
  const std::string plain = R"("industry": "C1311", "nature": "expansion", "low-voc": false)";
  CHECK(violated(*rs, plain, "ZH32010430001").empty());
  CHECK(violated(*rs, plain, "ZH51010430001") == std::vector<std::string>{"SC-1"});
  const std::string unclean = R"("industry": "C1311", "nature": "new", "low-voc": false)";
  CHECK(violated(*rs, unclean, "ZH32010430001") == std::vector<std::string>{"NT-1"});
}

TEST_CASE("scopes by region: districts, cities and provinces, their negations, and units excluded") {
  const auto rs = ruleset_with(kTiers);
  const std::string cement = R"("industry": "C3011", "nature": "new", "low-voc": true)";
  CHECK(violated(*rs, cement, "ZH50010530001").empty());                             // 500105 lies in city 500100
  CHECK(violated(*rs, cement, "ZH50020130001") == std::vector<std::string>{"NT-2"}); // 500201 does not
  const std::string big = R"("industry": "C1311", "nature": "new", "low-voc": true, "capacity": 20)";
  CHECK(violated(*rs, big, "ZH50010330001").empty());                                // 500103 excluded
  CHECK(violated(*rs, big, "ZH50010530001") == std::vector<std::string>{"CQ-1"});
  const std::string rebuild = R"("industry": "C1311", "nature": "rebuild", "low-voc": true)";
  CHECK(violated(*rs, rebuild, "ZH50010330001") == std::vector<std::string>{"CQ-2"});
  CHECK(violated(*rs, rebuild, "ZH50010320001").empty());                            // that unit excluded
  CHECK(violated(*rs, rebuild, "ZH50010530001").empty());                            // another district
  // The trace names the scope as written.
  const Decision d = decide(*rs, "{" + big + R"(, "units": ["ZH50010530001"]})");
  const Finding* f = finding(d, "CQ-1");
  REQUIRE(f != nullptr);
  CHECK(f->tier == TierLevel::city);
  const Decision national = decide(*rs, "{" + cement + R"(, "units": ["ZH50020130001"]})");
  const Finding* n = finding(national, "NT-2");
  REQUIRE(n != nullptr);
  CHECK(n->tier == TierLevel::nation);
  CHECK(n->tier_code.empty());
}

TEST_CASE("nation, province and region scopes: fmt in both keyword sets, the same tree on both parser paths") {
  const std::string text = kTiers;
  const BothWays printed = formatted_both_ways(text);
  CHECK(printed.zh.find("全国 \"全国\" {") != std::string::npos);
  CHECK(printed.zh.find("省级 510000 \"四川省\" {") != std::string::npos);
  CHECK(printed.zh.find("在 省级 [500000, 510000]") != std::string::npos);
  CHECK(printed.zh.find("不在 市级 [500100]") != std::string::npos);
  CHECK(printed.zh.find("在 区县 [500103] 且 不在 单元 [ZH50010320001]") != std::string::npos);
  CHECK(printed.en.find("not in districts [500103, 500104]") != std::string::npos);
  // The Chinese text means the same: the same verdicts.
  const auto rs = ruleset_with(printed.zh);
  const std::string big = R"("industry": "C1311", "nature": "new", "low-voc": true, "capacity": 20)";
  CHECK(violated(*rs, big, "ZH50010530001") == std::vector<std::string>{"CQ-1"});
  // Singular words are read too (`in district [...]`), and a layer may be called `districts`.
  const auto singular = ruleset_with("city 500000 { spatial-layout { S: ban projects in district [500105]; } }");
  CHECK(violated(*singular, R"("industry": "C1311")", "ZH50010530001") == std::vector<std::string>{"S"});
  CHECK(check_codes("layer districts from \"maps/shore.geojson\";\n"
                    "city 500000 { spatial-layout { L: ban projects within 1 km of districts; } }")
            .empty());
  for (const std::string& source : {text, printed.zh}) {
    const ParsedPair p = parse_both_paths(source);
    CHECK(p.fast_answered);
    CHECK(p.same_tree);
  }
}

TEST_CASE("nation, province and region scopes: every misuse is reported where it is") {
  CHECK(check_codes("nation 100000 { spatial-layout { A: ban projects; } }") ==
        std::vector<std::string>{"1:8 syntax.tier-code"});
  CHECK(check_codes("city { spatial-layout { A: ban projects; } }") == std::vector<std::string>{"1:1 syntax.tier-code"});
  CHECK(check_codes("province 510100 { spatial-layout { A: ban projects; } }") ==
        std::vector<std::string>{"1:10 syntax.province-code"});
  CHECK(check_codes("city 500000 { spatial-layout { A: ban projects in districts [5001]; } }") ==
        std::vector<std::string>{"1:62 syntax.district-code"});
  CHECK(check_codes("city 500000 { spatial-layout { A: ban projects not in provinces [510100]; } }") ==
        std::vector<std::string>{"1:66 syntax.province-code"});
  // A region outside the tier: listed, the rule never applies; excluded, nothing changes.
  CHECK(check_codes("city 500000 { spatial-layout { A: ban projects in districts [510104]; } }") ==
        std::vector<std::string>{"1:48 check.empty-scope", "1:62 check.region-outside-tier"});
  CHECK(check_codes("city 500000 { spatial-layout { A: ban projects not in cities [510100]; } }") ==
        std::vector<std::string>{"1:63 check.region-outside-tier"});
  CHECK(check_messages("city 500000 { spatial-layout { A: ban projects not in cities [510100]; } }")
            .find("city 510100 lies outside city 500000; excluding it changes nothing") != std::string::npos);
}

TEST_CASE("nation, province and region scopes: a snapshot keeps them") {
  const auto rs = ruleset_with(kTiers);
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  const std::string big = R"("industry": "C1311", "nature": "new", "low-voc": true, "capacity": 20)";
  for (const std::string unit : {"ZH50010330001", "ZH50010530001", "ZH51010430001", "ZH32010430001"}) {
    CHECK(violated(**loaded, big, unit) == violated(*rs, big, unit));
  }
  const std::string rebuild = R"("industry": "C1311", "nature": "rebuild", "low-voc": true)";
  CHECK(violated(**loaded, rebuild, "ZH50010320001").empty());
  CHECK(violated(**loaded, rebuild, "ZH50010330001") == std::vector<std::string>{"CQ-2"});
}

TEST_CASE("nation, province and region scopes: the auditor knows where each rule applies") {
  const auto rs = ruleset_with(R"(
nation "全国" {
  spatial-layout {
    A: ban new chemical projects in districts [500105, 500106] cite "c";
    B: ban new chemical projects in cities [500100] and not in districts [500105] cite "c";
    C: ban new chemical projects in districts [500106] cite "c";
    E: allow chemical projects in provinces [510000] cite "c";
  }
}
district 500106 {
  spatial-layout { D: allow new chemical projects cite "c"; }
}
)");
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const AuditResult r = audit(*rs, options);
  std::vector<std::string> found;
  for (const AuditFinding& f : r.findings) {
    std::string ids;
    for (const AuditRule& rule : f.rules) ids += " " + rule.id;
    found.push_back(std::string(name_of(f.kind)) + ids);
  }
  std::sort(found.begin(), found.end());
  std::string all;
  for (const std::string& f : found) all += f + "; ";
  INFO(all);
  // C adds nothing to A (nor to B); B reaches where A does not, and A where B does not.
  CHECK(std::count(found.begin(), found.end(), "redundant B C") == 1);
  CHECK(std::count(found.begin(), found.end(), "redundant A C") + std::count(found.begin(), found.end(), "redundant C A") == 1);
  CHECK(std::none_of(found.begin(), found.end(), [](const std::string& s) { return s == "redundant A B" || s == "redundant B A"; }));
  // D allows in 500106 what the nation bans there; E allows only in 四川, where no ban holds.
  CHECK(std::any_of(found.begin(), found.end(), [](const std::string& s) { return s.starts_with("contradiction") && s.find('D') != std::string::npos; }));
  CHECK(std::none_of(found.begin(), found.end(), [](const std::string& s) { return s.find(" E") != std::string::npos; }));
}
