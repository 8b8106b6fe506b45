#include "geo/gcj02.hpp"

#include <cmath>
#include <numbers>

namespace zhunru::geo {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 6378245.0;                 // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;   // its first eccentricity squared

bool outside_china(LonLat p) { return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271; }

double shift_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double shift_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

}  // namespace

LonLat wgs84_to_gcj02(LonLat p) {
  if (outside_china(p)) return p;
  const double x = p.lon - 105.0;
  const double y = p.lat - 35.0;
  const double rad_lat = p.lat / 180.0 * kPi;
  double magic = std::sin(rad_lat);
  magic = 1.0 - kEe * magic * magic;
  const double sqrt_magic = std::sqrt(magic);
  const double d_lat = shift_lat(x, y) * 180.0 / ((kA * (1.0 - kEe)) / (magic * sqrt_magic) * kPi);
  const double d_lon = shift_lon(x, y) * 180.0 / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
  return {p.lon + d_lon, p.lat + d_lat};
}

LonLat gcj02_to_wgs84(LonLat p) {
  LonLat w = p;
  for (int i = 0; i < 30; ++i) {
    const LonLat g = wgs84_to_gcj02(w);
    const double e_lon = g.lon - p.lon;
    const double e_lat = g.lat - p.lat;
    w.lon -= e_lon;
    w.lat -= e_lat;
    if (std::abs(e_lon) < 1e-9 && std::abs(e_lat) < 1e-9) break;
  }
  return w;
}

}  // namespace zhunru::geo
