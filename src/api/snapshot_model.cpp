#include "api/snapshot_model.hpp"

#include <geos/io/WKBConstants.h>
#include <geos/io/WKBReader.h>
#include <geos/io/WKBWriter.h>

#include <array>
#include <sstream>

#include "base/first_touch.hpp"
#include "base/json_input.hpp"
#include "base/side_by_side.hpp"
#include "geo/geos.hpp"
#include "geo/plain_wkb.hpp"
#include "maps/geo_layer.hpp"
#include "maps/unit_map.hpp"

// Enumerator counts, checked on reading (a new enumerator must be counted here).
namespace zhunru::snapshot {
template <> struct EnumCount<UnitClass> { static constexpr unsigned value = 3; };
template <> struct EnumCount<RuleForm> { static constexpr unsigned value = 5; };
template <> struct EnumCount<ControlDimension> { static constexpr unsigned value = 4; };
template <> struct EnumCount<TierLevel> { static constexpr unsigned value = 5; };
template <> struct EnumCount<model::FactKind> { static constexpr unsigned value = 9; };
template <> struct EnumCount<ast::CompareOp> { static constexpr unsigned value = 6; };
template <> struct EnumCount<model::ArithOp> { static constexpr unsigned value = 4; };
template <> struct EnumCount<ast::SpatialOp> { static constexpr unsigned value = 5; };
template <> struct EnumCount<model::OverlapMeasure> { static constexpr unsigned value = 3; };
template <> struct EnumCount<maps::PickNode::Kind> { static constexpr unsigned value = 5; };
}  // namespace zhunru::snapshot

// Each struct's members, listed once for writing (T const) and reading;
// found by argument-dependent lookup from the Writer and the Reader.
namespace zhunru {

void fields(auto& io, Is<SourceLocation> auto& l) {
  io.bytes(l.file);  // a path: whatever bytes the file system gave
  io(l.line, l.column, l.end_line, l.end_column);
}
void fields(auto& io, Is<LocalizedText> auto& t) { io(t.en, t.zh); }

/// A unit is stored as written and parsed again on reading, in the
/// ruleset's units: its factor and dimension are the parser's to say.
void fields(auto& io, Is<Unit> auto& u) {
  io(u.text);
  if constexpr (!std::is_const_v<std::remove_reference_t<decltype(u)>>) {
    if (u.text.empty()) return;
    auto parsed = io.units ? parse_unit(u.text, *io.units) : parse_unit(u.text);
    if (!parsed) throw snapshot::Damaged("a unit in the snapshot does not parse: " + u.text);
    u = *parsed;
  }
}

/// A dimension as its exponents, one per base dimension.
void fields(auto& io, Is<Dimension> auto& d) {
  for (std::size_t b = 0; b < kBaseDimensionCount; ++b) {
    const auto base = static_cast<BaseDimension>(b);
    if constexpr (std::is_const_v<std::remove_reference_t<decltype(d)>>) {
      const auto e = static_cast<std::int32_t>(d.exponent(base));
      io(e);
    } else {
      std::int32_t e = 0;
      io(e);
      if (e < -64 || e > 64) throw snapshot::Damaged("a dimension in the snapshot is out of range");
      for (; e > 0; --e) d = d * Dimension::of(base);
      for (; e < 0; ++e) d = d / Dimension::of(base);
    }
  }
}
void fields(auto& io, Is<UnitDefinition> auto& u) { io(u.symbol, u.factor, u.dimension); }

}  // namespace zhunru

