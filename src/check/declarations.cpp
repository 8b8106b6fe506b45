// Pass 1: declarations. Names of facts, kinds and layers share one namespace,
// because a condition refers to all three by bare name.
#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <unordered_map>

#include "base/dates.hpp"
#include "base/edit_distance.hpp"
#include "check/depth_first.hpp"
#include "check/layer_filter.hpp"
#include "check/passes.hpp"
#include "format/printer.hpp"

namespace zhunru::check {
namespace {

// Members of a project file that are not facts.
struct Reserved {
  std::string_view name;
  LocalizedText use;
};
const Reserved kReserved[] = {
    {"site", {"site geometry", "选址几何"}},
    {"units", {"unit codes", "所在单元编码"}},
    {"project", {"free-form description", "项目说明"}},
};

bool declare_name(Context& ctx, const ast::Name& name, Symbol symbol) {
  for (const Reserved& r : kReserved) {
    if (name.text != r.name) continue;
    ctx.error("check.reserved-name", name.span,
              {q(name.text) + " is reserved: a project file uses it for the project's " + r.use.en,
               qz(name.text) + " 是保留名：项目文件用它表示" + r.use.zh},
              {"choose another name", "请换一个名称"});
    return false;
  }
  const auto [it, inserted] = ctx.symbols.emplace(name.text, symbol);
  if (!inserted) {
    Diagnostic& d = ctx.error("check.duplicate-name", name.span,
                              {q(name.text) + " is declared twice", qz(name.text) + " 重复声明"},
                              {"names of facts, kinds and layers are global to the ruleset and must differ",
                               "事实、类别和图层的名称在整个清单中共用，不得重复"});
    ctx.note(d, ctx.declared_at.at(name.text), {"first declared here", "首次声明于此"});
    return false;
  }
  ctx.declared_at.emplace(name.text, name.span);
  return true;
}

void add_adjective(Context& ctx, const std::string& word, Adjective adjective) {
  auto& list = ctx.adjectives[word];
  for (const Adjective& a : list) {
    if (a.kind == adjective.kind && a.fact == adjective.fact && a.value == adjective.value) return;
  }
  list.push_back(adjective);
}

/// A declaration a ruleset has at most once: true for the first, an error
/// pointing at the first for any other.
template <class Decl>
bool first_of_its_kind(Context& ctx, const Decl& decl, const Decl*& first, std::string code, LocalizedText message) {
  if (first) {
    Diagnostic& d = ctx.error(std::move(code), decl.span, std::move(message));
    ctx.note(d, first->span, {"the first is here", "第一条在此"});
    return false;
  }
  first = &decl;
  return true;
}

// (`effective … until …` running backwards is refused by the parser.)
void declare_ruleset(Context& ctx, const ast::RulesetDecl& decl, const ast::RulesetDecl*& first) {
  if (!first_of_its_kind(ctx, decl, first, "check.duplicate-ruleset",
                         {"a ruleset has one `ruleset` declaration; this is a second",
                          "一个清单只能有一条“清单”声明，此处为第二条"})) {
    return;
  }
  model::Model& m = ctx.model;
  m.title = decl.title.value;
  m.version = decl.version ? decl.version->value : "";
  if (decl.effective) {
    m.effective_from = decl.effective->from.date;
    if (decl.effective->until) m.effective_until = decl.effective->until->date;
  }
}

model::FactKind fact_kind(ast::FactTypeKind kind) {
  switch (kind) {
    case ast::FactTypeKind::boolean: return model::FactKind::boolean;
    case ast::FactTypeKind::number: return model::FactKind::number;
    case ast::FactTypeKind::quantity: return model::FactKind::quantity;
    case ast::FactTypeKind::one_of:
    case ast::FactTypeKind::named: return model::FactKind::enumeration;
    case ast::FactTypeKind::industry: return model::FactKind::industry;
    case ast::FactTypeKind::text: return model::FactKind::text;
    case ast::FactTypeKind::date: return model::FactKind::date;
  }
  return model::FactKind::text;
}

using model::kMaxEnumValues;

/// `v` and the values under it, each after its parent (Fact::with_values_under
/// relies on that order).
void add_value(Context& ctx, model::Fact& fact, const ast::EnumValue& v, std::optional<std::uint32_t> parent,
               std::unordered_map<std::string, Span>& seen) {
  const std::string label = v.label ? v.label->value : "";
  const std::string words[] = {v.name.text, label == v.name.text ? std::string() : label};
  for (const std::string& word : words) {
    if (word.empty()) continue;
    const auto [it, inserted] = seen.emplace(word, v.name.span);
    if (!inserted) {
      Diagnostic& d = ctx.error("check.duplicate-value", v.name.span,
                                {q(fact.name) + " has two values named or labelled " + q(word),
                                 qz(fact.name) + " 有两个取值的名称或标签都是" + qz(word)});
      ctx.note(d, it->second, {"the other is here", "另一个在此"});
    }
  }
  const auto id = static_cast<std::uint32_t>(fact.values.size());
  fact.values.push_back({v.name.text, label, parent, {}});
  for (const ast::EnumValue& under : v.under) add_value(ctx, fact, under, id, seen);
}

}  // namespace

void add_values(Context& ctx, model::Fact& into, const std::vector<ast::EnumValue>& values, const Span& span) {
  std::unordered_map<std::string, Span> seen;
  for (const ast::EnumValue& v : values) add_value(ctx, into, v, std::nullopt, seen);
  if (into.values.size() > kMaxEnumValues) {
    ctx.error("check.too-many-values", span,
              {"an enumeration may have at most " + std::to_string(kMaxEnumValues) + " values",
               "枚举最多 " + std::to_string(kMaxEnumValues) + " 个取值"});
  }
}

namespace {

/// `enumeration natures "建设性质" = {…};`: its values, checked once, for
/// every fact declared with it (`fact nature : natures;`). Declared again,
/// each declaration for a period, its versions are merged.
void declare_enumeration(Context& ctx, const std::vector<const ast::EnumDecl*>& versions) {
  const ast::EnumDecl& first = *versions.front();
  const bool dated = std::all_of(versions.begin(), versions.end(), [](const auto* d) { return d->effective.has_value(); });
  if (versions.size() > 1 && dated) {
    if (auto merged = merge_enumeration_versions(ctx, versions)) ctx.enumerations.emplace(first.name.text, std::move(*merged));
    return;
  }
  model::Fact values;  // only its name (for messages) and values are used
  values.name = first.name.text;
  add_values(ctx, values, first.values, first.span);
  if (first.effective) {  // one version only: its values hold in its period
    const std::int32_t from = days_since_epoch(first.effective->from.date);
    const std::int32_t until = first.effective->until ? days_since_epoch(first.effective->until->date)
                                                      : std::numeric_limits<std::int32_t>::max();
    for (model::EnumValue& v : values.values) v.in_force = {{from, until}};
  }
  ctx.enumerations.emplace(first.name.text, std::move(values.values));
  for (std::size_t i = 1; i < versions.size(); ++i) {
    ctx.error("check.duplicate-name", versions[i]->name.span,
              {"enumeration " + q(first.name.text) + " is declared twice; to declare it anew for a period, give "
               "every declaration `effective D [until E]`",
               "枚举" + qz(first.name.text) + " 重复声明；如按时段重新声明，每一处都须写“生效 D [至 E]”"});
  }
}

void declare_fact(Context& ctx, const ast::FactDecl& decl) {
  const auto id = static_cast<model::FactId>(ctx.model.facts.size());
  if (!declare_name(ctx, decl.name, {Symbol::Kind::fact, id})) return;
  model::Fact fact;
  fact.name = decl.name.text;
  fact.label = decl.label ? decl.label->value : "";
  fact.kind = decl.type.many  ? model::FactKind::enum_set
              : decl.type.per ? model::FactKind::amounts
                              : fact_kind(decl.type.kind);
  if (decl.type.unit) fact.unit = ctx.unit(*decl.type.unit, decl.type.unit_span, decl.type.unit_pending);
  fact.source = ctx.locate(decl.span);
  if (decl.type.named) {
    const auto it = ctx.enumerations.find(decl.type.named->text);
    if (it != ctx.enumerations.end()) {
      fact.values = it->second;
    } else {
      // A misspelt type (`boool`) or enumeration.
      std::vector<std::string_view> names{"bool", "number", "quantity", "industry", "text", "date"};
      for (const auto& [name, values] : ctx.enumerations) names.push_back(name);
      std::sort(names.begin() + 6, names.end());  // the suggestion must not depend on hashing
      LocalizedText help{"a fact's type is bool, number, quantity UNIT, one of {…}, industry, text, date or an "
                         "enumeration declared with `enumeration NAME = {…};`",
                         "事实的类型为布尔、数值、数量 单位、枚举 {…}、行业、文本、日期，或以“枚举类型 名称 = {…}；”声明的枚举"};
      if (const auto near = closest_near_miss(decl.type.named->text, names)) {
        help = {"did you mean `" + std::string(names[*near]) + "`?", "是否应为“" + std::string(names[*near]) + "”？"};
      }
      ctx.error("check.unknown-type", decl.type.named->span,
                {q(decl.type.named->text) + " is not a type or a declared enumeration",
                 qz(decl.type.named->text) + " 不是类型，也不是已声明的枚举"},
                std::move(help));
    }
  }
  add_values(ctx, fact, decl.type.values, decl.type.span);
  for (std::uint32_t i = 0; i < fact.values.size(); ++i) {
    add_adjective(ctx, fact.values[i].name, {std::nullopt, id, i});
    if (!fact.values[i].label.empty()) add_adjective(ctx, fact.values[i].label, {std::nullopt, id, i});
  }
  ctx.model.facts.push_back(std::move(fact));
}

/// `quantity t/a per products`: `products` must be a set fact (declared anywhere).
void resolve_amounts(Context& ctx, const std::vector<ParsedFile>& files) {
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* decl = std::get_if<ast::FactDecl>(&item);
      if (decl == nullptr || !decl->type.per) continue;
      const auto self = ctx.lookup(decl->name.text);
      const SourceLocation here = ctx.locate(decl->span);
      const SourceLocation& declared = self ? ctx.model.facts[self->index].source : here;
      if (!self || self->kind != Symbol::Kind::fact || declared.file != here.file || declared.line != here.line) {
        continue;  // a name declared twice: said already
      }
      const ast::Name& per = *decl->type.per;
      const auto set = ctx.lookup(per.text);
      if (set && set->kind == Symbol::Kind::fact && ctx.model.facts[set->index].kind == model::FactKind::enum_set) {
        ctx.model.facts[self->index].per = set->index;
        continue;
      }
      ctx.error("check.per-not-set", per.span,
                {"`per` names a set fact (`fact " + per.text + " : set of {…}`), whose values each get a number; " +
                     q(per.text) + " is not one",
                 "“按”后应为多选事实（“事实 " + per.text + " : 多选 {…}”），为其每个取值分别给出数；" + qz(per.text) + " 不是"},
                set ? LocalizedText{} : ctx.suggest(per.text));
    }
  }
}

