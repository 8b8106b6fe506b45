// A unit's code, name, class and district from a map feature's properties:
// the national field names HJZHGKDYBM (code), HJZHGKDYMC (name), ZHGKDYFL
// (class 1 优先保护 / 2 重点管控 / 3 一般管控) or the plain code, name,
// class, district. Fields that disagree are refused, never guessed between.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "maps/unit_map.hpp"
#include "zhunru/expected.hpp"

namespace zhunru::maps {

Expected<MapUnit, LocalizedText> read_unit_attributes(const nlohmann::json& properties);

}  // namespace zhunru::maps