namespace zhunru::model {

void fields(auto& io, Is<NumConst> auto& n) { io(n.value); }
void fields(auto& io, Is<NumFact> auto& n) { io(n.fact); }
void fields(auto& io, Is<NumArith> auto& n) { io(n.op, n.lhs, n.rhs); }
void fields(auto& io, Is<NumNeg> auto& n) { io(n.operand); }
void fields(auto& io, Is<NumItem> auto& n) { io(n.fact, n.value); }
void fields(auto& io, Is<BoolConst> auto& n) { io(n.value); }
void fields(auto& io, Is<BoolFact> auto& n) { io(n.fact); }
void fields(auto& io, Is<Compare> auto& n) { io(n.op, n.lhs, n.rhs); }
void fields(auto& io, Is<EnumIn> auto& n) { io(n.fact, n.values); }
void fields(auto& io, Is<EnumHas> auto& n) { io(n.fact, n.values); }
void fields(auto& io, Is<IndustryIn> auto& n) { io(n.fact, n.codes, n.exact); }
void fields(auto& io, Is<TextIn> auto& n) { io(n.fact, n.values); }
void fields(auto& io, Is<Not> auto& n) { io(n.operand); }
void fields(auto& io, Is<All> auto& n) { io(n.operands); }
void fields(auto& io, Is<Any> auto& n) { io(n.operands); }
void fields(auto& io, Is<IsKind> auto& n) { io(n.kind); }
void fields(auto& io, Is<SiteSpatial> auto& n) { io(n.op, n.layer, n.amount, n.by, n.geometry); }
void fields(auto& io, Is<Geometry> auto& g) { io(g.name, g.label, g.source); }
void fields(auto& io, Is<UnitOfMeasure> auto& u) { io(u.definition, u.label, u.written, u.source); }
void fields(auto& io, Is<Table> auto& t) {
  io(t.name, t.label, t.path, t.column, t.of, t.filter_text, t.effective_from, t.effective_until, t.values, t.source,
     t.number_column, t.number_unit);
}
void fields(auto& io, Is<AsOfIn> auto& n) { io(n.from_day, n.until_day); }

void fields(auto& io, Is<EnumValue> auto& v) { io(v.name, v.label, v.parent, v.in_force); }
void fields(auto& io, Is<Fact> auto& f) { io(f.name, f.label, f.kind, f.unit, f.values, f.source, f.per); }
void fields(auto& io, Is<Kind> auto& k) { io(k.name, k.label, k.condition, k.source); }
// A filter is applied when the maps load: a snapshot keeps the features that
// passed, and the filter only as its text.
void fields(auto& io, Is<Layer> auto& l) { io(l.name, l.label, l.path, l.repair, l.source, l.of, l.filter_text); }
void fields(auto& io, Is<UnitsMapDecl> auto& u) { io(u.path, u.repair, u.source); }
void fields(auto& io, Is<Tier> auto& t) { io(t.level, t.code, t.name, t.parent, t.source); }
/// Written as five texts (the encoding of the five strings rules kept before).
void fields(auto& io, Is<RuleTexts> auto& t) {
  if constexpr (std::is_const_v<std::remove_reference_t<decltype(t)>>) {
    std::array<std::string, RuleTexts::kParts> parts;
    for (std::size_t i = 0; i < parts.size(); ++i) parts[i] = std::string(t[static_cast<RuleTexts::Part>(i)]);
    io(parts[0], parts[1], parts[2], parts[3], parts[4]);
  } else {
    std::array<std::string_view, RuleTexts::kParts> parts;  // viewed in the payload, copied once
    for (std::string_view& part : parts) part = io.text();
    t = RuleTexts(parts);
  }
}

void fields(auto& io, Is<RegionScope> auto& g) { io(g.level, g.negated, g.codes); }

void fields(auto& io, Is<Rule> auto& r) {
  io(r.id, r.generated_id, r.form, r.dimension, r.tier, r.subject, r.classes, r.units, r.regions, r.restates, r.spatial, r.where, r.unless,
     r.requirement, r.weight, r.because, r.cites, r.quotes, r.effective_from, r.effective_until, r.source, r.texts, r.texts_zh);
}

void fields(auto& io, Is<RuleSource> auto& s) { io(s.file, s.line, s.column, s.end_line, s.end_column); }

/// File paths: whatever bytes the file system gave (not checked for UTF-8).
void paths(snapshot::Writer& out, const std::vector<std::string>& files) {
  out(static_cast<std::uint32_t>(files.size()));
  for (const std::string& f : files) out.bytes(f);
}
void paths(snapshot::Reader& in, std::vector<std::string>& files) {
  std::uint32_t n = 0;
  in(n);
  files.clear();
  for (std::uint32_t i = 0; i < n; ++i) in.bytes(files.emplace_back());  // each takes 4 bytes or more: bounded by the payload
}

/// All but the rules, which write_model() and read_model() handle in blocks.
void fields(auto& io, Is<Model> auto& m) {
  io(m.units_of_measure);  // first: the facts' and tables' units are read in them
  if constexpr (!std::is_const_v<std::remove_reference_t<decltype(m)>>) {
    std::vector<UnitDefinition> declared;
    for (const UnitOfMeasure& u : m.units_of_measure) declared.push_back(u.definition);
    auto set = UnitSet::with(std::move(declared));
    if (!set) throw snapshot::Damaged("the snapshot's units of measure are refused: " + set.error().en);
    m.unit_set = std::move(*set);
    io.units = &m.unit_set;
  }
  io(m.title, m.version, m.effective_from, m.effective_until, m.facts, m.kinds, m.layers, m.geometries, m.tables, m.units_map, m.tiers,
     m.conds, m.nums);
  paths(io, m.files);
}

}  // namespace zhunru::model

