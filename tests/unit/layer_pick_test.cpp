// `layer X = L where property = fact` (issue #15, feature 6, second half): a
// map feature's property compared with a fact of the project — the layer is
// picked anew for each project; the map's values checked against the fact
// when the maps load.
#include <doctest/doctest.h>

#include <algorithm>

#include "maps/picked_layer.hpp"
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

// Three zones in unit A: a chemical park (its sectors by label, a cap of
// 10 t/a, industries C26), a textile park (its sector by name, a cap of
// 2 t/a, C17 and C18) and one whose plan the map does not give.
const std::string kZones = collection(
    {feature(R"({"name": "化工园", "sectors": ["化工"], "cap": 10, "industries": ["C26"]})",
             rect(106.501, 29.501, 106.505, 29.505)),
     feature(R"({"name": "纺织园", "sectors": "textile", "cap": 2, "industries": ["C17", "C18"]})",
             rect(106.521, 29.541, 106.525, 29.545)),
     feature(R"({"name": "未定园"})", rect(106.51, 29.51, 106.515, 29.515))});

const char* const kLayers = R"(
fact sector : one of { chem "化工" { pharma "医药" }, textile "纺织", } "行业门类";
fact emission : quantity t/a "排放量";
layer zones from "maps/zones.geojson";
layer fit-sector = zones where sectors = sector;
layer misfit-sector = zones where sectors != sector;
layer roomy = zones where cap >= emission;
layer fit-industry = zones where industries = industry;
)";

const char* const kTiers = R"(
city 500000 {
  spatial-layout {
    S1: ban projects inside misfit-sector;
    S2: encourage projects inside fit-sector;
    Q1: ban projects inside zones unless site inside roomy;
    I1: encourage projects inside fit-industry;
  }
}
)";

std::vector<SourceText> sources(const std::string& declarations, const std::string& tiers = kTiers) {
  auto out = spatial_sources(tiers);
  out[0].text += declarations;
  out.push_back({"maps/zones.geojson", kZones});
  return out;
}

const std::pair<double, double> kChemPark{106.503, 29.503};
const std::pair<double, double> kTextilePark{106.523, 29.543};
const std::pair<double, double> kUnplanned{106.5125, 29.5125};
const std::pair<double, double> kNoPark{106.54, 29.52};

/// Each rule's status, and the facts missing, for a project with `facts` at `at`.
std::string judged(const Ruleset& rs, std::pair<double, double> at, const std::string& facts = "") {
  const Decision d = decide(rs, "{" + facts + (facts.empty() ? "" : ", ") + R"("site": )" +
                                    point(at.first, at.second) + "}");
  std::string out;
  for (const char* id : {"S1", "S2", "Q1", "I1"}) {
    const Finding* f = finding(d, id);
    out += std::string(id) + "=" + (f ? std::string(name_of(f->status)) : "n/a") + " ";
  }
  for (const std::string& m : d.missing) out += "?" + m + " ";
  return out;
}

std::vector<std::string> errors_of(const std::string& declarations) {
  std::vector<std::string> out;
  const auto tiers = "city 500000 { spatial-layout { X: ban projects; } }";
  for (const Diagnostic& d : compile_sources(sources(declarations, tiers)).diagnostics) {
    out.push_back(d.code + ": " + d.message.en);
  }
  return out;
}

const std::string kAll = R"("sector": "pharma", "emission": 8, "industry": "C2614")";

}  // namespace

