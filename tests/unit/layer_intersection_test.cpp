// `layer X = A and B` (issue #15, feature 8): where layers meet, as a layer
// of its own — judged, formatted, checked, snapshotted and audited.
#include <doctest/doctest.h>

#include "support/spatial_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

// A reserve (106.51–106.53 × 29.51–29.53) and a shoreline belt running east
// to west across it (29.515–29.518); a plot that only shares the reserve's
// western edge; a line (a river) across the reserve.
const std::string kReserve = collection({plain_feature(rect(106.51, 29.51, 106.53, 29.53))});
const std::string kBelt = collection({plain_feature(rect(106.50, 29.515, 106.54, 29.518))});
const std::string kNeighbour = collection({plain_feature(rect(106.50, 29.51, 106.51, 29.53))});
const std::string kRiver =
    collection({plain_feature(R"({"type": "LineString", "coordinates": [[106.505, 29.52], [106.535, 29.52]]})")});

std::vector<SourceText> sources(const std::string& declarations, const std::string& tiers) {
  auto out = spatial_sources(tiers);
  out[0].text += "layer reserve \"保护区\" from \"maps/reserve.geojson\";\n"
                 "layer belt \"岸线带\" from \"maps/belt.geojson\";\n"
                 "layer neighbour from \"maps/neighbour.geojson\";\n"
                 "layer stream from \"maps/stream.geojson\";\n" +
                 declarations;
  out.push_back({"maps/reserve.geojson", kReserve});
  out.push_back({"maps/belt.geojson", kBelt});
  out.push_back({"maps/neighbour.geojson", kNeighbour});
  out.push_back({"maps/stream.geojson", kRiver});
  return out;
}

const char* const kShore = "layer reserve-shore \"保护区岸线段\" = reserve and belt;\n";
const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    S1: ban projects inside reserve-shore;
    S2: ban projects overlapping reserve-shore;
    S3: ban projects within 200 m of reserve-shore;
  }
}
)";

std::string judged(const Ruleset& rs, const std::string& site) {
  const Decision d = decide(rs, R"({"industry": "C2614", "site": )" + site + "}");
  std::string out;
  for (const char* id : {"S1", "S2", "S3"}) {
    const Finding* f = finding(d, id);
    out += std::string(id) + "=" + (f ? std::string(name_of(f->status)) : "n/a") + " ";
  }
  return out;
}

std::vector<std::string> diagnostics_of(const std::vector<SourceText>& s) {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(s).diagnostics) out.push_back(d.code + ": " + d.message.en);
  return out;
}

}  // namespace

TEST_CASE("layer intersection: only where both layers lie") {
  const auto rs = compile_ok(sources(kShore, kTiers));
  // In the reserve and on the belt.
  CHECK(judged(*rs, point(106.52, 29.516)) == "S1=violated S2=violated S3=violated ");
  // In the reserve, 222 m north of the belt; on the belt west of the reserve, 111 m from it.
  CHECK(judged(*rs, point(106.52, 29.52)) == "S1=n/a S2=n/a S3=n/a ");
  CHECK(judged(*rs, point(106.509, 29.516)) == "S1=n/a S2=n/a S3=violated ");
  // A parcel across the belt's edge inside the reserve: overlapping, not inside.
  CHECK(judged(*rs, rect(106.52, 29.517, 106.521, 29.519)) == "S1=n/a S2=violated S3=violated ");
}

TEST_CASE("layer intersection: an area and a line meet in the line's stretch, and areas sharing an edge meet nowhere") {
  auto s = sources("layer reserve-river = reserve and stream;\nlayer edge = reserve and neighbour;\n", R"(
city 500000 { spatial-layout { R1: ban projects within 100 m of reserve-river; } }
)");
  const auto diagnostics = diagnostics_of(s);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.front() == "map.empty-intersection: layer edge is empty: reserve ∩ neighbour have no area, length or point in common");
  const auto rs = compile_ok(s);
  const auto r1 = [&](double x, double y) {
    const Decision d = decide(*rs, R"({"industry": "C2614", "site": )" + point(x, y) + "}");
    const Finding* f = finding(d, "R1");
    return f ? std::string(name_of(f->status)) : "n/a";
  };
  CHECK(r1(106.52, 29.5205) == "violated");  // beside the river inside the reserve
  CHECK(r1(106.506, 29.5205) == "n/a");      // beside the river west of the reserve: ≈ 390 m from the stretch
  // A line layer has no inside.
  auto inside = sources("layer reserve-river = reserve and stream;\n",
                        "city 500000 { spatial-layout { R2: ban projects inside reserve-river; } }");
  CHECK(diagnostics_of(inside).front().starts_with("map.no-areas"));
}