namespace zhunru::maps {

void fields(auto& io, Is<MapUnit> auto& u) { io(u.code, u.name, u.district, u.unit_class); }
void fields(auto& io, Is<PickNode> auto& n) { io(n.kind, n.op, n.fact_kind, n.end, n.fact, n.column); }
void fields(auto& io, Is<PickedLayer> auto& p) { io(p.nodes, p.fixed, p.items, p.parents); }

}  // namespace zhunru::maps

namespace zhunru::snapshot {

using namespace model;

namespace {

// The rules go in blocks, each a blob of its own, decoded on every core when
// loaded (a national list: a million rules, most of the payload).
constexpr std::size_t kRuleBlocks = 16;
// Fewer bytes than any rule encodes to (ids, flags, counts, a weight, a
// location, texts: over 80), to bound a count against the bytes that hold it.
constexpr std::size_t kMinRuleBytes = 64;

std::size_t block_start(std::size_t block, std::size_t rules) { return rules * block / kRuleBlocks; }

}  // namespace

void write_model(Writer& out, const Model& m) {
  out(m);
  out(static_cast<std::uint32_t>(m.rules.size()));
  for (std::size_t b = 0; b < kRuleBlocks; ++b) {
    out.blob([&](Writer& w) {
      for (std::size_t i = block_start(b, m.rules.size()); i < block_start(b + 1, m.rules.size()); ++i) w(m.rules[i]);
    });
  }
}

Model read_model(Reader& in) {
  Model m;
  in(m);
  std::uint32_t n = 0;
  in(n);
  std::array<std::string_view, kRuleBlocks> blocks;
  std::size_t bytes = 0;
  for (std::string_view& block : blocks) {
    block = in.raw();
    bytes += block.size();
  }
  if (n > bytes / kMinRuleBytes) throw Damaged("the snapshot counts more rules than its bytes hold");
  m.rules.reserve(n);
  touch_pages_on_every_core(m.rules.data(), n * sizeof(Rule));
  m.rules.resize(n);
  const auto decode = [&](std::size_t b) {
    Reader rules(blocks[b]);
    for (std::size_t i = block_start(b, n); i < block_start(b + 1, n); ++i) rules(m.rules[i]);
    if (!rules.at_end()) throw Damaged("a block of rules in the snapshot has bytes after its end");
  };
  for_each_index(kRuleBlocks, decode);  // each block fills its own rules
  return m;
}

namespace {

// As deep as any JSON zhunru reads (json_input's depth limit).
constexpr int kMaxGeometryDepth = static_cast<int>(json_input::Limits{}.max_depth);

void write_features(Writer& out, const std::vector<const maps::MapFeature*>& features) {
  geos::io::WKBWriter wkb(2, geos::io::WKBConstants::wkbNDR);  // little-endian, as plain_wkb() expects
  out(static_cast<std::uint32_t>(features.size()));
  for (const maps::MapFeature* f : features) {
    std::ostringstream bytes;
    if (f->geometry) wkb.write(*f->geometry, bytes);
    out(static_cast<std::uint64_t>(f->index), f->label);
    out.raw(bytes.str());
    out(f->repairs);
  }
}

std::vector<maps::MapFeature> read_features(Reader& in, const geo::GeometryFactory& factory) {
  geos::io::WKBReader wkb(factory);
  std::uint32_t n = 0;
  in(n);
  std::vector<maps::MapFeature> out;
  for (std::uint32_t i = 0; i < n; ++i) {
    maps::MapFeature f;
    std::uint64_t index = 0;
    in(index, f.label);
    f.index = index;
    const std::string_view bytes = in.raw();
    // Every map feature has a valid geometry (the map loader dropped or
    // refused the others); anything else was not written by zhunru.
    if (!geo::plain_wkb(bytes, kMaxGeometryDepth)) throw Damaged("a map geometry in the snapshot is not one zhunru wrote");
    f.geometry = wkb.read(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    if (!f.geometry || !f.geometry->isValid()) throw Damaged("a map geometry in the snapshot is not valid");
    geo::warm_envelopes(*f.geometry);
    in(f.repairs);
    out.push_back(std::move(f));
  }
  return out;
}

template <class Map>
std::vector<const maps::MapFeature*> features_of(const Map& map) {
  std::vector<const maps::MapFeature*> out;
  for (std::uint32_t i = 0; i < map.size(); ++i) out.push_back(&map.feature(i));
  return out;
}

}  // namespace

void write_maps(Writer& out, const maps::Maps& maps, const Model& model) {
  out(maps.units != nullptr);
  if (maps.units) {
    out.bytes(maps.units->path());
    write_features(out, features_of(*maps.units));
    std::vector<maps::MapUnit> units;
    for (std::uint32_t i = 0; i < maps.units->size(); ++i) units.push_back(maps.units->unit(i));
    out(units);
  }
  out(static_cast<std::uint32_t>(maps.layers.size()));
  for (std::size_t i = 0; i < maps.layers.size(); ++i) {
    const maps::GeoLayer& l = *maps.layers[i];
    out(i < model.layers.size() ? model.layers[i].name : l.name());
    out.bytes(l.path());
    write_features(out, features_of(l));
  }
  // Layers picked per project: their tests, and what each reads of each feature.
  out(static_cast<std::uint32_t>(maps.picks.size()));
  for (const auto& pick : maps.picks) {
    out(pick != nullptr);
    if (pick) out(*pick);
  }
}

maps::Maps read_maps(Reader& in) {
  maps::Maps out;
  const auto factory = geo::make_factory();
  bool has_units = false;
  in(has_units);
  if (has_units) {
    std::string path;
    in.bytes(path);
    auto features = read_features(in, *factory);
    std::vector<maps::MapUnit> units;
    in(units);
    if (units.size() != features.size()) throw Damaged("the snapshot's unit map has units without shapes");
    out.units = std::make_unique<const maps::UnitMap>(std::move(path), std::move(features), std::move(units));
  }
  std::uint32_t layers = 0;
  in(layers);
  for (std::uint32_t i = 0; i < layers; ++i) {
    std::string name;
    std::string path;
    in(name);
    in.bytes(path);
    out.layers.push_back(std::make_unique<const maps::GeoLayer>(std::move(name), std::move(path), read_features(in, *factory)));
  }
  std::uint32_t picks = 0;
  in(picks);
  if (picks > layers) throw Damaged("the snapshot picks features of layers it does not have");
  for (std::uint32_t i = 0; i < picks; ++i) {
    bool present = false;
    in(present);
    if (!present) {
      out.picks.emplace_back();
      continue;
    }
    auto pick = std::make_unique<maps::PickedLayer>();
    in(*pick);
    out.picks.push_back(std::move(pick));
  }
  return out;
}

}  // namespace zhunru::snapshot
