// `overlapping L [by at least Q]` and `not overlapping L` (issue #15, feature
// 2): some of the site lies in the layer's interior — a shared edge is not
// enough — for points, lines and polygons; with a least share or area; in
// both keyword sets; checked, formatted, snapshotted and audited.
#include <doctest/doctest.h>

#include "support/spatial_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// Farmland: two plots side by side sharing the edge x = 106.52, inside unit
// A (106.50–106.55 × 29.50–29.55, priority, 渝中区); a point layer beside.
const std::string kFarmland =
    collection({plain_feature(rect(106.51, 29.51, 106.52, 29.52)), plain_feature(rect(106.52, 29.51, 106.53, 29.52))});
const std::string kWells = collection({plain_feature(R"({"type": "Point", "coordinates": [106.515, 29.515]})")});

const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    O1: ban projects overlapping farmland;
    O2: ban projects overlapping farmland by at least 20 %;
    O3: ban projects overlapping farmland by at least 26 ha;
    O4: encourage projects not overlapping farmland;
    O5: ban projects where site overlaps farmland by at least 30 %;
    T1: ban projects within 0 m of farmland;
  }
}
)";

std::vector<SourceText> farm_sources(const std::string& tiers) {
  auto sources = spatial_sources(tiers);
  sources[0].text += "layer farmland \"永久基本农田\" from \"maps/farmland.geojson\";\n"
                     "layer wells from \"maps/wells.geojson\";\n";
  sources.push_back({"maps/farmland.geojson", kFarmland});
  sources.push_back({"maps/wells.geojson", kWells});
  return sources;
}

/// Each rule's status for a project with `site`, as "O1=violated O2=… ".
std::string judged(const Ruleset& rs, const std::string& site) {
  const Decision d = decide(rs, R"({"industry": "C2614", "site": )" + site + "}");
  std::string out;
  for (const char* id : {"O1", "O2", "O3", "O4", "O5", "T1"}) {
    const Finding* f = finding(d, id);
    out += std::string(id) + "=" + (f ? std::string(name_of(f->status)) : "n/a") + " ";
  }
  return out;
}

std::string line(double x0, double y0, double x1, double y1) {
  return fmt::format(R"({{"type": "LineString", "coordinates": [[{}, {}], [{}, {}]]}})", x0, y0, x1, y1);
}

}  // namespace

TEST_CASE("overlapping: a parcel sharing an edge with farmland does not overlap it (within 0 m says it touches)") {
  const auto rs = compile_ok(farm_sources(kTiers));
  CHECK(judged(*rs, rect(106.505, 29.51, 106.51, 29.52)) ==
        "O1=n/a O2=n/a O3=n/a O4=satisfied O5=n/a T1=violated ");
  // A corner only, likewise.
  CHECK(judged(*rs, rect(106.50, 29.50, 106.51, 29.51)).starts_with("O1=n/a"));
}

TEST_CASE("overlapping: a parcel a quarter in farmland, by share and by area") {
  const auto rs = compile_ok(farm_sources(kTiers));
  // 0.01° wide, 0.0025° of it in the western plot: 25 % of ≈ 107 ha, ≈ 26.8 ha.
  CHECK(judged(*rs, rect(106.5025, 29.51, 106.5125, 29.52)) ==
        "O1=violated O2=violated O3=violated O4=n/a O5=n/a T1=violated ");
  // 15 %, ≈ 16 ha: overlapping, but below the 20 % and the 26 ha.
  CHECK(judged(*rs, rect(106.5015, 29.51, 106.5115, 29.52)) ==
        "O1=violated O2=n/a O3=n/a O4=n/a O5=n/a T1=violated ");
  // Across both plots, over their shared edge: all of it (≈ 64 ha) lies in farmland.
  CHECK(judged(*rs, rect(106.515, 29.512, 106.525, 29.518)) ==
        "O1=violated O2=violated O3=violated O4=n/a O5=violated T1=violated ");
}

