// `layer big-tributaries = tributaries where basin-km2 > 10000;`: the
// features of a map layer whose GeoJSON properties pass the layer's test,
// picked when the maps load. The properties are checked against the test: a
// property no feature has, or a value of another type than the test compares
// it with, is an error naming the feature — never a silently empty layer.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "maps/geo_layer.hpp"
#include "maps/picked_layer.hpp"
#include "model/model.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru::maps {

/// `properties[i]` are feature i's properties (null when it has none). Null
/// when the test does not fit the map (reported in `diagnostics`, at `at`).
std::unique_ptr<const GeoLayer> filter_layer(const std::string& name, const GeoLayer& layer,
                                             const std::vector<nlohmann::json>& properties,
                                             const model::FeatureFilter& filter, const SourceLocation& at,
                                             std::vector<Diagnostic>& diagnostics);

/// `layer fit = parks where functions = use`, a test naming facts: every
/// feature of `layer`, and the test compiled for picking them per project.
/// Both null when the test does not fit the map (reported in `diagnostics`).
struct PickedFeatures {
  std::unique_ptr<const GeoLayer> layer;
  std::unique_ptr<const PickedLayer> pick;
};
PickedFeatures pick_layer(const std::string& name, const GeoLayer& layer, const std::vector<nlohmann::json>& properties,
                          const model::FeatureFilter& filter, const std::vector<model::Fact>& facts,
                          const SourceLocation& at, std::vector<Diagnostic>& diagnostics);

}  // namespace zhunru::maps
