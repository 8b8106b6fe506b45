// `layer X = L where …` (issue #15, feature 6, first half): the features of a
// map layer whose properties pass a test — picked when the maps load, the
// properties checked against the test, a layer like any other after that.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/spatial_helpers.hpp"
#include "zhunru/audit.hpp"
#include "zhunru/format.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::string feature(const std::string& properties, const std::string& geometry) {
  return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry + "}";
}

std::string ns_line(double x) {
  return fmt::format(R"({{"type": "LineString", "coordinates": [[{0}, 29.50], [{0}, 29.55]]}})", x);
}

// Three tributaries running north-south through unit A: basins of 12,000 and
// 8,000 km², and one whose basin the map does not give.
const std::string kTributaries = collection({feature(R"({"name": "甲河", "basin-km2": 12000})", ns_line(106.51)),
                                             feature(R"({"name": "乙河", "basin-km2": 8000})", ns_line(106.53)),
                                             feature(R"({"name": "丙河"})", ns_line(106.545))});
const std::string kParks =
    collection({feature(R"({"plan-eia": true, "status": "已完成"})", rect(106.501, 29.501, 106.505, 29.505)),
                feature(R"({"plan-eia": false, "status": "在建"})", rect(106.521, 29.541, 106.525, 29.545))});

std::vector<SourceText> sources(const std::string& declarations, const std::string& tiers) {
  auto out = spatial_sources(tiers);
  out[0].text += "layer tributaries \"支流\" from \"maps/tributaries.geojson\";\n"
                 "layer eia-parks-all from \"maps/eia-parks.geojson\";\n" +
                 declarations;
  out.push_back({"maps/tributaries.geojson", kTributaries});
  out.push_back({"maps/eia-parks.geojson", kParks});
  return out;
}

const char* const kLayers = R"(
layer big-tributaries "重要支流" = tributaries where basin-km2 > 10000;
layer eia-parks = eia-parks-all where plan-eia and status in ["已完成", "completed"];
layer other-parks = eia-parks-all where not plan-eia;
)";
const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    T1: ban chemical projects within 1 km of big-tributaries;
    P1: encourage chemical projects inside eia-parks;
    P2: ban chemical projects inside other-parks;
  }
}
)";

std::string judged(const Ruleset& rs, double x, double y) {
  const Decision d = decide(rs, R"({"industry": "C2614", "site": )" + point(x, y) + "}");
  std::string out;
  for (const char* id : {"T1", "P1", "P2"}) {
    const Finding* f = finding(d, id);
    out += std::string(id) + "=" + (f ? std::string(name_of(f->status)) : "n/a") + " ";
  }
  return out;
}

std::vector<std::string> errors_of(const std::string& declarations,
                                   const std::string& tiers = "city 500000 { spatial-layout { X: ban projects; } }") {
  std::vector<std::string> out;
  for (const Diagnostic& d : compile_sources(sources(declarations, tiers)).diagnostics) {
    out.push_back(d.code + ": " + d.message.en);
  }
  return out;
}

}  // namespace

TEST_CASE("layer filter: only the features whose properties pass") {
  const auto rs = compile_ok(sources(kLayers, kTiers));
  CHECK(judged(*rs, 106.515, 29.52) == "T1=violated P1=n/a P2=n/a ");  // ~480 m from 甲河 (12,000 km²)
  CHECK(judged(*rs, 106.535, 29.52) == "T1=n/a P1=n/a P2=n/a ");       // ~480 m from 乙河 (8,000 km²)
  CHECK(judged(*rs, 106.5453, 29.52) == "T1=n/a P1=n/a P2=n/a ");      // beside 丙河, whose basin is not given
  CHECK(judged(*rs, 106.503, 29.503) == "T1=violated P1=satisfied P2=n/a ");
  CHECK(judged(*rs, 106.523, 29.543) == "T1=n/a P1=n/a P2=violated ");
  const auto layers = rs->layers();
  const auto big = std::find_if(layers.begin(), layers.end(), [](const LayerInfo& l) { return l.name == "big-tributaries"; });
  REQUIRE(big != layers.end());
  CHECK(big->features == 1);
  CHECK(big->of == std::vector<std::string>{"tributaries"});
  CHECK(big->where == "basin-km2 > 10000");
}

