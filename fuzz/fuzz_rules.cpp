// Rule sources → compile → evaluate: any bytes as a .rules file (with the
// example maps at hand, so a whole ruleset can compile), then projects with
// every fact unknown and with every fact given, in units of each class.
#include "common.hpp"

namespace {

using namespace zhunru;

// A value of the fact's type, picked by `pick`.
void give(FactsBuilder& b, const FactInfo& f, std::uint8_t pick) {
  if (f.type == "bool") b.set_bool(f.name, pick & 1);
  else if (f.type == "number") b.set_number(f.name, pick * 0.5);
  else if (f.type == "quantity") b.set_text(f.name, std::to_string(pick) + " " + f.unit);
  else if (f.type == "one of" && !f.values.empty()) b.set_text(f.name, f.values[pick % f.values.size()]);
  else if (f.type == "industry") b.set_text(f.name, pick % 3 == 0 ? "C26" : pick % 3 == 1 ? "C2614" : "C3011");
  else if (f.type == "text") b.set_text(f.name, "x");
  else if (f.type == "date") b.set_text(f.name, pick & 1 ? "2024-01-01" : "2026-06-30");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<SourceText> sources{{"fuzz/fuzz.rules", fuzz::text_of(data, size)}};
  for (SourceText& m : fuzz::example_maps("fuzz")) sources.push_back(std::move(m));
  const CompileResult r = compile_sources(sources);
  if (r.render(Lang::en).empty() != r.diagnostics.empty()) fuzz::fail("diagnostics that render to nothing");
  (void)r.render(Lang::zh);
  fuzz::say(r.render(Lang::en) + (r.ok() ? "compiled" : "not compiled"));
  if (!r.ok()) {
    if (!has_errors(r.diagnostics)) fuzz::fail("no ruleset, and no error saying why");
    return 0;
  }
  const std::vector<FactInfo> facts = r.ruleset->facts();
  for (const char* unit : {"ZH50010310001", "ZH50010320001", "ZH50010330001"}) {
    for (bool given : {false, true}) {
      FactsBuilder b(*r.ruleset);
      b.add_unit(unit);
      if (given) {
        for (std::size_t i = 0; i < facts.size(); ++i) give(b, facts[i], size > 0 ? data[i % size] : 0);
      }
      const ProjectResult p = std::move(b).build();
      if (p) fuzz::judge(*r.ruleset, *p);
      else fuzz::check_errors(p.error());
    }
  }
  return 0;
}
