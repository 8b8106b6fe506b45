#include "maps/unit_map.hpp"

namespace zhunru::maps {
namespace {

std::vector<const geo::Geometry*> geometries(const std::vector<MapFeature>& features) {
  std::vector<const geo::Geometry*> out;
  out.reserve(features.size());
  for (const MapFeature& f : features) out.push_back(f.geometry.get());
  return out;
}

}  // namespace

UnitMap::UnitMap(std::string path, std::vector<MapFeature> features, std::vector<MapUnit> units)
    : path_(std::move(path)), features_(std::move(features)), units_(std::move(units)), index_(geometries(features_)) {
  for (std::uint32_t i = 0; i < units_.size(); ++i) by_code_.emplace(units_[i].code, i);
}

std::optional<std::uint32_t> UnitMap::find(const std::string& code) const {
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string_view> UnitMap::codes() const {
  std::vector<std::string_view> out;
  out.reserve(units_.size());
  for (const MapUnit& u : units_) out.push_back(u.code);
  return out;
}

}  // namespace zhunru::maps
