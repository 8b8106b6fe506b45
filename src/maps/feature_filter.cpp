#include "maps/feature_filter.hpp"

#include <algorithm>
#include <set>

#include "base/edit_distance.hpp"

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

 private:
  Misfit misfit(std::size_t i, const std::string& property, const Json& found, const PropertyValue& v) const {
    const MapFeature& f = layer_.feature(static_cast<std::uint32_t>(i));
    const LocalizedText where = f.describe(layer_.path());
    std::string shown = found.dump();
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    return {{where.en + ": property `" + property + "` is " + shown + ", but the test compares it with a " + type_of(v),
             where.zh + "：属性“" + property + "”为 " + shown + "，而条件将其与" + type_zh(v) + "比较"}};
  }

  const GeoLayer& layer_;
  const std::vector<Json>& properties_;
};

}  // namespace

std::unique_ptr<const GeoLayer> filter_layer(const std::string& name, const GeoLayer& layer,
                                             const std::vector<Json>& properties, const FeatureFilter& filter,
                                             const SourceLocation& at, std::vector<Diagnostic>& diagnostics) {
  const auto refuse = [&](LocalizedText message) -> std::unique_ptr<const GeoLayer> {
    Diagnostic d;
    d.code = "map.layer-filter";
    d.location = at;
    d.message = std::move(message);
    diagnostics.push_back(std::move(d));
    return nullptr;
  };
  const Matcher matcher(layer, properties);
  if (auto missing = matcher.missing_property(filter)) return refuse(std::move(*missing));
  std::vector<MapFeature> kept;
  try {
    for (std::uint32_t i = 0; i < layer.size(); ++i) {
      if (!matcher.passes(i, filter)) continue;
      const MapFeature& f = layer.feature(i);
      kept.push_back({f.index, f.label, f.geometry->clone(), f.repairs});
    }
  } catch (const Matcher::Misfit& m) {
    return refuse(m.message);
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
