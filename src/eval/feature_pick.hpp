// One project's features of a layer picked per project (`layer fit =
// wetland-parks where functions = use`; maps/picked_layer.hpp): which of
// the map layer's features pass the test with this project's facts. Asked
// only about the features near the site, each answer kept.
#pragma once

#include <cstdint>
#include <vector>

#include "compile/program.hpp"
#include "eval/project_data.hpp"
#include "maps/picked_layer.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::eval {

class FeaturePicker {
 public:
  FeaturePicker(const maps::PickedLayer& layer, const std::vector<FactValue>& values);

  /// Unknown when a fact the test names is not known, or the project's
  /// industry code is coarser than a code of the map (`C30` where a park
  /// admits C3011: it may or may not be one) — those facts are then in
  /// `missing`. Picking is only asked when this is known.
  [[nodiscard]] Truth ready(std::vector<ir::Slot>& missing) const;
  /// Whether feature `f` passes the test.
  bool operator()(std::uint32_t f);

 private:
  [[nodiscard]] bool passes(std::uint32_t node, std::uint32_t f) const;
  [[nodiscard]] bool is_or_under(std::uint32_t column, double value, double wanted) const;
  [[nodiscard]] bool matches(const maps::PickNode& n, const std::vector<model::PropertyValue>& items) const;

  const maps::PickedLayer& layer_;
  const std::vector<FactValue>& values_;
  std::vector<std::uint8_t> memo_;  // by feature: 0 not asked, 1 no, 2 yes
};

}  // namespace zhunru::eval
