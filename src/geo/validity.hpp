// Is a geometry valid (OGC simple features), and if not, why — in words a
// map maker or an applicant can act on, in English and Chinese.
#pragma once

#include <optional>

#include "geo/geos.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::geo {

/// Why `g` is invalid (with the place, in lon/lat), or nullopt when valid.
std::optional<LocalizedText> invalidity(const Geometry& g);

/// `g` made valid with GEOS MakeValid, keeping only parts of `g`'s own
/// dimension (a polygon repaired into polygons and a stray line keeps the
/// polygons). Null when nothing of that dimension remains.
GeometryPtr make_valid(const Geometry& g);

}  // namespace zhunru::geo
