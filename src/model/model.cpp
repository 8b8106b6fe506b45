#include "model/model.hpp"

#include <cstdint>
#include <stdexcept>

#include <algorithm>

namespace zhunru::model {

std::optional<std::uint32_t> Fact::find_value(std::string_view text) const {
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (values[i].name == text) return i;
  }
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    if (!values[i].label.empty() && values[i].label == text) return i;
  }
  return std::nullopt;
}

std::pair<SiteSpatial, bool> positive_form(const SiteSpatial& s) {
  if (s.op != SpatialOp::outside && s.op != SpatialOp::clear) return {s, false};
  SiteSpatial out{s.op == SpatialOp::outside ? SpatialOp::inside : SpatialOp::overlaps, s.layer};
  out.geometry = s.geometry;
  return {out, true};
}

bool FeatureFilter::names_facts() const {
  if (fact) return true;
  return std::any_of(operands.begin(), operands.end(), [](const FeatureFilter& o) { return o.names_facts(); });
}

std::optional<std::uint32_t> Model::find_geometry(std::string_view name) const {
  for (std::uint32_t i = 0; i < geometries.size(); ++i) {
    if (geometries[i].name == name) return i;
  }
  return std::nullopt;
}

std::optional<FactId> Model::find_fact(std::string_view name) const {
  for (FactId i = 0; i < facts.size(); ++i) {
    if (facts[i].name == name) return i;
  }
  return std::nullopt;
}

std::vector<LayerId> Model::scope_layers(const Rule& rule) const {
  std::vector<LayerId> layers;
  for (const CondId c : rule.spatial) {
    if (const auto* s = std::get_if<SiteSpatial>(&cond(c))) {
      if (std::find(layers.begin(), layers.end(), s->layer) == layers.end()) layers.push_back(s->layer);
    }
  }
  return layers;
}

namespace {

std::string_view prefix_view(TierLevel level, std::string_view code) {
  if (level == TierLevel::nation) return {};
  if (level != TierLevel::city && level != TierLevel::province) return code;
  while (code.size() >= 2 && code.ends_with("00")) code.remove_suffix(2);
  return code;
}

}  // namespace

std::string territory_prefix(TierLevel level, const std::string& code) { return std::string(prefix_view(level, code)); }

std::string territory_prefix(const Tier& tier) { return territory_prefix(tier.level, tier.code); }

bool RegionScope::holds(std::string_view unit_code, std::string_view district) const {
  const bool named = std::any_of(codes.begin(), codes.end(), [&](const std::string& code) {
    switch (level) {
      case TierLevel::unit: return unit_code == code;
      case TierLevel::district: return district == code;
      default: return district.starts_with(prefix_view(level, code));
    }
  });
  return named != negated;
}

std::vector<std::uint32_t> Fact::with_values_under(std::vector<std::uint32_t> chosen) const {
  std::vector<bool> in(values.size(), false);
  for (const std::uint32_t v : chosen) in.at(v) = true;
  // A parent is declared before the values under it, so one pass in order
  // reaches every depth.
  for (std::uint32_t v = 0; v < values.size(); ++v) {
    if (values[v].parent && in[*values[v].parent]) in[v] = true;
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = 0; v < values.size(); ++v) {
    if (in[v]) out.push_back(v);
  }
  return out;
}

RuleTexts::RuleTexts(const std::array<std::string_view, kParts>& parts) {
  std::size_t size = 0;
  for (const std::string_view part : parts) size += part.size();
  if (size > UINT32_MAX) throw std::length_error("a rule's text is longer than 4 GiB");
  all_.reserve(size);
  for (std::size_t i = 0; i < kParts; ++i) {
    all_.append(parts[i]);
    if (i + 1 < kParts) ends_[i] = static_cast<std::uint32_t>(all_.size());
  }
}

SourceLocation Model::location(const Rule& rule) const {
  const RuleSource& at = rule.source;
  return {files.at(at.file), at.line, at.column, at.end_line, at.end_column};
}

std::string Model::file_line(const Rule& rule) const {
  return files.at(rule.source.file) + ":" + std::to_string(rule.source.line);
}

}  // namespace zhunru::model
