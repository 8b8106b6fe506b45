// The bundled Chongqing ruleset (rules/chongqing) keeps the promises of its
// README: size, citations, tiers, maps — checked on the compiled model.
#include <doctest/doctest.h>

#include <set>

#include "api/ruleset_data.hpp"
#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const Ruleset& chongqing() {
  static const std::shared_ptr<const Ruleset> rs = [] {
    CompileOptions strict;
    strict.strict = true;
    strict.lint_maps = true;
    const CompileResult r = compile_directory(std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing", strict);
    INFO(r.render(Lang::en));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());  // no warnings either, overlaps included
    return r.ruleset;
  }();
  return *rs;
}

}  // namespace

TEST_CASE("chongqing: at least 40 cited rules, in all four dimensions and all three tiers") {
  const model::Model& m = chongqing().data().model;
  CHECK(m.rules.size() >= 40);
  std::set<ControlDimension> dimensions;
  std::set<TierLevel> levels;
  for (const model::Rule& r : m.rules) {
    INFO(r.id);
    CHECK_FALSE(r.generated_id);
    CHECK_FALSE(r.cites.empty());
    CHECK_FALSE(r.because.empty());
    dimensions.insert(r.dimension);
    levels.insert(m.tiers[r.tier].level);
  }
  CHECK(dimensions.size() == 4);
  CHECK(levels.size() == 3);
}

TEST_CASE("chongqing: district tiers for the nine free-trade-zone and river districts") {
  const model::Model& m = chongqing().data().model;
  std::set<std::string> districts;
  for (const model::Tier& t : m.tiers) {
    if (t.level == TierLevel::district) districts.insert(t.code);
  }
  CHECK(districts.size() >= 9);
  for (const char* code : {"500103", "500105", "500106", "500107", "500108", "500109", "500112"}) {
    INFO(code);
    CHECK(districts.count(code) == 1);
  }
}

TEST_CASE("chongqing: the synthetic unit map has three units per district; Jiefangbei is in 渝中区 500103") {
  const Ruleset& rs = chongqing();
  CHECK(rs.map_unit_count() == 114);
  const Project p = project_ok(rs, R"({"site": {"type": "Point", "coordinates": [106.5770, 29.5570]}})");
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].district == "500103");
  CHECK(p.units()[0].code.starts_with("ZH500103"));
}