TEST_CASE("overlapping: lines — along the outer edge no, along the plots' shared edge yes, across by length") {
  const auto rs = compile_ok(farm_sources(kTiers));
  // Along the outer edge: on the farmland, not in it — by any share too (O2, O5).
  CHECK(judged(*rs, line(106.51, 29.512, 106.51, 29.518)) == "O1=n/a O2=n/a O3=n/a O4=satisfied O5=n/a T1=violated ");
  // 333 m along the outer edge, then 271 m across the plot: ≈ 45 % in.
  const std::string bent =
      R"({"type": "LineString", "coordinates": [[106.51, 29.512], [106.51, 29.515], [106.5128, 29.515]]})";
  CHECK(judged(*rs, bent) == "O1=violated O2=violated O3=n/a O4=n/a O5=violated T1=violated ");
  CHECK(judged(*rs, line(106.52, 29.512, 106.52, 29.518)).starts_with("O1=violated"));
  // Half its length in the western plot; a line has no area (O3).
  CHECK(judged(*rs, line(106.505, 29.515, 106.515, 29.515)) ==
        "O1=violated O2=violated O3=n/a O4=n/a O5=violated T1=violated ");
  CHECK(judged(*rs, line(106.50, 29.505, 106.505, 29.505)) ==
        "O1=n/a O2=n/a O3=n/a O4=satisfied O5=n/a T1=n/a ");
}

TEST_CASE("overlapping: points — inside, on the outer edge, on the edge two plots share, and shares of several") {
  const auto rs = compile_ok(farm_sources(kTiers));
  CHECK(judged(*rs, point(106.515, 29.515)).starts_with("O1=violated O2=violated O3=n/a"));
  CHECK(judged(*rs, point(106.51, 29.515)).starts_with("O1=n/a"));
  CHECK(judged(*rs, point(106.52, 29.515)).starts_with("O1=violated"));
  // One of four points in farmland: 25 %.
  const std::string four = R"({"type": "MultiPoint", "coordinates": [[106.515, 29.515], [106.505, 29.505], [106.506, 29.505], [106.507, 29.505]]})";
  CHECK(judged(*rs, four) == "O1=violated O2=violated O3=n/a O4=n/a O5=n/a T1=violated ");
}

TEST_CASE("overlapping: Chinese keywords, fmt both ways, and the meaning kept") {
  const std::string zh = R"(
市级 500000 {
  空间布局约束 {
    O1: 禁止 项目 占用 farmland；
    O2: 禁止 项目 占用 farmland 不低于 20 %；
    O3: 禁止 项目 占用 farmland 不低于 26 公顷；
    O4: 鼓励 项目 不占用 farmland；
    O5: 禁止 项目 当 选址 占用 farmland 不低于 30 %；
    T1: 禁止 项目 距 farmland 0 m 范围内；
  }
}
)";
  const auto zh_rs = compile_ok(farm_sources(zh));
  const auto en_rs = compile_ok(farm_sources(kTiers));
  for (const std::string& site : {rect(106.5025, 29.51, 106.5125, 29.52), rect(106.505, 29.51, 106.51, 29.52),
                                  line(106.505, 29.515, 106.515, 29.515)}) {
    CHECK(judged(*zh_rs, site) == judged(*en_rs, site));
  }
  const auto en = format_source({"tiers.rules", zh}, {Lang::en});
  REQUIRE(en.text);
  CHECK(en.text->find("O2: ban projects overlapping farmland by at least 20%") != std::string::npos);
  CHECK(en.text->find("O4: encourage projects not overlapping farmland") != std::string::npos);
  CHECK(en.text->find("where site overlaps farmland by at least 30%") != std::string::npos);
  const auto back = format_source({"tiers.rules", *en.text}, {Lang::zh});
  REQUIRE(back.text);
  CHECK(back.text->find("禁止 项目 占用 farmland 不低于 20%") != std::string::npos);
  CHECK(back.text->find("鼓励 项目 不占用 farmland") != std::string::npos);
  CHECK(back.text->find("当 选址 占用 farmland 不低于 30%") != std::string::npos);
  CHECK(judged(*compile_ok(farm_sources(*en.text)), rect(106.5025, 29.51, 106.5125, 29.52)) ==
        judged(*en_rs, rect(106.5025, 29.51, 106.5125, 29.52)));
}

