#include "model/model.hpp"

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

std::optional<FactId> Model::find_fact(std::string_view name) const {
  for (FactId i = 0; i < facts.size(); ++i) {
    if (facts[i].name == name) return i;
  }
  return std::nullopt;
}

std::string territory_prefix(const Tier& tier) {
  if (tier.level != TierLevel::city) return tier.code;
  std::string prefix = tier.code;
  while (prefix.size() >= 2 && prefix.ends_with("00")) prefix.resize(prefix.size() - 2);
  return prefix;
}

}  // namespace zhunru::model
