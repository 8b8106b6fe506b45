// A geometry layer (`layer yangtze-shoreline from "maps/yangtze.geojson"`):
// its features indexed for "is the site inside" and, cut into short pieces
// of linework, for "how far is the site" — so that measuring a distance
// projects only the few pieces near the site, never a whole river.
#pragma once

#include <string>
#include <vector>

#include "maps/feature_index.hpp"
#include "maps/map_feature.hpp"

namespace zhunru::maps {

class GeoLayer {
 public:
  GeoLayer(std::string name, std::string path, std::vector<MapFeature> features);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::size_t size() const { return features_.size(); }
  [[nodiscard]] const MapFeature& feature(std::uint32_t i) const { return features_[i]; }
  /// Over the features (areal ones can locate points).
  [[nodiscard]] const FeatureIndex& features() const { return feature_index_; }
  /// Over the pieces: linework of lines and polygon boundaries, points as points.
  [[nodiscard]] const FeatureIndex& pieces() const { return piece_index_; }
  [[nodiscard]] const geo::Geometry& piece(std::uint32_t i) const { return *pieces_[i]; }
  [[nodiscard]] std::uint32_t pieces_count() const { return static_cast<std::uint32_t>(pieces_.size()); }
  [[nodiscard]] std::uint32_t feature_of_piece(std::uint32_t i) const { return piece_feature_[i]; }
  [[nodiscard]] bool has_areas() const { return has_areas_; }

 private:
  std::string name_;
  std::string path_;
  std::vector<MapFeature> features_;
  std::vector<geo::GeometryPtr> pieces_;
  std::vector<std::uint32_t> piece_feature_;
  bool has_areas_ = false;
  FeatureIndex feature_index_;
  FeatureIndex piece_index_;
};

}  // namespace zhunru::maps
