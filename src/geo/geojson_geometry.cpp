#include "geo/geojson_geometry.hpp"

#include <geos/geom/LineString.h>
#include <geos/geom/LinearRing.h>
#include <geos/geom/MultiLineString.h>
#include <geos/geom/MultiPoint.h>
#include <geos/geom/MultiPolygon.h>
#include <geos/geom/Point.h>
#include <geos/geom/Polygon.h>
#include <geos/util/GEOSException.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

#include "geo/validity.hpp"

namespace zhunru::geo {
namespace {

using Coords = std::vector<Coordinate>;

/// Thrown inside the reader only, caught at its entry: a geometry refused.
struct Refused {
  LocalizedText reason;
  bool degenerate = false;   // repair left nothing: the geometry had no extent
};

[[noreturn]] void refuse(std::string en, std::string zh) { throw Refused{{std::move(en), std::move(zh)}}; }
[[noreturn]] void nothing_left(std::string en, std::string zh) {
  throw Refused{{std::move(en), std::move(zh)}, true};
}

std::string where(const std::string& path) { return path.empty() ? "" : " (" + path + ")"; }

std::string lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

// "EPSG:4490", "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", …
bool is_lon_lat_name(const std::string& name) {
  const std::string n = lower(name);
  if (n.ends_with("crs84")) return true;
  if (n.find("epsg") == std::string::npos) return false;
  const auto digits = n.find_last_not_of("0123456789");
  const std::string code = n.substr(digits == std::string::npos ? 0 : digits + 1);
  return code == "4326" || code == "4490";
}

template <class Json>
std::optional<std::string> crs_name(const Json& crs) {
  if (crs.is_string()) return crs.template get<std::string>();
  if (!crs.is_object()) return std::nullopt;
  const auto properties = crs.find("properties");
  if (properties == crs.end() || !properties->is_object()) return std::nullopt;
  const auto name = properties->find("name");
  if (name != properties->end() && name->is_string()) return name->template get<std::string>();
  const auto code = properties->find("code");  // the 2008 draft's {"type": "EPSG", "properties": {"code": 4326}}
  if (code != properties->end() && code->is_number_integer()) return "EPSG:" + std::to_string(code->template get<long>());
  return std::nullopt;
}

template <class Json>
class Reader {
 public:
  Reader(const GeometryFactory& factory, const ReadGeometryOptions& options, std::vector<LocalizedText>& repairs)
      : f_(factory), options_(options), repairs_(repairs) {}

  GeometryPtr geometry(const Json& j) {
    if (!j.is_object()) refuse("a geometry must be a GeoJSON object", "几何必须是 GeoJSON 对象");
    if (auto problem = crs_problem(j)) throw Refused{*problem};
    const auto type = j.find("type");
    if (type == j.end() || !type->is_string()) {
      refuse("a geometry needs a \"type\" such as \"Point\" or \"Polygon\"", "几何须有 \"type\"，如 \"Point\"、\"Polygon\"");
    }
    const std::string t = type->template get<std::string>();
    if (t == "GeometryCollection" || t == "Feature" || t == "FeatureCollection") {
      refuse("a " + t + " is not accepted here: give one Point, MultiPoint, LineString, MultiLineString, Polygon "
             "or MultiPolygon",
             "此处不接受 " + t + "：请给出单个 Point、MultiPoint、LineString、MultiLineString、Polygon 或 MultiPolygon");
    }
    const auto coords = j.find("coordinates");
    if (coords == j.end() || !coords->is_array()) {
      refuse("a " + t + " needs a \"coordinates\" list", t + " 须有 \"coordinates\" 列表");
    }
    if (coords->empty()) refuse("the " + t + " is empty", t + " 为空几何");
    if (t == "Point") return GeometryPtr(f_.createPoint(position(*coords, "coordinates")));
    if (t == "MultiPoint") return multi_point(*coords);
    if (t == "LineString") return line(*coords, "coordinates");
    if (t == "MultiLineString") return multi_line(*coords);
    if (t == "Polygon") return checked_polygon(*coords, "coordinates");
    if (t == "MultiPolygon") return multi_polygon(*coords);
    refuse("unknown geometry type \"" + t + "\"", "未知的几何类型 \"" + t + "\"");
  }

 private:
  void repaired(std::string en, std::string zh) { repairs_.push_back({std::move(en), std::move(zh)}); }

