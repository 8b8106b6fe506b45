// A unit map's GeoJSON → compile (as given, and with `repair`) → locate a
// point and a polygon site on it → evaluate.
#include "common.hpp"

namespace {

const char* const kRules = R"(
ruleset "fuzz" version "1";
fact industry : industry;
fact nature : one of { new "新建", expansion "扩建" };
kind chemical = industry in [C26];
units from "maps/units.geojson"@REPAIR@;
city 500000 { spatial-layout { C1: ban new chemical projects in priority units; } }
district 500103 { emission-control { D1: require chemical projects in key units to have nature = expansion; } }
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const std::string map = fuzz::text_of(data, size);
  for (const char* repair : {"", " repair"}) {
    std::string rules = kRules;
    rules.replace(rules.find("@REPAIR@"), 8, repair);
    const CompileResult r = compile_sources({{"fuzz/schema.rules", rules}, {"fuzz/maps/units.geojson", map}});
    fuzz::say(r.render(Lang::zh) + (r.ok() ? "compiled" : "not compiled"));
    if (!r.ok()) continue;
    for (const char* site : {R"({"type": "Point", "coordinates": [106.58, 29.56]})",
                             R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.7, 29.5], [106.7, 29.6], [106.5, 29.5]]]})"}) {
      FactsBuilder b(*r.ruleset);
      b.set_text("industry", "C2614").set_text("nature", "new").set_site(site);
      const ProjectResult p = std::move(b).build();
      if (p) fuzz::judge(*r.ruleset, *p);
      else fuzz::check_errors(p.error());
    }
  }
  return 0;
}
