#include "maps/map_feature.hpp"

namespace zhunru::maps {

LocalizedText MapFeature::describe(const std::string& file) const {
  const std::string n = std::to_string(index);
  const std::string what = label.empty() ? "" : " (" + label + ")";
  return {file + " features[" + n + "]" + what, file + " features[" + n + "]" + what};
}

}  // namespace zhunru::maps