TEST_CASE("overlapping: a least share or area that cannot be, and a layer with no areas, are errors with the reason") {
  const auto codes = [](const std::string& rule) {
    std::vector<std::string> out;
    for (const Diagnostic& d : compile_sources(farm_sources("city 500000 { spatial-layout { " + rule + " } }")).diagnostics) {
      if (d.severity == Severity::error) out.push_back(d.code + ": " + d.message.en);
    }
    return out;
  };
  CHECK(codes("X: ban projects overlapping farmland by at least 0 %;") ==
        std::vector<std::string>{"syntax.overlap-minimum: a share of the site must be above 0 % and at most 100 %"});
  CHECK(codes("X: ban projects overlapping farmland by at least 150 %;").size() == 1);
  CHECK(codes("X: ban projects overlapping farmland by at least 5 km;") ==
        std::vector<std::string>{"syntax.overlap-minimum: how much of the site must lie in the layer is a share (`10 %`) "
                                 "or an area (`1 ha`, `500 m2`), not a length"});
  CHECK(codes("X: ban projects overlapping farmland by at least 3;").front().find("not a plain number") !=
        std::string::npos);
  CHECK(codes("X: ban projects overlapping farmland by at least 3 亩;").empty());
  const auto no_areas = codes("X: ban projects overlapping wells;");
  REQUIRE(no_areas.size() == 1);
  CHECK(no_areas.front().starts_with("map.no-areas"));
  CHECK(codes("X: ban projects overlapping farmlnd;").front().starts_with("check.unknown-name"));
}

TEST_CASE("overlapping: a snapshot keeps the share, the area and the negation") {
  const auto rs = compile_ok(farm_sources(kTiers));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const std::string& site : {rect(106.5025, 29.51, 106.5125, 29.52), rect(106.5015, 29.51, 106.5115, 29.52),
                                  point(106.52, 29.515)}) {
    CHECK(judged(**loaded, site) == judged(*rs, site));
  }
}

TEST_CASE("overlapping: the auditor knows a larger share implies a smaller, and overlapping implies touching") {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const auto audit_of = [&](const std::string& tiers) {
    std::vector<std::string> out;
    for (const AuditFinding& f : audit(*compile_ok(farm_sources(tiers)), options).findings) {
      out.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
    }
    return out;
  };
  // Never applies: by at least 20 % but not overlapping at all; overlapping but farther than 0 m.
  CHECK(audit_of(R"(city 500000 { spatial-layout {
    D1: ban projects overlapping farmland by at least 20 % where not site overlaps farmland;
    D3: ban projects overlapping farmland by at least 1 ha where site not overlapping farmland; } })") ==
        std::vector<std::string>{"dead-rule D1", "dead-rule D3"});
  // Can apply: 10 % but not 20 %; touching but not overlapping.
  CHECK(audit_of(R"(city 500000 { spatial-layout {
    L1: ban projects overlapping farmland by at least 10 % where not site overlaps farmland by at least 20 %;
    L2: ban projects within 0 m of farmland where not site overlaps farmland; } })")
            .empty());
}

TEST_CASE("overlapping: a contradiction gets a witness site inside the layer, which the evaluator confirms") {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const auto rs = compile_ok(farm_sources(R"(
city 500000 { spatial-layout { C1: ban chemical projects overlapping farmland by at least 10 %; } }
district 500103 { spatial-layout { D1: encourage chemical projects not overlapping parks; } }
)"));
  const AuditResult r = audit(*rs, options);
  REQUIRE(r.findings.size() == 1);
  CHECK(name_of(r.findings[0].kind) == std::string_view("contradiction"));
  INFO(r.findings[0].witness_note.en);
  REQUIRE(r.findings[0].witness);
  const Decision d = decide(*rs, *r.findings[0].witness);
  REQUIRE(finding(d, "C1"));
  REQUIRE(finding(d, "D1"));
  CHECK(finding(d, "C1")->status == Status::violated);
  CHECK(finding(d, "D1")->status == Status::satisfied);
}
