// Project JSON → evaluate → JSON and text, against both bundled rulesets and
// one of set facts and amounts (lists and objects as values).
#include "common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const std::string text = fuzz::text_of(data, size);
  for (const Ruleset* rs : {&fuzz::examples(), &fuzz::chongqing(), &fuzz::sets_example()}) {
    const ProjectResult p = load_project_json(*rs, text);
    if (p) fuzz::judge(*rs, *p);
    else fuzz::check_errors(p.error());
  }
  return 0;
}