void declare_geometry(Context& ctx, const ast::GeometryDecl& decl) {
  const auto id = static_cast<std::uint32_t>(ctx.model.geometries.size());
  if (!declare_name(ctx, decl.name, {Symbol::Kind::geometry, id})) return;
  ctx.model.geometries.push_back({decl.name.text, decl.label ? decl.label->value : "", ctx.locate(decl.span)});
}

void declare_kind(Context& ctx, const ast::File& file, const ast::KindDecl& decl) {
  // Another definition of a kind, for another period: both say when they hold.
  if (const auto s = ctx.lookup(decl.name.text); s && s->kind == Symbol::Kind::kind && decl.effective) {
    auto& definitions = ctx.kind_definitions[s->index];
    if (definitions.front().decl->effective) {
      definitions.push_back({&file, &decl});
      return;
    }
  }
  const auto id = static_cast<model::KindId>(ctx.model.kinds.size());
  if (!declare_name(ctx, decl.name, {Symbol::Kind::kind, id})) return;
  ctx.model.kinds.push_back({decl.name.text, decl.label ? decl.label->value : "", 0, ctx.locate(decl.span)});
  ctx.kind_definitions.push_back({{&file, &decl}});
  add_adjective(ctx, decl.name.text, {id, std::nullopt, 0});
}

