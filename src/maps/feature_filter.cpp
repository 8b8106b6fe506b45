#include "maps/feature_filter.hpp"

#include <algorithm>
#include <set>

#include "base/edit_distance.hpp"
#include "model/industry_classification.hpp"

namespace zhunru::maps {
namespace {

using Json = nlohmann::json;
using model::FeatureFilter;
using model::PropertyValue;

std::string type_of(const PropertyValue& v) {
  if (std::holds_alternative<double>(v)) return "number";
  if (std::holds_alternative<std::string>(v)) return "text";
  return "true/false";
}

std::string type_zh(const PropertyValue& v) {
  if (std::holds_alternative<double>(v)) return "数值";
  if (std::holds_alternative<std::string>(v)) return "文本";
  return "真/假";
}

bool same_type(const Json& j, const PropertyValue& v) {
  if (std::holds_alternative<double>(v)) return j.is_number();
  if (std::holds_alternative<std::string>(v)) return j.is_string();
  return j.is_boolean();
}

bool compare(const Json& j, ast::CompareOp op, const PropertyValue& v) {
  if (const auto* n = std::get_if<double>(&v)) {
    const double x = j.get<double>();
    switch (op) {
      case ast::CompareOp::eq: return x == *n;
      case ast::CompareOp::ne: return x != *n;
      case ast::CompareOp::lt: return x < *n;
      case ast::CompareOp::le: return x <= *n;
      case ast::CompareOp::gt: return x > *n;
      case ast::CompareOp::ge: return x >= *n;
    }
  }
  const bool equal = std::holds_alternative<std::string>(v) ? j.get<std::string>() == std::get<std::string>(v)
                                                             : j.get<bool>() == std::get<bool>(v);
  return op == ast::CompareOp::ne ? !equal : equal;
}

/// Applies the test to each feature; the first misfit stops it.
class Matcher {
 public:
  Matcher(const GeoLayer& layer, const std::vector<Json>& properties) : layer_(layer), properties_(properties) {}

  /// Every property the test names exists in some feature; else the message.
  std::optional<LocalizedText> missing_property(const FeatureFilter& f) const {
    if (f.kind != FeatureFilter::Kind::test) {
      for (const FeatureFilter& o : f.operands) {
        if (auto m = missing_property(o)) return m;
      }
      return std::nullopt;
    }
    const auto has = [&](const Json& p) {
      const auto it = p.is_object() ? p.find(f.property) : p.end();
      return p.is_object() && it != p.end() && !it->is_null();
    };
    if (std::any_of(properties_.begin(), properties_.end(), has)) return std::nullopt;
    std::set<std::string> names;  // for the message only
    for (const Json& p : properties_) {
      if (p.is_object()) {
        for (const auto& [key, value] : p.items()) names.insert(key);
      }
    }
    LocalizedText m{"no feature of layer " + layer_.name() + " has the property `" + f.property + "`",
                    "图层 " + layer_.name() + " 没有要素具有属性“" + f.property + "”"};
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    if (const auto i = closest_near_miss(f.property, candidates)) {
      m.en += "; did you mean `" + std::string(candidates[*i]) + "`?";
      m.zh += "；是否应为“" + std::string(candidates[*i]) + "”？";
    } else if (!names.empty()) {
      std::string some;
      for (const std::string& n : names) {
        if (some.size() > 200) break;
        some += (some.empty() ? "" : ", ") + n;
      }
      m.en += " (its features have: " + some + ")";
      m.zh += "（其要素具有：" + some + "）";
    }
    return m;
  }

  /// Whether feature `i` passes; throws the message when a value's type does not fit.
  bool passes(std::size_t i, const FeatureFilter& f) const {
    switch (f.kind) {
      case FeatureFilter::Kind::all:
        return std::all_of(f.operands.begin(), f.operands.end(), [&](const FeatureFilter& o) { return passes(i, o); });
      case FeatureFilter::Kind::any:
        return std::any_of(f.operands.begin(), f.operands.end(), [&](const FeatureFilter& o) { return passes(i, o); });
      case FeatureFilter::Kind::negate: return !passes(i, f.operands.front());
      case FeatureFilter::Kind::test: break;
    }
    const Json& p = properties_[i];
    const auto it = p.is_object() ? p.find(f.property) : p.end();
    if (!p.is_object() || it == p.end() || it->is_null()) return false;  // a feature without it: not picked
    bool any = false;
    for (const PropertyValue& v : f.values) {
      if (!same_type(*it, v)) throw misfit(i, f.property, *it, v);
      any = any || compare(*it, f.op, v);
    }
    return any;
  }

