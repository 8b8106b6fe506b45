// The unit map (环境管控单元, the "一张图"): every unit's polygon, code,
// name, class and district, indexed for locating sites.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "maps/feature_index.hpp"
#include "maps/map_feature.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru::maps {

struct MapUnit {
  std::string code;       // ZH50010320001
  std::string name;
  std::string district;   // 500103
  UnitClass unit_class = UnitClass::general;
};

class UnitMap {
 public:
  UnitMap(std::string path, std::vector<MapFeature> features, std::vector<MapUnit> units);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::size_t size() const { return units_.size(); }
  [[nodiscard]] const MapUnit& unit(std::uint32_t i) const { return units_[i]; }
  [[nodiscard]] const MapFeature& feature(std::uint32_t i) const { return features_[i]; }
  [[nodiscard]] const FeatureIndex& index() const { return index_; }
  [[nodiscard]] std::optional<std::uint32_t> find(const std::string& code) const;
  /// Every unit code, for did-you-mean suggestions.
  [[nodiscard]] std::vector<std::string_view> codes() const;

 private:
  std::string path_;
  std::vector<MapFeature> features_;   // parallel to units_
  std::vector<MapUnit> units_;
  FeatureIndex index_;
  std::unordered_map<std::string, std::uint32_t> by_code_;
};

}  // namespace zhunru::maps