// Another version of a table, for another period (the 2019 and the 2024
// catalogue): both say when they hold, and their periods must not meet.
bool another_table_version(Context& ctx, const ast::TableDecl& decl, model::TableId id) {
  const auto s = ctx.lookup(decl.name.text);
  if (!s || s->kind != Symbol::Kind::table || !decl.effective) return false;
  if (!ctx.table_definitions[s->index].decl->effective) return false;
  auto& versions = ctx.table_versions[s->index];
  if (versions.empty()) versions.push_back(s->index);
  const auto until_of = [](const ast::Effectivity& e) {
    return e.until ? e.until->date : std::chrono::year_month_day{std::chrono::year::max(), std::chrono::December, std::chrono::day(31)};
  };
  for (const model::TableId v : versions) {
    const ast::Effectivity& other = *ctx.table_definitions[v].decl->effective;
    if (decl.effective->from.date <= until_of(other) && other.from.date <= until_of(*decl.effective)) {
      Diagnostic& d = ctx.error("check.table-periods", decl.effective->from.span,
                                {"table " + q(decl.name.text) + " has two versions in effect at once: give each its own period",
                                 "名录" + qz(decl.name.text) + "有两个版本同时生效：请为每个版本给出各自的时段"});
      ctx.note(d, other.from.span, {"the other version's period", "另一个版本的时段"});
      break;
    }
  }
  versions.push_back(id);
  return true;
}

