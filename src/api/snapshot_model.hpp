// The checked model and the loaded maps as a JSON tree, and back: the payload
// of a compiled snapshot (stored as CBOR). The IR and the indexes are not
// stored — they are rebuilt from the model in milliseconds, so they can never
// disagree with it.
#pragma once

#include <nlohmann/json.hpp>

#include "maps/maps.hpp"
#include "model/model.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::snapshot {

nlohmann::json model_to_json(const model::Model& model);
/// Throws nlohmann::json::exception on a tree of the wrong shape (the caller
/// turns it into a refusal).
model::Model model_from_json(const nlohmann::json& j);

/// Map geometries as WKB, with their labels, repairs and unit attributes.
nlohmann::json maps_to_json(const maps::Maps& maps, const model::Model& model);
Expected<maps::Maps, LocalizedText> maps_from_json(const nlohmann::json& j);

}  // namespace zhunru::snapshot
