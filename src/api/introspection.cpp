// What a compiled ruleset declares, copied out of the checked model for
// callers that must not see it (forms, schemas, `applies`, bindings).
#include <algorithm>

#include "api/ruleset_data.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {
namespace {

RuleInfo info_of(const model::Model& m, const model::Rule& r) {
  const model::Tier& tier = m.tiers[r.tier];
  RuleInfo info;
  info.id = r.id;
  info.tier = tier.level;
  info.tier_code = tier.code;
  info.dimension = r.dimension;
  info.form = r.form;
  info.subject = r.texts[model::RuleTexts::subject];
  info.scope = r.texts[model::RuleTexts::scope];
  info.where = r.texts[model::RuleTexts::where];
  info.unless = r.texts[model::RuleTexts::unless];
  info.requirement = r.texts[model::RuleTexts::requirement];
  info.because = r.because;
  info.cites = r.cites;
  info.quotes = r.quotes;
  info.weight = r.weight;
  info.source = m.file_line(r);
  for (const model::LayerId layer : m.scope_layers(r)) info.layers.push_back(m.layers[layer].name);
  return info;
}

}  // namespace

std::vector<FactInfo> Ruleset::facts() const {
  static const char* const kTypes[] = {"bool", "number", "quantity", "one of", "industry", "text", "date", "set of", "amounts"};
  std::vector<FactInfo> out;
  for (const model::Fact& f : data_->model.facts) {
    FactInfo info{f.name, f.label, kTypes[static_cast<int>(f.kind)], f.unit.text, {}, {}, {}, {}};
    const model::Fact& valued = f.per ? data_->model.facts[*f.per] : f;  // amounts: by the set fact's values
    if (f.per) info.per = valued.name;
    for (const auto& v : valued.values) {
      info.values.push_back(v.name);
      info.value_labels.push_back(v.label);
      info.value_parents.push_back(v.parent ? valued.values[*v.parent].name : std::string());
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<KindInfo> Ruleset::kinds() const {
  std::vector<KindInfo> out;
  for (const model::Kind& k : data_->model.kinds) out.push_back({k.name, k.label});
  return out;
}

std::vector<LayerInfo> Ruleset::layers() const {
  std::vector<LayerInfo> out;
  const auto& layers = data_->model.layers;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const auto& loaded = data_->maps.layers;
    const std::size_t features = i < loaded.size() && loaded[i] ? loaded[i]->size() : 0;
    std::vector<std::string> of;
    for (model::LayerId o : layers[i].of) of.push_back(layers[o].name);
    std::vector<std::string> by_facts;
    if (const maps::PickedLayer* pick = data_->maps.picked(static_cast<std::uint32_t>(i))) {
      for (const std::uint32_t f : pick->facts()) by_facts.push_back(data_->model.facts[f].name);
    }
    out.push_back({layers[i].name, layers[i].label, layers[i].path, features, std::move(of), layers[i].filter_text,
                   std::move(by_facts)});
  }
  return out;
}

std::vector<GeometryInfo> Ruleset::geometries() const {
  std::vector<GeometryInfo> out;
  for (const model::Geometry& g : data_->model.geometries) out.push_back({g.name, g.label});
  return out;
}

std::vector<UnitOfMeasureInfo> Ruleset::units_of_measure() const {
  std::vector<UnitOfMeasureInfo> out;
  for (const model::UnitOfMeasure& u : data_->model.units_of_measure) {
    const UnitDefinition& d = u.definition;
    out.push_back({d.symbol, u.label, u.written, d.factor, d.dimension.canonical_unit()});
  }
  return out;
}

std::vector<TableInfo> Ruleset::tables() const {
  const model::Model& m = data_->model;
  std::vector<TableInfo> out;
  for (const model::Table& t : m.tables) {
    out.push_back({t.name, t.label, t.path, t.column, t.of ? m.tables[*t.of].name : "", t.filter_text, t.values,
                   t.effective_from, t.effective_until, t.number_column, t.number_unit});
  }
  return out;
}

std::vector<TierInfo> Ruleset::tiers() const {
  const model::Model& m = data_->model;
  std::vector<std::size_t> counts(m.tiers.size(), 0);
  for (const model::Rule& r : m.rules) ++counts[r.tier];
  std::vector<TierInfo> out;
  for (std::size_t i = 0; i < m.tiers.size(); ++i) {
    const model::Tier& t = m.tiers[i];
    out.push_back({t.level, t.code, t.name, t.parent ? m.tiers[*t.parent].code : "",
                   t.parent ? std::optional(m.tiers[*t.parent].level) : std::nullopt, counts[i]});
  }
  return out;
}

std::vector<RuleInfo> Ruleset::rules() const {
  std::vector<RuleInfo> out;
  out.reserve(data_->model.rules.size());
  for (const model::Rule& r : data_->model.rules) out.push_back(info_of(data_->model, r));
  return out;
}

std::vector<Declaration> Ruleset::declarations() const {
  const model::Model& m = data_->model;
  std::vector<Declaration> out;
  const std::vector<FactInfo> facts = this->facts();
  for (std::size_t i = 0; i < m.facts.size(); ++i) {
    const model::Fact& f = m.facts[i];
    const FactInfo& info = facts[i];
    std::string type = info.type + (info.unit.empty() ? "" : " " + info.unit) + (info.per.empty() ? "" : " per " + info.per);
    out.push_back({f.name, f.label, "fact", std::move(type), f.source});
    if (f.per) continue;  // amounts: the values are its set fact's
    for (const model::EnumValue& v : f.values) out.push_back({v.name, v.label, "value", f.name, f.source});
  }
  for (const model::Kind& k : m.kinds) out.push_back({k.name, k.label, "kind", "", k.source});
  for (const model::Layer& l : m.layers) out.push_back({l.name, l.label, "layer", l.path, l.source});
  for (const model::Geometry& g : m.geometries) out.push_back({g.name, g.label, "geometry", "", g.source});
  for (const model::Table& t : m.tables) out.push_back({t.name, t.label, "table", t.path, t.source});
  for (const model::UnitOfMeasure& u : m.units_of_measure) {
    out.push_back({u.definition.symbol, u.label, "unit of measure", u.written, u.source});
  }
  for (const model::Rule& r : m.rules) {
    std::string detail(name_of(r.form));
    for (const std::string& cite : r.cites) detail += "; " + cite;
    const SourceLocation at{m.files[r.source.file], r.source.line, r.source.column, r.source.end_line, r.source.end_column};
    out.push_back({r.id, "", "rule", std::move(detail), at});
  }
  return out;
}

std::optional<RuleInfo> Ruleset::rule(std::string_view id) const {
  const auto index = data_->find_rule(id);
  if (!index) return std::nullopt;
  return info_of(data_->model, data_->model.rules[*index]);
}

}  // namespace zhunru
