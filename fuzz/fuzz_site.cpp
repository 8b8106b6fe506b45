// A site's GeoJSON → locate on the unit map → evaluate, against both bundled
// rulesets (the facts a fixed chemical plant so spatial rules are read), and
// against examples/overlap with overlaps measured every way.
#include "common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const std::string text = fuzz::text_of(data, size);
  for (const Ruleset* rs : {&fuzz::examples(), &fuzz::chongqing()}) {
    FactsBuilder b(*rs);
    b.set_text("industry", "C2614").set_text("nature", "new").set_site(text);
    const ProjectResult p = std::move(b).build();
    if (p) fuzz::judge(*rs, *p);
    else fuzz::check_errors(p.error());
  }
  // Overlaps, by share and by area, on an intersection, a filtered layer and one picked per project.
  FactsBuilder b(fuzz::overlap_example());
  b.set_bool("state-council-approved", false).set_text("plot", "地块甲（示例）").set_site(text);
  const ProjectResult p = std::move(b).build();
  if (p) fuzz::judge(fuzz::overlap_example(), *p);
  else fuzz::check_errors(p.error());
  return 0;
}
