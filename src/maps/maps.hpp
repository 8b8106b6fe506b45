// The maps a compiled ruleset owns: its unit map and its geometry layers,
// immutable once compiled and read by every evaluation.
#pragma once

#include <memory>
#include <vector>

#include "maps/geo_layer.hpp"
#include "maps/picked_layer.hpp"
#include "maps/unit_map.hpp"

namespace zhunru::maps {

struct Maps {
  std::unique_ptr<const UnitMap> units;                 // null: the ruleset declares no `units from`
  std::vector<std::unique_ptr<const GeoLayer>> layers;  // by model::LayerId
  // By model::LayerId, null but for a layer picked per project (its `where`
  // names a fact); empty when there is none.
  std::vector<std::unique_ptr<const PickedLayer>> picks;

  [[nodiscard]] const PickedLayer* picked(std::uint32_t layer) const {
    return layer < picks.size() ? picks[layer].get() : nullptr;
  }
};

}  // namespace zhunru::maps