void declare_table(Context& ctx, const ast::File& file, const ast::TableDecl& decl) {
  const auto id = static_cast<model::TableId>(ctx.model.tables.size());
  if (!another_table_version(ctx, decl, id) && !declare_name(ctx, decl.name, {Symbol::Kind::table, id})) return;
  model::Table t;
  t.name = decl.name.text;
  t.label = decl.label ? decl.label->value : "";
  t.path = decl.path.value;
  t.column = decl.column.value;
  if (decl.effective) {
    t.effective_from = decl.effective->from.date;
    if (decl.effective->until) t.effective_until = decl.effective->until->date;
  }
  t.source = ctx.locate(decl.span);
  Context::TableNumbers numbers;
  if (decl.numbers) {
    t.number_column = decl.numbers->column.value;
    t.number_unit = decl.numbers->unit ? decl.numbers->unit->text : "";
    numbers.numeric = true;
    if (decl.numbers->unit) {
      numbers.dimension = ctx.unit(*decl.numbers->unit, decl.numbers->unit_span, decl.numbers->unit_pending).dimension;
    }
  }
  ctx.model.tables.push_back(std::move(t));
  ctx.table_values.emplace_back();
  ctx.table_numbers.push_back(std::move(numbers));
  ctx.table_definitions.push_back({&file, &decl});
}

void declare_layer(Context& ctx, const ast::LayerDecl& decl) {
  const auto id = static_cast<model::LayerId>(ctx.model.layers.size());
  if (!declare_name(ctx, decl.name, {Symbol::Kind::layer, id})) return;
  ctx.model.layers.push_back({decl.name.text, decl.label ? decl.label->value : "", decl.path.value, decl.repair,
                              ctx.locate(decl.span), {}, std::nullopt, {}});
}

/// Layers built (through `=`) on layers built on layers… at most this deep,
/// so loading them never recurses far.
constexpr std::size_t kMaxLayerDepth = 16;

/// How each layer is built, found without recursion (a chain of 20,000
/// layers must not exhaust the stack): its depth of `=` (a map layer 0;
/// nothing when it rests on a cycle), and whether it lies on a cycle.
struct LayerDepths {
  std::vector<std::optional<std::size_t>> depth;
  std::vector<bool> on_cycle;
};

LayerDepths layer_depths(const model::Model& m) {
  const std::size_t n = m.layers.size();
  LayerDepths out{std::vector<std::optional<std::size_t>>(n), std::vector<bool>(n, false)};
  const auto operands = [&](model::LayerId l) -> const std::vector<model::LayerId>& { return m.layers[l].of; };
  const auto cycle_at = [&](const std::vector<std::pair<model::LayerId, std::size_t>>& path, model::LayerId o) {
    for (auto it = path.rbegin(); it != path.rend(); ++it) {  // every layer on the path from o up
      out.on_cycle[it->first] = true;
      if (it->first == o) break;
    }
  };
  const auto finish = [&](model::LayerId layer) {
    std::optional<std::size_t> depth = 0;
    for (model::LayerId o : m.layers[layer].of) {
      depth = depth && out.depth[o] ? std::optional<std::size_t>(std::max(*depth, *out.depth[o] + 1)) : std::nullopt;
    }
    out.depth[layer] = out.on_cycle[layer] ? std::nullopt : depth;
  };
  depth_first<model::LayerId>(n, operands, cycle_at, finish);
  return out;
}

