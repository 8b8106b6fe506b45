#include "geo/validity.hpp"

#include <geos/geom/GeometryCollection.h>
#include <geos/operation/valid/IsValidOp.h>
#include <geos/operation/valid/MakeValid.h>
#include <geos/operation/valid/TopologyValidationError.h>

#include <fmt/format.h>


namespace zhunru::geo {
namespace {

using geos::operation::valid::TopologyValidationError;

LocalizedText reason(int type) {
  switch (type) {
    case TopologyValidationError::eRepeatedPoint: return {"repeated point", "重复点"};
    case TopologyValidationError::eHoleOutsideShell: return {"a hole lies outside its shell", "内环位于外环之外"};
    case TopologyValidationError::eNestedHoles: return {"nested holes", "内环相互嵌套"};
    case TopologyValidationError::eDisconnectedInterior: return {"the interior is disconnected", "面内部不连通"};
    case TopologyValidationError::eSelfIntersection: return {"self-intersection", "自相交"};
    case TopologyValidationError::eRingSelfIntersection: return {"a ring touches itself", "环自接触"};
    case TopologyValidationError::eNestedShells: return {"nested shells", "外环相互嵌套"};
    case TopologyValidationError::eDuplicatedRings: return {"duplicated rings", "重复的环"};
    case TopologyValidationError::eTooFewPoints: return {"too few distinct points", "不同的点过少"};
    case TopologyValidationError::eInvalidCoordinate: return {"an invalid coordinate", "坐标无效"};
    case TopologyValidationError::eRingNotClosed: return {"a ring is not closed", "环未闭合"};
    default: return {"invalid geometry", "几何无效"};
  }
}

}  // namespace

std::optional<LocalizedText> invalidity(const Geometry& g) {
  geos::operation::valid::IsValidOp op(&g);
  if (op.isValid()) return std::nullopt;
  const TopologyValidationError* error = op.getValidationError();
  LocalizedText text = reason(error ? error->getErrorType() : -1);
  if (error) {
    const Coordinate& c = error->getCoordinate();
    const std::string at = fmt::format(" ({:.6f}, {:.6f})", c.x, c.y);
    text.en += " at" + at;
    text.zh += "，位置" + at;
  }
  return text;
}

GeometryPtr make_valid(const Geometry& g) {
  const int dimension = static_cast<int>(g.getDimension());
  GeometryPtr repaired = geos::operation::valid::MakeValid().build(&g);
  if (!repaired) return nullptr;
  return parts_of_dimension(*repaired, dimension);
}

}  // namespace zhunru::geo
