#include "geo/wkt.hpp"

#include <geos/io/GeoJSONWriter.h>
#include <geos/io/ParseException.h>
#include <geos/io/WKTReader.h>

#include "geo/geos.hpp"

namespace zhunru::geo {

Expected<std::string, LocalizedText> wkt_to_geojson(std::string_view wkt) {
  using R = Expected<std::string, LocalizedText>;
  // GEOS reads nested collections by recursion: a cell of 100,000 `(` would
  // exhaust the stack. Sites nest three deep (MULTIPOLYGON); refuse past 64.
  constexpr int kMaxDepth = 64;
  int depth = 0;
  for (const char c : wkt) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth > kMaxDepth) {
      return R::failure({"the WKT geometry is nested deeper than 64 levels", "WKT 几何嵌套超过 64 层"});
    }
  }
  try {
    const auto factory = make_factory();
    geos::io::WKTReader reader(*factory);
    const auto geometry = reader.read(std::string(wkt));
    if (geometry->isEmpty()) return R::failure({"the WKT geometry is empty", "WKT 几何为空"});
    return geos::io::GeoJSONWriter().write(geometry.get());
  } catch (const std::exception& e) {  // GEOS reports bad WKT by throwing ParseException
    return R::failure({std::string("not well-known text (WKT): ") + e.what(), std::string("不是有效的 WKT 几何：") + e.what()});
  }
}

}  // namespace zhunru::geo
