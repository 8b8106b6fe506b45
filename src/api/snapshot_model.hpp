// The checked model and the loaded maps in a snapshot's binary payload
// (snapshot_codec.hpp), and back. The IR and the indexes are not stored —
// they are rebuilt from the model, so they can never disagree with it.
#pragma once

#include "api/snapshot_codec.hpp"
#include "maps/maps.hpp"
#include "model/model.hpp"

namespace zhunru::snapshot {

void write_model(Writer& out, const model::Model& model);
/// Throws Damaged on bytes that do not decode (the caller turns it into a
/// refusal); check_references() then vouches for what they decode to.
model::Model read_model(Reader& in);

/// Map geometries as WKB, with their labels, repairs and unit attributes.
void write_maps(Writer& out, const maps::Maps& maps, const model::Model& model);
/// Throws Damaged, or GEOS's exception on a damaged geometry.
maps::Maps read_maps(Reader& in);

}  // namespace zhunru::snapshot
