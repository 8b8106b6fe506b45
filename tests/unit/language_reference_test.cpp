// docs/language.md is the language reference, and its examples are real:
// every ```rules block compiles, all blocks together as one ruleset (a
// block may use what an earlier one declares, as files of one list do),
// with the maps and table the reference's examples name supplied here.
// Blocks that show an error are fenced ```text and are not compiled.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "zhunru/ruleset.hpp"

using namespace zhunru;

namespace {

std::vector<std::string> rules_blocks(const std::string& markdown) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = markdown.find("```rules\n", at)) != std::string::npos) {
    const std::size_t begin = at + 9;
    const std::size_t end = markdown.find("```", begin);
    if (end == std::string::npos) break;
    out.push_back(markdown.substr(begin, end - begin));
    at = end + 3;
  }
  return out;
}

std::string square(const std::string& properties, double x0, double y0, double size) {
  const auto p = [](double x, double y) { return "[" + std::to_string(x) + ", " + std::to_string(y) + "]"; };
  return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": {"type": "Polygon", "coordinates": [[)" +
         p(x0, y0) + ", " + p(x0 + size, y0) + ", " + p(x0 + size, y0 + size) + ", " + p(x0, y0 + size) + ", " + p(x0, y0) +
         "]]}}";
}

}  // namespace

TEST_CASE("docs/language.md: every rules example compiles, as one ruleset") {
  std::ifstream in(std::string(ZHUNRU_SOURCE_DIR) + "/docs/language.md", std::ios::binary);
  REQUIRE(in);
  const std::string markdown(std::istreambuf_iterator<char>(in), {});
  const std::vector<std::string> blocks = rules_blocks(markdown);
  CHECK(blocks.size() >= 20);  // a reference, not a page: every construct has its example
  std::vector<SourceText> sources;
  for (std::size_t i = 0; i < blocks.size(); ++i) sources.push_back({"example-" + std::to_string(i + 1) + ".rules", blocks[i]});
  // The maps and table the examples load.
  sources.push_back({"maps/units.geojson", R"({"type": "FeatureCollection", "features": [)" +
                                               square(R"({"code": "ZH50010310001"})", 106.50, 29.50, 0.05) + ", " +
                                               square(R"({"code": "ZH50010320001"})", 106.55, 29.50, 0.05) + ", " +
                                               square(R"({"code": "ZH50010330001"})", 106.60, 29.50, 0.05) + "]}"});
  sources.push_back({"maps/river.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "river"},
    "geometry": {"type": "LineString", "coordinates": [[106.5, 29.52], [106.7, 29.52]]}}]})"});
  sources.push_back({"maps/areas.geojson", R"({"type": "FeatureCollection", "features": [)" +
                                               square(R"({"name": "a", "kind": "park", "basin-km2": 12000, "plan-eia": true})", 106.52, 29.51, 0.01) +
                                               "]}"});
  sources.push_back({"tables/codes.csv", "code,name\nC2614,有机化学原料制造\n1763-23-1,PFOS\n"});
  sources.push_back({"tables/benchmarks.csv", "重点领域,标杆水平\n水泥熟料,100\n"});
  const CompileResult r = compile_sources(sources);
  INFO(r.render(Lang::en));
  CHECK(r.ok());
}