  struct Misfit {
    LocalizedText message;
  };

  /// Feature `i`'s values of the test's property, converted for comparing
  /// with `fact` (none when it lacks the property); throws when one does not fit.
  std::vector<PropertyValue> values_for(std::size_t i, const FeatureFilter& f, const model::Fact& fact) const {
    const Json& p = properties_[i];
    const auto it = p.is_object() ? p.find(f.property) : p.end();
    std::vector<PropertyValue> out;
    if (!p.is_object() || it == p.end() || it->is_null()) return out;
    if (!it->is_array()) {
      convert(i, f.property, *it, fact, out);
      return out;
    }
    for (const Json& item : *it) convert(i, f.property, item, fact, out);
    return out;
  }

 private:
  Misfit misfit(std::size_t i, const std::string& property, const Json& found, const PropertyValue& v) const {
    return misfit(i, property, found, {"a " + type_of(v), type_zh(v)});
  }

  Misfit misfit(std::size_t i, const std::string& property, const Json& found, const LocalizedText& wanted) const {
    const MapFeature& f = layer_.feature(static_cast<std::uint32_t>(i));
    const LocalizedText where = f.describe(layer_.path());
    std::string shown = found.dump();
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    return {{where.en + ": property `" + property + "` is " + shown + ", but the test compares it with " + wanted.en,
             where.zh + "：属性“" + property + "”为 " + shown + "，而条件将其与" + wanted.zh + "比较"}};
  }

  /// One value of a property as the fact's kind reads it (appended to `out`).
  void convert(std::size_t i, const std::string& property, const Json& j, const model::Fact& fact,
               std::vector<PropertyValue>& out) const {
    using model::FactKind;
    const LocalizedText wanted{"fact `" + fact.name + "`", "事实“" + fact.name + "”"};
    switch (fact.kind) {
      case FactKind::boolean:
        if (!j.is_boolean()) throw misfit(i, property, j, {wanted.en + ", true or false", wanted.zh + "（真/假）"});
        out.emplace_back(j.get<bool>());
        return;
      case FactKind::number:
      case FactKind::quantity:
        if (!j.is_number()) throw misfit(i, property, j, {wanted.en + ", a number", wanted.zh + "（数值）"});
        // A quantity fact's number in the map is in the fact's declared unit.
        out.emplace_back(j.get<double>() * (fact.kind == FactKind::quantity ? fact.unit.factor : 1.0));
        return;
      case FactKind::enumeration: {
        const auto v = j.is_string() ? fact.find_value(j.get<std::string>()) : std::nullopt;
        if (!v) throw misfit(i, property, j, {wanted.en + ", one of its values (" + value_list(fact) + ")",
                                              wanted.zh + "（其取值之一：" + value_list(fact) + "）"});
        out.emplace_back(static_cast<double>(*v));
        return;
      }
      case FactKind::industry:
        if (!j.is_string() || !model::IndustryClassification::gbt4754_2017().find(j.get<std::string>())) {
          throw misfit(i, property, j, {wanted.en + ", a GB/T 4754-2017 code (C26)",
                                        wanted.zh + "（GB/T 4754-2017 行业代码，如 C26）"});
        }
        out.emplace_back(j.get<std::string>());
        return;
      case FactKind::text:
        if (!j.is_string()) throw misfit(i, property, j, {wanted.en + ", a text", wanted.zh + "（文本）"});
        out.emplace_back(j.get<std::string>());
        return;
      case FactKind::date:
      case FactKind::enum_set:
      case FactKind::amounts: break;  // refused by the checker
    }
    throw misfit(i, property, j, wanted);
  }

  static std::string value_list(const model::Fact& fact) {
    std::string out;
    for (const model::EnumValue& v : fact.values) {
      if (out.size() > 200) return out + ", …";
      out += (out.empty() ? "" : ", ") + v.name + (v.label.empty() ? "" : " " + v.label);
    }
    return out;
  }

