// GCJ-02, the obfuscated datum most Chinese web maps (高德, 腾讯, …) return:
// ~100–700 m off WGS 84 / CGCS2000 — enough to flip a `within 1 km` rule. A
// site is converted only when it says so (`"crs": "GCJ-02"`), and the answer
// notes it (docs/spatial.md).
#pragma once

namespace zhunru::geo {

struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
};

/// The published WGS 84 → GCJ-02 formulas; identity outside China's box.
LonLat wgs84_to_gcj02(LonLat p);

/// The inverse, by fixed-point iteration to 1e-9 degrees (~0.1 mm).
LonLat gcj02_to_wgs84(LonLat p);

}  // namespace zhunru::geo