  Coordinate position(const Json& p, const std::string& path) {
    if (!p.is_array() || p.size() < 2 || p.size() > 3 || !p[0].is_number() || !p[1].is_number() ||
        (p.size() == 3 && !p[2].is_number())) {
      refuse("a position must be [longitude, latitude]" + where(path), "坐标须为 [经度, 纬度]" + where(path));
    }
    const double lon = p[0].template get<double>();
    const double lat = p[1].template get<double>();
    if (!std::isfinite(lon) || !std::isfinite(lat) || (p.size() == 3 && !std::isfinite(p[2].template get<double>()))) {
      refuse("a coordinate is not a finite number" + where(path), "坐标不是有限数值" + where(path));
    }
    if (std::fabs(lat) > 90.0 && std::fabs(lon) <= 90.0 && std::fabs(lat) <= 180.0) {
      refuse(fmt::format("latitude {} is out of range; the position looks like [latitude, longitude], but GeoJSON "
                         "is [longitude, latitude]{}",
                         lat, where(path)),
             fmt::format("纬度 {} 超出范围；该坐标似为 [纬度, 经度]，而 GeoJSON 的顺序是 [经度, 纬度]{}", lat, where(path)));
    }
    if (std::fabs(lon) > 180.0 || std::fabs(lat) > 90.0) {
      refuse(fmt::format("[{}, {}] is not a longitude/latitude (longitude −180…180, latitude −90…90){}", lon, lat,
                         where(path)),
             fmt::format("[{}, {}] 不是经纬度（经度 −180…180，纬度 −90…90）{}", lon, lat, where(path)));
    }
    return {lon, lat};
  }

  Coords positions(const Json& list, const std::string& path) {
    if (!list.is_array()) refuse("expected a list of positions" + where(path), "应为坐标列表" + where(path));
    Coords out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(position(list[i], path + "[" + std::to_string(i) + "]"));
    return out;
  }

  static std::size_t distinct(const Coords& c) {
    std::set<std::pair<double, double>> seen;
    for (const Coordinate& p : c) seen.emplace(p.x, p.y);
    return seen.size();
  }

  GeometryPtr multi_point(const Json& list) {
    return f_.createMultiPoint(positions(list, "coordinates"));
  }

  /// A line with at least two distinct positions; null when repair dropped it.
  std::unique_ptr<geos::geom::LineString> line_part(const Json& list, const std::string& path) {
    Coords c = positions(list, path);
    if (distinct(c) < 2) {
      if (!options_.repair) {
        refuse("a line needs at least two distinct positions" + where(path), "线至少需要两个不同的点" + where(path));
      }
      repaired("dropped a line with fewer than two distinct positions" + where(path),
               "删除了不足两个不同点的线" + where(path));
      return nullptr;
    }
    return f_.createLineString(std::move(c));
  }

  GeometryPtr line(const Json& list, const std::string& path) {
    auto l = line_part(list, path);
    if (!l) nothing_left("the line has fewer than two distinct positions, so no length", "该线不足两个不同的点，没有长度");
    return l;
  }

  /// The parts of a Multi* geometry that `read` keeps (repair may drop some).
  template <class Part>
  std::vector<std::unique_ptr<Part>> parts(const Json& list,
                                           std::unique_ptr<Part> (Reader::*read)(const Json&, const std::string&)) {
    std::vector<std::unique_ptr<Part>> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (auto p = (this->*read)(list[i], "coordinates[" + std::to_string(i) + "]")) out.push_back(std::move(p));
    }
    return out;
  }

  GeometryPtr multi_line(const Json& list) {
    auto parts = this->parts(list, &Reader::line_part);
    if (parts.empty()) nothing_left("every line has fewer than two distinct positions, so no length", "各条线都不足两个不同的点，没有长度");
    return f_.createMultiLineString(std::move(parts));
  }

  /// A closed ring of at least three distinct positions; null when repair
  /// dropped a ring that encloses no area.
  std::unique_ptr<geos::geom::LinearRing> ring(const Json& list, const std::string& path) {
    Coords c = positions(list, path);
    if (!c.empty() && !(c.front() == c.back())) {
      if (!options_.repair) {
        refuse("a ring is not closed: its first and last positions differ" + where(path),
               "环未闭合：首末坐标不同" + where(path));
      }
      c.push_back(c.front());
      repaired("closed a ring whose first and last positions differed" + where(path), "闭合了首末坐标不同的环" + where(path));
    }
    if (c.size() < 4 || distinct(c) < 3) {
      if (!options_.repair) {
        refuse(fmt::format("a ring has {} position(s), {} distinct; it needs at least 4 positions, 3 distinct{}",
                           c.size(), distinct(c), where(path)),
               fmt::format("环只有 {} 个坐标（{} 个不同）；至少需要 4 个坐标、3 个不同点{}", c.size(), distinct(c),
                           where(path)));
      }
      repaired("dropped a ring that encloses no area" + where(path), "删除了不围成面积的环" + where(path));
      return nullptr;
    }
    return f_.createLinearRing(std::move(c));
  }

