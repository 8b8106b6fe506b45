// Tiers of rules → compile with a fixed schema → audit → every witness is
// loaded and evaluated through the public API and must show its finding.
#include "common.hpp"
#include "support/witness_check.hpp"

namespace {

const char* const kSchema = R"(
ruleset "fuzz" version "1";
fact industry : industry "行业";
fact nature : one of { new "新建", rebuild "改建", expansion "扩建" };
fact capacity : quantity t/a;
fact grade : one of { A, B, C, D };
fact low-voc : bool;
fact voc : quantity t/a;
fact opened : date;
fact note : text;
kind chemical = industry in [C26];
kind two-high = industry in [C25, C26, C30];
layer shore from "maps/shore.geojson";
)";

const char* const kShore = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
  "geometry": {"type": "LineString", "coordinates": [[106.0, 30.0], [107.0, 30.0]]}}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const CompileResult r = compile_sources(
      {{"fuzz/schema.rules", kSchema}, {"fuzz/maps/shore.geojson", kShore}, {"fuzz/tiers.rules", fuzz::text_of(data, size)}});
  fuzz::say(r.render(Lang::en) + (r.ok() ? "compiled" : "not compiled"));
  if (!r.ok()) return 0;
  AuditOptions options;
  options.as_of = fuzz::as_of();
  options.timeout_ms = 1000;
  const AuditResult result = audit(*r.ruleset, options);
  (void)to_json(result);
  (void)to_text(result, Lang::zh);
  fuzz::say(to_text(result, Lang::en));
  for (const AuditFinding& f : result.findings) {
    if (!f.witness) continue;
    const ProjectResult p = load_project_json(*r.ruleset, *f.witness);
    if (!p) fuzz::fail("the evaluator refuses a witness: " + describe_error(p.error()) + "\n" + *f.witness);
    const auto d = evaluate(*r.ruleset, *p, {fuzz::as_of()});
    if (!d) fuzz::fail("a witness cannot be evaluated: " + d.error().message.en + "\n" + *f.witness);
    if (const auto why = testing::witness_mismatch(f, *d)) {
      fuzz::fail(std::string(name_of(f.kind)) + " witness does not show its finding: " + *why + "\n" + *f.witness);
    }
  }
  return 0;
}