/// `layer X = A and B` and `layer X = A where …`: each operand a declared
/// layer, none built on X; a filter checked, on a layer read from a map.
void resolve_intersections(Context& ctx, const std::vector<ParsedFile>& files) {
  std::vector<std::pair<model::LayerId, const ast::LayerDecl*>> derived;
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* decl = std::get_if<ast::LayerDecl>(&item);
      if (!decl || decl->of.empty()) continue;
      const auto self = ctx.lookup(decl->name.text);
      if (!self || self->kind != Symbol::Kind::layer || ctx.model.layers[self->index].source != ctx.locate(decl->span)) {
        continue;  // a name declared twice: reported already
      }
      std::vector<model::LayerId> of;
      for (const ast::Name& operand : decl->of) {
        const auto symbol = ctx.lookup(operand.text);
        if (symbol && symbol->kind == Symbol::Kind::layer && std::find(of.begin(), of.end(), symbol->index) != of.end()) {
          ctx.error("check.layer-repeated", operand.span,
                    {q(operand.text) + " is named twice: a layer meets itself everywhere",
                     qz(operand.text) + " 出现了两次：图层与自身处处相交"});
        } else if (symbol && symbol->kind == Symbol::Kind::layer) {
          of.push_back(symbol->index);
        } else if (symbol) {
          ctx.error("check.not-a-layer", operand.span,
                    {q(operand.text) + " is not a layer; a layer is where layers meet",
                     qz(operand.text) + " 不是图层；图层只能由图层相交得到"});
        } else {
          ctx.error("check.unknown-name", operand.span,
                    {"layer " + q(operand.text) + " is not declared", "图层" + qz(operand.text) + "未声明"},
                    ctx.suggest(operand.text));
        }
      }
      if (decl->filter && !of.empty()) {
        model::Layer& layer = ctx.model.layers[self->index];
        if (!ctx.model.layers[of.front()].path.empty()) {
          layer.filter = layer_filter(ctx, *f.file, *decl->filter);
          layer.filter_text = format::Printer(*f.file, Lang::en).expr(*decl->filter);
        } else {
          ctx.error("check.layer-filter", decl->of.front().span,
                    {"`where` picks features of a layer read from a map; " + q(decl->of.front().text) +
                         " is itself made of layers",
                     "“当”只能筛选来自地图的图层的要素；" + qz(decl->of.front().text) + " 由其他图层得到"});
        }
      }
      ctx.model.layers[self->index].of = std::move(of);
      derived.emplace_back(self->index, decl);
    }
  }
  // An intersection is computed when the maps load: never on a layer picked
  // anew for each project.
  for (const auto& entry : derived) {
    const ast::LayerDecl* decl = entry.second;
    if (decl->filter) continue;
    for (const ast::Name& name : decl->of) {
      const auto symbol = ctx.lookup(name.text);
      if (!symbol || symbol->kind != Symbol::Kind::layer) continue;
      const model::Layer& operand = ctx.model.layers[symbol->index];
      if (!operand.filter || !operand.filter->names_facts()) continue;
      ctx.error("check.layer-filter", name.span,
                {"layer " + q(operand.name) + " is picked anew for each project (its `where` names a fact); where "
                     "layers meet is computed when the maps load, so it cannot be an operand",
                 "图层" + qz(operand.name) + "按每个项目的事实筛选（其“当”引用了事实）；图层相交在加载地图时计算，"
                     "不能以它为运算对象"});
    }
  }
  // Maps load only when checking found no error, so no cycle and no deep
  // chain ever reaches the loader.
  const LayerDepths depths = layer_depths(ctx.model);
  for (const auto& [id, decl] : derived) {
    if (depths.on_cycle[id]) {
      ctx.error("check.layer-cycle", decl->name.span,
                {"layer " + q(decl->name.text) + " is built on itself (through `=`): a layer must come from a map in the end",
                 "图层" + qz(decl->name.text) + "由自身相交得到（经由“=”）：图层最终须来自地图"});
    } else if (depths.depth[id] && *depths.depth[id] > kMaxLayerDepth) {
      ctx.error("check.layer-depth", decl->name.span,
                {"layer " + q(decl->name.text) + " is built on layers built on layers… more than " +
                     std::to_string(kMaxLayerDepth) + " deep",
                 "图层" + qz(decl->name.text) + "的构成层级超过 " + std::to_string(kMaxLayerDepth) + " 层"});
    }
  }
}

void declare_units(Context& ctx, const ast::UnitsDecl& decl, const ast::UnitsDecl*& first) {
  if (first_of_its_kind(ctx, decl, first, "check.duplicate-units",
                        {"a ruleset has one unit map; `units from` appears twice",
                         "一个清单只能有一张单元图；“单元图 来自”出现了两次"})) {
    ctx.model.units_map = model::UnitsMapDecl{decl.path.value, decl.repair, ctx.locate(decl.span)};
  }
}