TEST_CASE("layer filter: the number on either side, Chinese keywords, fmt both ways") {
  const auto flipped = compile_ok(sources("layer big-tributaries = tributaries where 10000 < basin-km2;\n"
                                          "layer eia-parks = eia-parks-all where plan-eia = true;\n"
                                          "layer other-parks = eia-parks-all where plan-eia != true;\n",
                                          kTiers));
  const auto rs = compile_ok(sources(kLayers, kTiers));
  for (const auto& [x, y] : {std::pair{106.515, 29.52}, {106.535, 29.52}, {106.503, 29.503}, {106.523, 29.543}}) {
    CHECK(judged(*flipped, x, y) == judged(*rs, x, y));
  }
  const auto zh = format_source({"schema.rules", kLayers}, {Lang::zh});
  REQUIRE(zh.text);
  CHECK(zh.text->find("图层 big-tributaries \"重要支流\" = tributaries 当 basin-km2 > 10000;") != std::string::npos);
  CHECK(zh.text->find("= eia-parks-all 当 plan-eia 且 status 属于 [\"已完成\", \"completed\"];") != std::string::npos);
  const auto en = format_source({"schema.rules", *zh.text}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == format_source({"schema.rules", kLayers}, {Lang::en}).text.value());
  const auto from_zh = compile_ok(sources(*zh.text, kTiers));
  CHECK(judged(*from_zh, 106.515, 29.52) == judged(*rs, 106.515, 29.52));
}

TEST_CASE("layer filter: properties checked against the map, values against the test") {
  CHECK(errors_of("layer big-tributaries = tributaries where basin-km > 10000;\n") ==
        std::vector<std::string>{"map.layer-filter: no feature of layer tributaries has the property `basin-km`; did "
                                 "you mean `basin-km2`?"});
  const auto typed = errors_of("layer big-tributaries = tributaries where name > 3;\n");
  REQUIRE(typed.size() == 1);
  CHECK(typed.front().starts_with("map.layer-filter: "));
  CHECK(typed.front().find("property `name` is \"甲河\", but the test compares it with a number") != std::string::npos);
  const auto unit = errors_of("layer big-tributaries = tributaries where basin-km2 > 10000 km2;\n");
  CHECK(unit.front().starts_with("check.layer-filter: a map property is a plain number"));
  const auto bare = errors_of("layer x = eia-parks-all where status = done;\n");
  CHECK(bare.front().starts_with("check.layer-filter: `done` is not a fact: a text is written in quotes (\"done\")"));
  CHECK(errors_of("layer x = eia-parks-all where status < \"b\";\n").front() ==
        "check.layer-filter: only numbers are compared with <, <=, > or >=");
  CHECK(errors_of("layer x = eia-parks-all where site inside parks;\n").front().starts_with("check.layer-filter: a layer's `where`"));
  CHECK(errors_of("layer y = parks and eia-parks-all;\nlayer x = y where plan-eia;\n").front().starts_with(
      "check.layer-filter: `where` picks features of a layer read from a map"));
  const auto empty = errors_of("layer x = tributaries where basin-km2 > 1000000;\n");
  REQUIRE(empty.size() == 1);
  CHECK(empty.front() == "map.empty-filter: layer x is empty: no feature of tributaries passes its `where`");
}

TEST_CASE("layer filter: a snapshot keeps the picked features, and the auditor knows they are the layer's") {
  const auto rs = compile_ok(sources(kLayers, kTiers));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const auto& [x, y] : {std::pair{106.515, 29.52}, {106.535, 29.52}, {106.503, 29.503}, {106.523, 29.543}}) {
    CHECK(judged(**loaded, x, y) == judged(*rs, x, y));
  }
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  std::vector<std::string> found;
  for (const AuditFinding& f : audit(*compile_ok(sources(kLayers, R"(city 500000 { spatial-layout {
    D1: ban projects within 1 km of big-tributaries where not site within 1 km of tributaries;
    L1: ban projects within 1 km of tributaries where not site within 1 km of big-tributaries; } })")),
                                     options).findings) {
    found.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id);
  }
  CHECK(found == std::vector<std::string>{"dead-rule D1"});
}