TEST_CASE("layer intersection: Chinese keywords and fmt both ways") {
  const std::string zh = "图层 reserve-shore \"保护区岸线段\" = reserve 且 belt；\n";
  const auto en = format_source({"schema.rules", zh}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == "layer reserve-shore \"保护区岸线段\" = reserve and belt;\n");
  const auto back = format_source({"schema.rules", *en.text}, {Lang::zh});
  REQUIRE(back.text);
  CHECK(*back.text == "图层 reserve-shore \"保护区岸线段\" = reserve 且 belt;\n");
  const auto rs = compile_ok(sources(zh, kTiers));
  CHECK(judged(*rs, point(106.52, 29.516)) == "S1=violated S2=violated S3=violated ");
  CHECK(format_source({"x.rules", "layer a = b and c and d;\n"}, {}).text == std::optional<std::string>("layer a = b and c and d;\n"));
}

TEST_CASE("layer intersection: unknown operands, operands that are not layers, and cycles are errors") {
  CHECK(diagnostics_of(sources("layer x = reserve and belts;\n", kTiers)).front().starts_with("check.unknown-name: layer `belts`"));
  CHECK(diagnostics_of(sources("layer x = reserve and industry;\n", kTiers)).front().starts_with("check.not-a-layer"));
  const auto cycle = diagnostics_of(sources("layer x = reserve and y;\nlayer y = x and belt;\n", kTiers));
  REQUIRE(cycle.size() >= 2);
  CHECK(cycle[0].starts_with("check.layer-cycle: layer `x` is built on itself"));
  CHECK(cycle[1].starts_with("check.layer-cycle: layer `y` is built on itself"));
  // Declared after the rules that use it, and built on a layer declared after it: fine.
  auto later = sources("", kTiers);
  later.push_back({"z.rules", "layer reserve-shore = reserve and belt2;\nlayer belt2 = belt and reserve;\n"});
  CHECK(judged(*compile_ok(later), point(106.52, 29.516)) == "S1=violated S2=violated S3=violated ");
}

TEST_CASE("layer intersection: a snapshot keeps the computed layer and its operands") {
  const auto rs = compile_ok(sources(kShore, kTiers));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const std::string& site : {point(106.52, 29.516), point(106.509, 29.516), rect(106.52, 29.517, 106.521, 29.519)}) {
    CHECK(judged(**loaded, site) == judged(*rs, site));
  }
}

TEST_CASE("layer intersection: the auditor knows a part lies within the whole") {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  const auto audit_of = [&](const std::string& tiers) {
    std::vector<std::string> out;
    for (const AuditFinding& f : audit(*compile_ok(sources(kShore, tiers)), options).findings) {
      out.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
    }
    return out;
  };
  CHECK(audit_of(R"(city 500000 { spatial-layout {
    D1: ban projects overlapping reserve-shore where site not overlapping reserve;
    D2: ban projects inside reserve-shore where site outside belt;
    D3: ban projects within 1 km of reserve-shore where not site within 1 km of belt;
    L1: ban projects overlapping reserve where site not overlapping reserve-shore;
    L2: ban projects inside reserve-shore where site outside reserve-shore; } })") ==
        std::vector<std::string>{"dead-rule D1", "dead-rule D3", "dead-rule L2"});
  // Not `inside`: an intersection's computed vertices may lie a rounding
  // outside its operands, so D2 (inside the part, outside the whole) is not
  // claimed dead.
}

TEST_CASE("layer intersection: a layer named twice, and a chain deeper than 16, are errors — a chain of 20,000 too, without recursion") {
  CHECK(diagnostics_of(sources("layer x = reserve and reserve;\n", kTiers)).front().starts_with("check.layer-repeated"));
  std::string chain;
  for (int i = 0; i < 20000; ++i) chain += fmt::format("layer c{} = c{} and belt;\n", i, i + 1);
  chain += "layer c20000 = reserve and belt;\n";
  const auto deep = diagnostics_of(sources(chain, kTiers));
  REQUIRE_FALSE(deep.empty());
  CHECK(deep.front().starts_with("check.layer-depth: layer `c0` is built on layers built on layers… more than 16 deep"));
}