  /// A polygon from its rings; null when repair dropped its shell.
  std::unique_ptr<geos::geom::Polygon> polygon(const Json& rings, const std::string& path) {
    if (!rings.is_array() || rings.empty()) refuse("a polygon needs at least one ring" + where(path), "面至少需要一个环" + where(path));
    auto shell = ring(rings[0], path + "[0]");
    if (!shell) return nullptr;
    std::vector<std::unique_ptr<geos::geom::LinearRing>> holes;
    for (std::size_t i = 1; i < rings.size(); ++i) {
      if (auto h = ring(rings[i], path + "[" + std::to_string(i) + "]")) holes.push_back(std::move(h));
    }
    return f_.createPolygon(std::move(shell), std::move(holes));
  }

  GeometryPtr checked_polygon(const Json& rings, const std::string& path) {
    auto p = polygon(rings, path);
    if (!p) nothing_left("the polygon's outer ring encloses no area", "该面的外环不围成面积");
    return p;
  }

  GeometryPtr multi_polygon(const Json& list) {
    auto parts = this->parts(list, &Reader::polygon);
    if (parts.empty()) nothing_left("no polygon's outer ring encloses any area", "各个面的外环都不围成面积");
    return f_.createMultiPolygon(std::move(parts));
  }

  const GeometryFactory& f_;
  const ReadGeometryOptions& options_;
  std::vector<LocalizedText>& repairs_;
};

}  // namespace

template <class Json>
ReadGeometry read_geojson_geometry(const Json& json, const GeometryFactory& factory,
                                   const ReadGeometryOptions& options) {
  ReadGeometry out;
  try {
    GeometryPtr g = Reader<Json>(factory, options, out.repairs).geometry(json);
    if (auto why = invalidity(*g)) {
      if (!options.repair) refuse("invalid geometry: " + why->en, "几何无效：" + why->zh);
      GeometryPtr fixed = make_valid(*g);
      if (!fixed || fixed->isEmpty()) nothing_left("invalid geometry (" + why->en + ") and nothing is left after repair",
                                             "几何无效（" + why->zh + "），修复后已不存在");
      out.repairs.push_back({"repaired with GEOS MakeValid: " + why->en, "已用 GEOS MakeValid 修复：" + why->zh});
      g = std::move(fixed);
    }
    out.geometry = std::move(g);
  } catch (const Refused& r) {
    out.error = r.reason;
    out.degenerate = r.degenerate;
    out.repairs.clear();
  } catch (const geos::util::GEOSException& e) {
    out.error = LocalizedText{std::string("GEOS refused the geometry: ") + e.what(),
                              std::string("GEOS 拒绝了该几何：") + e.what()};
    out.repairs.clear();
  }
  return out;
}

template <class Json>
std::optional<LocalizedText> crs_problem(const Json& object) {
  const auto crs = object.find("crs");
  if (crs == object.end()) return std::nullopt;
  const auto name = crs_name(*crs);
  if (name && is_lon_lat_name(*name)) return std::nullopt;
  const std::string said = name ? "\"" + *name + "\"" : crs->dump();
  const std::string shown = said.size() > 120 ? said.substr(0, 120) + "…" : said;
  return LocalizedText{"the coordinates are in " + shown + ", but zhunru reads longitude/latitude only (EPSG:4490 "
                       "CGCS2000, EPSG:4326 WGS 84 or CRS84): reproject first, e.g. ogr2ogr -t_srs EPSG:4490",
                       "坐标系为 " + shown + "，而 zhunru 只读取经纬度（EPSG:4490 CGCS2000、EPSG:4326 WGS 84 或 CRS84）："
                       "请先转换坐标，例如 ogr2ogr -t_srs EPSG:4490"};
}

template std::optional<LocalizedText> crs_problem(const nlohmann::json&);
template std::optional<LocalizedText> crs_problem(const nlohmann::ordered_json&);
template ReadGeometry read_geojson_geometry(const nlohmann::json&, const GeometryFactory&, const ReadGeometryOptions&);
template ReadGeometry read_geojson_geometry(const nlohmann::ordered_json&, const GeometryFactory&,
                                            const ReadGeometryOptions&);

}  // namespace zhunru::geo