  const GeoLayer& layer_;
  const std::vector<Json>& properties_;
};

void refuse(const SourceLocation& at, LocalizedText message, std::vector<Diagnostic>& diagnostics) {
  Diagnostic d;
  d.code = "map.layer-filter";
  d.location = at;
  d.message = std::move(message);
  diagnostics.push_back(std::move(d));
}

/// Appends `f` (and what it tests of each feature) to `out`, in pre-order.
void compile_pick(const Matcher& matcher, const FeatureFilter& f, const std::vector<model::Fact>& facts,
                  std::size_t features, PickedLayer& out) {
  const std::size_t me = out.nodes.size();
  out.nodes.emplace_back();
  PickNode node;
  switch (f.kind) {
    case FeatureFilter::Kind::all: node.kind = PickNode::Kind::all; break;
    case FeatureFilter::Kind::any: node.kind = PickNode::Kind::any; break;
    case FeatureFilter::Kind::negate: node.kind = PickNode::Kind::negate; break;
    case FeatureFilter::Kind::test:
      if (f.fact) {
        const model::Fact& fact = facts.at(*f.fact);
        node = {PickNode::Kind::fact, f.op, fact.kind, 0, *f.fact, static_cast<std::uint32_t>(out.items.size())};
        auto& column = out.items.emplace_back();
        for (std::size_t i = 0; i < features; ++i) {
          auto values = matcher.values_for(i, f, fact);
          std::sort(values.begin(), values.end());  // a list that repeats itself is kept once
          values.erase(std::unique(values.begin(), values.end()), values.end());
          column.push_back(std::move(values));
        }
        auto& up = out.parents.emplace_back();
        for (std::uint32_t v = 0; v < fact.values.size() && fact.kind == model::FactKind::enumeration; ++v) {
          up.push_back(fact.values[v].parent.value_or(v));
        }
      } else {
        node.kind = PickNode::Kind::fixed;
        node.column = static_cast<std::uint32_t>(out.fixed.size());
        auto& column = out.fixed.emplace_back();
        for (std::size_t i = 0; i < features; ++i) column.push_back(matcher.passes(i, f) ? 1 : 0);
      }
      break;
  }
  for (const FeatureFilter& o : f.operands) compile_pick(matcher, o, facts, features, out);
  node.end = static_cast<std::uint32_t>(out.nodes.size());
  out.nodes[me] = node;
}

}  // namespace

PickedFeatures pick_layer(const std::string& name, const GeoLayer& layer, const std::vector<Json>& properties,
                          const FeatureFilter& filter, const std::vector<model::Fact>& facts, const SourceLocation& at,
                          std::vector<Diagnostic>& diagnostics) {
  const Matcher matcher(layer, properties);
  if (auto missing = matcher.missing_property(filter)) {
    refuse(at, std::move(*missing), diagnostics);
    return {};
  }
  auto pick = std::make_unique<PickedLayer>();
  try {
    compile_pick(matcher, filter, facts, layer.size(), *pick);
  } catch (const Matcher::Misfit& m) {
    refuse(at, m.message, diagnostics);
    return {};
  }
  std::vector<MapFeature> all;
  for (std::uint32_t i = 0; i < layer.size(); ++i) {
    const MapFeature& f = layer.feature(i);
    all.push_back({f.index, f.label, f.geometry->clone(), f.repairs});
  }
  return {std::make_unique<const GeoLayer>(name, layer.path(), std::move(all)), std::move(pick)};
}

std::unique_ptr<const GeoLayer> filter_layer(const std::string& name, const GeoLayer& layer,
                                             const std::vector<Json>& properties, const FeatureFilter& filter,
                                             const SourceLocation& at, std::vector<Diagnostic>& diagnostics) {
  const Matcher matcher(layer, properties);
  if (auto missing = matcher.missing_property(filter)) {
    refuse(at, std::move(*missing), diagnostics);
    return nullptr;
  }
  std::vector<MapFeature> kept;
  try {
    for (std::uint32_t i = 0; i < layer.size(); ++i) {
      if (!matcher.passes(i, filter)) continue;
      const MapFeature& f = layer.feature(i);
      kept.push_back({f.index, f.label, f.geometry->clone(), f.repairs});
    }
  } catch (const Matcher::Misfit& m) {
    refuse(at, m.message, diagnostics);
    return nullptr;
  }
  auto out = std::make_unique<const GeoLayer>(name, layer.path(), std::move(kept));
  if (out->size() == 0) {
    Diagnostic d;
    d.code = "map.empty-filter";
    d.severity = Severity::warning;
    d.location = at;
    d.message = {"layer " + name + " is empty: no feature of " + layer.name() + " passes its `where`",
                 "图层 " + name + " 为空：" + layer.name() + " 没有要素满足其“当”条件"};
    diagnostics.push_back(std::move(d));
  }
  return out;
}

}  // namespace zhunru::maps