TEST_CASE("picked layer: the features whose property fits the project's fact") {
  const auto rs = compile_ok(sources(kLayers));
  // 医药 is under 化工: the chemical park admits it, the textile park does not.
  CHECK(judged(*rs, kChemPark, kAll) == "S1=n/a S2=satisfied Q1=satisfied I1=satisfied ");
  CHECK(judged(*rs, kTextilePark, kAll) == "S1=violated S2=n/a Q1=violated I1=n/a ");
  CHECK(judged(*rs, kTextilePark, R"("sector": "纺织", "emission": 2, "industry": "C1711")") ==
        "S1=n/a S2=satisfied Q1=satisfied I1=satisfied ");
  // A zone the map gives no plan for passes no test — `!=` included.
  CHECK(judged(*rs, kUnplanned, kAll) == "S1=n/a S2=n/a Q1=violated I1=n/a ");
  // Quantities in the project's own unit: 12,000 kg/a is 12 t/a, over the cap of 10.
  CHECK(judged(*rs, kChemPark, R"("sector": "chem", "emission": "12000 kg/a", "industry": "C26")") ==
        "S1=n/a S2=satisfied Q1=violated I1=satisfied ");
  const auto layers = rs->layers();
  const auto fit = std::find_if(layers.begin(), layers.end(), [](const LayerInfo& l) { return l.name == "fit-sector"; });
  REQUIRE(fit != layers.end());
  CHECK(fit->by_facts == std::vector<std::string>{"sector"});
  CHECK(fit->features == 3);
  CHECK(fit->where == "sectors = sector");
}

TEST_CASE("picked layer: facts not given are asked only where they can matter") {
  const auto rs = compile_ok(sources(kLayers));
  // Far from every zone: every test fails whatever the facts pick.
  CHECK(judged(*rs, kNoPark) == "S1=n/a S2=n/a Q1=n/a I1=n/a ");
  // Near one, they are asked (an encouragement left unknown is not shown).
  CHECK(judged(*rs, kChemPark) == "S1=unknown S2=n/a Q1=unknown I1=n/a ?emission ?sector ");
  // C is coarser than the park's C26: it may or may not be one.
  const auto ban = compile_ok(sources(kLayers, "city 500000 { spatial-layout { I1: ban projects inside fit-industry; } }"));
  CHECK(judged(*ban, kChemPark, R"("industry": "C")") == "S1=n/a S2=n/a Q1=n/a I1=unknown ?industry ");
  CHECK(judged(*ban, kChemPark, R"("industry": "C2614")") == "S1=n/a S2=n/a Q1=n/a I1=violated ");
  CHECK(judged(*ban, kTextilePark, R"("industry": "C")") == "S1=n/a S2=n/a Q1=n/a I1=unknown ?industry ");
  CHECK(judged(*ban, kTextilePark, R"("industry": "C2614")") == "S1=n/a S2=n/a Q1=n/a I1=n/a ");
}

TEST_CASE("picked layer: Chinese keywords, fmt both ways, a snapshot judges alike") {
  const auto zh = format_source({"schema.rules", kLayers}, {Lang::zh});
  REQUIRE(zh.text);
  CHECK(zh.text->find("图层 fit-sector = zones 当 sectors = sector;") != std::string::npos);
  const auto en = format_source({"schema.rules", *zh.text}, {Lang::en});
  REQUIRE(en.text);
  CHECK(*en.text == format_source({"schema.rules", kLayers}, {Lang::en}).text.value());
  const auto rs = compile_ok(sources(kLayers));
  const auto from_zh = compile_ok(sources(*zh.text));
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const auto& at : {kChemPark, kTextilePark, kUnplanned, kNoPark}) {
    CHECK(judged(*from_zh, at, kAll) == judged(*rs, at, kAll));
    CHECK(judged(**loaded, at, kAll) == judged(*rs, at, kAll));
    CHECK(judged(**loaded, at) == judged(*rs, at));
  }
}

