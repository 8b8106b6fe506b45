// A shape check of WKB before GEOS reads it: GEOS's reader recurses once
// per nested collection with no limit, so bytes from a file anyone may have
// crafted could exhaust the stack there.
#pragma once

#include <string_view>

namespace zhunru::geo {

/// True when `bytes` are one geometry as zhunru's own writer makes them:
/// little-endian, 2D, of the seven simple-feature types, collections nested
/// at most `max_depth` deep, every count within the bytes and nothing after.
bool plain_wkb(std::string_view bytes, int max_depth);

}  // namespace zhunru::geo
