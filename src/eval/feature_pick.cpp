#include "eval/feature_pick.hpp"

#include "eval/compare_numbers.hpp"
#include "model/industry_classification.hpp"

namespace zhunru::eval {

using maps::PickNode;
using model::FactKind;
using model::PropertyValue;

FeaturePicker::FeaturePicker(const maps::PickedLayer& layer, const std::vector<FactValue>& values)
    : layer_(layer), values_(values) {}

Truth FeaturePicker::ready(std::vector<ir::Slot>& missing) const {
  Truth out = Truth::is_true;
  for (const std::uint32_t fact : layer_.facts()) {
    if (fact >= values_.size() || !values_[fact].known) {
      missing.push_back(fact);
      out = Truth::unknown;
    }
  }
  if (out == Truth::unknown) return out;
  for (const PickNode& n : layer_.nodes) {
    if (n.kind != PickNode::Kind::fact || n.fact_kind != FactKind::industry) continue;
    // A class (the finest level) is under a code or not: only a coarser code
    // needs the map's codes looked through, feature by feature.
    const auto* entry = model::IndustryClassification::gbt4754_2017().find(values_[n.fact].text);
    if (entry && entry->level == 4) continue;
    for (const auto& items : layer_.items[n.column]) {
      for (const PropertyValue& item : items) {
        const auto* code = std::get_if<std::string>(&item);
        if (code && model::industry_match(values_[n.fact].text, {*code}, false) == model::IndustryMatch::maybe) {
          missing.push_back(n.fact);
          return Truth::unknown;
        }
      }
    }
  }
  return out;
}

bool FeaturePicker::operator()(std::uint32_t f) {
  if (f >= memo_.size()) memo_.resize(f + 1, 0);  // f is a feature of the layer: at most its size
  if (memo_[f] == 0) memo_[f] = passes(0, f) ? 2 : 1;
  return memo_[f] == 2;
}

bool FeaturePicker::passes(std::uint32_t node, std::uint32_t f) const {
  const PickNode& n = layer_.nodes[node];
  switch (n.kind) {
    case PickNode::Kind::fixed: return layer_.fixed[n.column][f] != 0;
    case PickNode::Kind::fact: return matches(n, layer_.items[n.column][f]);
    case PickNode::Kind::negate: return !passes(node + 1, f);
    case PickNode::Kind::all:
    case PickNode::Kind::any: {
      const bool all = n.kind == PickNode::Kind::all;
      for (std::uint32_t c = node + 1; c < n.end; c = layer_.nodes[c].end) {
        if (passes(c, f) != all) return !all;
      }
      return all;
    }
  }
  return false;
}

/// Whether enumeration value `value` is `wanted` or a value under it.
bool FeaturePicker::is_or_under(std::uint32_t column, double value, double wanted) const {
  const auto& up = layer_.parents[column];
  if (!(value >= 0.0 && value < static_cast<double>(up.size()))) return false;
  auto v = static_cast<std::uint32_t>(value);
  while (true) {  // parents come first: each step goes up, so this ends
    if (static_cast<double>(v) == wanted) return true;
    if (up[v] == v) return false;
    v = up[v];
  }
}

/// `property OP fact`, the property holding `items` (any of them; `!=`: none
/// equal). A feature without the property passes no test.
bool FeaturePicker::matches(const PickNode& n, const std::vector<PropertyValue>& items) const {
  if (items.empty()) return false;
  const FactValue& v = values_[n.fact];
  const bool numeric = n.fact_kind == FactKind::number || n.fact_kind == FactKind::quantity;
  const ast::CompareOp op = n.op == ast::CompareOp::ne ? ast::CompareOp::eq : n.op;
  bool any = false;
  for (const PropertyValue& item : items) {
    if (const auto* number = std::get_if<double>(&item)) {
      any = numeric ? compare_numbers(op, *number, v.number) : is_or_under(n.column, v.number, *number);
    } else if (const auto* text = std::get_if<std::string>(&item)) {
      any = n.fact_kind == FactKind::industry
                ? model::industry_match(v.text, {*text}, false) == model::IndustryMatch::yes
                : *text == v.text;
    } else if (const auto* flag = std::get_if<bool>(&item)) {
      any = *flag == (v.number != 0.0);
    }
    if (any) break;
  }
  return n.op == ast::CompareOp::ne ? !any : any;
}

}  // namespace zhunru::eval
