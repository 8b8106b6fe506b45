// A site's GeoJSON → locate on the unit map → evaluate, against both bundled
// rulesets; the facts are a fixed chemical plant so spatial rules are read.
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
  return 0;
}
