// What a rule's Chinese text shows for each name: the label the schema gives
// it (建设性质 for `nature`, 新建 for `new`), so that the text a bureau hands
// an applicant under `--lang zh` reads in Chinese. Names without a label,
// and value names whose label differs between facts, show as written.
#include <unordered_map>
#include <unordered_set>

#include "check/passes.hpp"

namespace zhunru::check {

void collect_display_names(Context& ctx) {
  const model::Model& m = ctx.model;
  auto& shown = ctx.display_zh;
  // Values first: a name that is also a fact, kind or layer shows as that.
  // A value without a label shows as its name, so a name one fact labels and
  // another does not (A, and A "甲级") is ambiguous and shows as written.
  std::unordered_map<std::string, std::string> values;
  std::unordered_set<std::string> ambiguous;
  for (const model::Fact& f : m.facts) {
    for (const model::EnumValue& v : f.values) {
      const std::string& seen_as = v.label.empty() ? v.name : v.label;
      const auto [it, fresh] = values.emplace(v.name, seen_as);
      if (!fresh && it->second != seen_as) ambiguous.insert(v.name);
    }
  }
  for (const auto& [name, label] : values) {
    if (label != name && ambiguous.count(name) == 0) shown.emplace(name, label);
  }
  const auto label = [&](const std::string& name, const std::string& text) {
    if (!text.empty() && text != name) shown[name] = text;
  };
  for (const model::Fact& f : m.facts) label(f.name, f.label);
  for (const model::Kind& k : m.kinds) label(k.name, k.label);
  for (const model::Layer& l : m.layers) label(l.name, l.label);
  for (const model::Table& t : m.tables) label(t.name, t.label);
  for (const model::Geometry& g : m.geometries) label(g.name, g.label);
}

}  // namespace zhunru::check