TEST_CASE("picked layer: misuse found by the checker, and map values checked against the fact") {
  CHECK(errors_of(std::string(kLayers) + "layer x = zones where sectors = sectr;\n").front() ==
        "check.layer-filter: `sectr` is not a fact: a text is written in quotes (\"sectr\"), and the right of a "
        "comparison names a fact of the project");
  CHECK(errors_of(std::string(kLayers) + "layer x = zones where sectors > sector;\n").front() ==
        "check.layer-filter: fact `sector` is compared with = or != only (<, <=, > and >= compare numbers)");
  CHECK(errors_of(std::string(kLayers) + "fact opened : date;\nlayer x = zones where cap = opened;\n").front() ==
        "check.layer-filter: a date fact cannot be compared with a map property");
  CHECK(errors_of(std::string(kLayers) + "layer x = fit-sector and zones;\n").front().starts_with(
      "check.layer-filter: layer `fit-sector` is picked anew for each project"));
  // The map's values, against the fact they are compared with.
  const auto label = errors_of(std::string(kLayers) + "layer x = zones where name = sector;\n");
  REQUIRE(label.size() == 1);
  CHECK(label.front().find("property `name` is \"化工园\", but the test compares it with fact `sector`, one of its "
                           "values (chem 化工, pharma 医药, textile 纺织)") != std::string::npos);
  const auto code = errors_of(std::string(kLayers) + "layer x = zones where name = industry;\n");
  REQUIRE(code.size() == 1);
  CHECK(code.front().find("a GB/T 4754-2017 code") != std::string::npos);
  CHECK(errors_of(std::string(kLayers) + "layer x = zones where plan = sector;\n").front() ==
        "map.layer-filter: no feature of layer zones has the property `plan` (its features have: cap, industries, "
        "name, sectors)");
}

TEST_CASE("picked layer: the auditor knows a picked layer lies within its map layer, and gives no witness on it") {
  AuditOptions options;
  options.as_of = day(2025, 6, 1);
  std::vector<std::string> found;
  for (const AuditFinding& f : audit(*compile_ok(sources(kLayers, R"(city 500000 { spatial-layout {
    D1: ban projects within 1 km of fit-sector where not site within 1 km of zones;
    C1: ban projects overlapping fit-sector;
    C2: encourage projects overlapping fit-sector; } })")),
                                     options).findings) {
    found.push_back(std::string(name_of(f.kind)) + " " + f.rules.front().id + (f.witness ? " witness" : ""));
    CHECK(f.message.en.find("a bug") == std::string::npos);
  }
  CHECK(std::find(found.begin(), found.end(), "dead-rule D1") != found.end());
  CHECK(std::none_of(found.begin(), found.end(), [](const std::string& s) { return s.ends_with(" witness"); }));
}

TEST_CASE("picked layer: a forged test in a snapshot is refused, never walked") {
  // The checks a snapshot's picked layer passes before any project sees it.
  using maps::PickedLayer;
  using maps::PickNode;
  const auto leaf = [](std::uint32_t at) { return PickNode{PickNode::Kind::fixed, ast::CompareOp::eq, model::FactKind::boolean, at + 1, 0, 0}; };
  PickedLayer ok;
  ok.nodes = {{PickNode::Kind::negate, ast::CompareOp::eq, model::FactKind::boolean, 2, 0, 0}, leaf(1)};
  ok.fixed = {{1, 0}};
  CHECK_FALSE(ok.damaged(0, 2).has_value());
  CHECK(ok.damaged(0, 3).has_value());  // a column for another number of features
  PickedLayer loop = ok;
  loop.nodes[0].end = 1;  // negate with nothing under it
  CHECK(loop.damaged(0, 2).has_value());
  PickedLayer beyond = ok;
  beyond.nodes[1].end = 5;
  CHECK(beyond.damaged(0, 2).has_value());
  PickedLayer deep;  // 300 nested negations
  for (std::uint32_t i = 0; i < 300; ++i) deep.nodes.push_back({PickNode::Kind::negate, ast::CompareOp::eq, model::FactKind::boolean, 301, 0, 0});
  deep.nodes.push_back(leaf(300));
  deep.fixed = {{1}};
  CHECK(deep.damaged(0, 1).value() == "a picked layer's test nests too deep");
  PickedLayer fact = ok;
  fact.nodes[1] = {PickNode::Kind::fact, ast::CompareOp::eq, model::FactKind::enumeration, 2, 0, 0};
  fact.items = {{{0.0}, {}}};
  CHECK(fact.damaged(0, 2).has_value());  // fact 0 of none
  CHECK(fact.damaged(1, 2).has_value());  // no parents for the enumeration
  fact.parents = {{0, 1, 0}};
  CHECK_FALSE(fact.damaged(1, 2).has_value());
  fact.parents = {{0, 2, 1}};  // a value before its parent: a walk up could loop
  CHECK(fact.damaged(1, 2).has_value());
}