/// A project file keys a fact by its name or by its label (`"建设性质":
/// "新建"`), so every key must lead to one fact: a label may be neither a
/// reserved member, nor another fact's name, nor another fact's label.
void check_fact_labels(Context& ctx, const std::vector<ParsedFile>& files) {
  std::unordered_map<std::string, const ast::FactDecl*> labelled;
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* decl = std::get_if<ast::FactDecl>(&item);
      if (decl == nullptr || !decl->label || decl->label->value == decl->name.text) continue;
      const std::string& label = decl->label->value;
      const auto reserved = std::find_if(std::begin(kReserved), std::end(kReserved),
                                         [&](const Reserved& r) { return r.name == label; });
      const auto named = ctx.symbols.find(label);
      if (reserved != std::end(kReserved)) {
        ctx.error("check.label-taken", decl->label->span,
                  {"the label " + q(label) + " is reserved: a project file uses it for the project's " + reserved->use.en,
                   "标签" + qz(label) + " 是保留名：项目文件用它表示" + reserved->use.zh});
      } else if (named != ctx.symbols.end() && named->second.kind == Symbol::Kind::fact) {
        Diagnostic& d = ctx.error("check.label-taken", decl->label->span,
                                  {"the label of " + q(decl->name.text) + " is the name of the fact " + q(label) +
                                       ": a project file's " + q(label) + " could mean either",
                                   qz(decl->name.text) + " 的标签是事实" + qz(label) + " 的名称：项目文件中的" +
                                       qz(label) + " 无法区分二者"},
                                  {"give one of them another label or name", "请为其中之一换一个标签或名称"});
        ctx.note(d, ctx.declared_at.at(label), {"that fact is declared here", "该事实声明于此"});
      } else if (const auto [it, first] = labelled.emplace(label, decl); !first) {
        Diagnostic& d = ctx.error("check.label-taken", decl->label->span,
                                  {q(decl->name.text) + " and " + q(it->second->name.text) + " have the same label " +
                                       q(label) + ": a project file's " + q(label) + " could mean either",
                                   qz(decl->name.text) + " 与 " + qz(it->second->name.text) + " 的标签同为" + qz(label) +
                                       "：项目文件中的" + qz(label) + " 无法区分二者"},
                                  {"give one of them another label", "请为其中之一换一个标签"});
        ctx.note(d, it->second->label->span, {"the other label is here", "另一个标签在此"});
      }
    }
  }
}

}  // namespace

void declare(Context& ctx, const std::vector<ParsedFile>& files) {
  const ast::RulesetDecl* ruleset = nullptr;
  const ast::UnitsDecl* units = nullptr;
  declare_units_of_measure(ctx, files);  // first: facts, tables and rules may be in these units
  std::vector<std::vector<const ast::EnumDecl*>> enumerations;  // then enumerations, as facts anywhere may be of
  std::unordered_map<std::string, std::size_t> enumeration_at;    // their types: each name's declarations
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      const auto* e = std::get_if<ast::EnumDecl>(&item);
      if (!e) continue;
      const auto [it, fresh] = enumeration_at.emplace(e->name.text, enumerations.size());
      if (fresh) enumerations.emplace_back();
      enumerations[it->second].push_back(e);
    }
  }
  for (const auto& versions : enumerations) declare_enumeration(ctx, versions);
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      if (const auto* r = std::get_if<ast::RulesetDecl>(&item)) declare_ruleset(ctx, *r, ruleset);
      if (const auto* fact = std::get_if<ast::FactDecl>(&item)) declare_fact(ctx, *fact);
      if (const auto* kind = std::get_if<ast::KindDecl>(&item)) declare_kind(ctx, *f.file, *kind);
      if (const auto* g = std::get_if<ast::GeometryDecl>(&item)) declare_geometry(ctx, *g);
      if (const auto* layer = std::get_if<ast::LayerDecl>(&item)) declare_layer(ctx, *layer);
      if (const auto* table = std::get_if<ast::TableDecl>(&item)) declare_table(ctx, *f.file, *table);
      if (const auto* u = std::get_if<ast::UnitsDecl>(&item)) declare_units(ctx, *u, units);
    }
  }
  resolve_intersections(ctx, files);
  resolve_amounts(ctx, files);
  check_fact_labels(ctx, files);
  read_tables(ctx);
  index_labels(ctx);
}

}  // namespace zhunru::check
