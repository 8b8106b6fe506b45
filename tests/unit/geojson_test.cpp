// Reading GeoJSON geometries: what is accepted, what is refused and why,
// and what repair mode changes (and reports).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "geo/geojson_geometry.hpp"

using namespace zhunru;

namespace {

geo::ReadGeometry read(const std::string& text, bool repair = false) {
  static const auto factory = geo::make_factory();
  return geo::read_geojson_geometry(nlohmann::json::parse(text), *factory, {repair});
}

std::string refusal(const std::string& text) {
  const auto r = read(text);
  REQUIRE_FALSE(r.geometry);
  REQUIRE(r.error);
  return r.error->en;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const char* const kBowtie =
    R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.6], [106.6, 29.5], [106.5, 29.6], [106.5, 29.5]]]})";

}  // namespace

TEST_CASE("geojson: points, lines and polygons in lon/lat are read") {
  for (const char* ok : {R"({"type": "Point", "coordinates": [106.577, 29.557]})",
                         R"({"type": "Point", "coordinates": [106.577, 29.557, 240.0]})",
                         R"({"type": "MultiPoint", "coordinates": [[106.5, 29.5], [106.6, 29.6]]})",
                         R"({"type": "LineString", "coordinates": [[106.5, 29.5], [106.6, 29.6]]})",
                         R"({"type": "MultiLineString", "coordinates": [[[106.5, 29.5], [106.6, 29.6]]]})",
                         R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.5]]]})",
                         R"({"type": "MultiPolygon", "coordinates": [[[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.5]]]]})"}) {
    INFO(ok);
    const auto r = read(ok);
    CHECK(r.geometry);
    CHECK_FALSE(r.error);
    CHECK(r.repairs.empty());
  }
}

TEST_CASE("geojson: every kind of bad geometry is refused with its reason") {
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": [29.557, 106.577]})"), "looks like [latitude, longitude]"));
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": [206.5, 29.5]})"), "is not a longitude/latitude"));
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": [106.5, -95]})"), "is not a longitude/latitude"));
  static const auto factory = geo::make_factory();
  const nlohmann::json nan = {{"type", "Point"}, {"coordinates", {std::nan(""), 29.5}}};
  CHECK(geo::read_geojson_geometry(nan, *factory).error->en == "a coordinate is not a finite number (coordinates)");
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": [106.5]})"), "[longitude, latitude]"));
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": ["106.5", "29.5"]})"), "[longitude, latitude]"));
  CHECK(contains(refusal(R"({"type": "Point", "coordinates": []})"), "is empty"));
  CHECK(contains(refusal(R"({"type": "Polygon", "coordinates": []})"), "is empty"));
  CHECK(contains(refusal(R"({"type": "Polygon", "coordinates": [[]]})"), "ring has 0 position"));
  CHECK(contains(refusal(R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.6]]]})"),
                 "not closed"));
  CHECK(contains(refusal(R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.5], [106.5, 29.5]]]})"),
                 "needs at least 4 positions"));
  CHECK(contains(refusal(kBowtie), "invalid geometry: self-intersection at (106.55"));
  CHECK(contains(refusal(R"({"type": "LineString", "coordinates": [[106.5, 29.5], [106.5, 29.5]]})"),
                 "at least two distinct positions"));
  CHECK(contains(refusal(R"({"type": "GeometryCollection", "geometries": []})"), "GeometryCollection is not accepted"));
  CHECK(contains(refusal(R"({"type": "Circle", "coordinates": [106.5, 29.5]})"), "unknown geometry type"));
  CHECK(contains(refusal(R"({"coordinates": [106.5, 29.5]})"), "needs a \"type\""));
  CHECK(contains(refusal(R"([106.5, 29.5])"), "must be a GeoJSON object"));
}

TEST_CASE("geojson: repair closes rings, drops what has no extent, and makes polygons valid — and says so") {
  const auto closed = read(R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.6]]]})", true);
  REQUIRE(closed.geometry);
  REQUIRE(closed.repairs.size() == 1);
  CHECK(contains(closed.repairs[0].en, "closed a ring"));
  CHECK(closed.geometry->getArea() == doctest::Approx(0.01));

  const auto bowtie = read(kBowtie, true);
  REQUIRE(bowtie.geometry);
  CHECK(bowtie.geometry->isValid());
  CHECK(bowtie.geometry->getDimension() == geos::geom::Dimension::A);
  CHECK(bowtie.geometry->getArea() == doctest::Approx(0.005));  // both triangles kept
  CHECK(contains(bowtie.repairs.back().en, "MakeValid: self-intersection"));

  const auto holes = read(R"({"type": "Polygon", "coordinates": [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.5]],
                                                                 [[106.55, 29.52], [106.55, 29.52], [106.55, 29.52], [106.55, 29.52]]]})",
                          true);
  REQUIRE(holes.geometry);
  CHECK(contains(holes.repairs[0].en, "dropped a ring that encloses no area"));

  const auto nothing = read(R"({"type": "LineString", "coordinates": [[106.5, 29.5], [106.5, 29.5]]})", true);
  CHECK_FALSE(nothing.geometry);
  CHECK(nothing.degenerate);

  // Repair never hides bad numbers.
  CHECK_FALSE(read(R"({"type": "Point", "coordinates": [29.557, 106.577]})", true).geometry);
}
