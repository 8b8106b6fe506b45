// A cell of a synthetic unit grid as a GeoJSON polygon: a ring of 20 vertices,
// 5 per side, so that locating a point costs what a real unit's outline costs
// rather than a rectangle's. Shared by locate_bench and make_national.
#pragma once

#include <fmt/format.h>

#include <string>

namespace zhunru::bench {

/// The cell with south-west corner (x0, y0), w wide and h high, in degrees,
/// its coordinates written with `decimals` digits after the point.
inline std::string grid_cell(double x0, double y0, double w, double h, int decimals) {
  std::string ring;
  auto add = [&](double x, double y) {
    ring += fmt::format("{}[{:.{}f},{:.{}f}]", ring.empty() ? "" : ",", x, decimals, y, decimals);
  };
  for (int i = 0; i < 5; ++i) add(x0 + w * i / 5, y0);
  for (int i = 0; i < 5; ++i) add(x0 + w, y0 + h * i / 5);
  for (int i = 5; i > 0; --i) add(x0 + w * i / 5, y0 + h);
  for (int i = 5; i > 0; --i) add(x0, y0 + h * i / 5);
  add(x0, y0);
  return R"({"type":"Polygon","coordinates":[[)" + ring + "]]}";
}

}  // namespace zhunru::bench
