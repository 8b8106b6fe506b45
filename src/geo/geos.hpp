// The part of GEOS's C++ API zhunru uses. docs/spatial.md says why the C++
// API and how thread safety is kept: geometries shared by a compiled ruleset
// are only read; anything GEOS computes is built with a factory owned by the
// one evaluation that asked (GEOS factories count references unguarded).
#pragma once

#include <geos/geom/Coordinate.h>
#include <geos/geom/Envelope.h>
#include <geos/geom/Geometry.h>
#include <geos/geom/GeometryFactory.h>

#include <memory>

namespace zhunru::geo {

using geos::geom::Coordinate;
using geos::geom::Envelope;
using geos::geom::Geometry;
using geos::geom::GeometryFactory;
using GeometryPtr = std::unique_ptr<Geometry>;

/// A factory for geometries one owner builds and uses alone.
inline GeometryFactory::Ptr make_factory() { return GeometryFactory::create(); }

/// Computes and caches the envelopes of `g` and all its parts. GEOS 3.11
/// computes them lazily into a mutable member; doing it once, before the
/// geometry is shared, leaves later readers nothing to write.
void warm_envelopes(const Geometry& g);

/// A deep copy of `g` built only with `factory`. GeometryFactory::
/// createGeometry is not enough: for collections it clones with `g`'s own
/// factory first, counting a reference there — a data race when `g` is
/// shared between threads.
/// With `max_edge` > 0, edges longer than that are split evenly on the way
/// (GEOS's Densifier would repair the result with buffer(0), whose old
/// overlay leaks memory on hard input).
GeometryPtr copy_to(const Geometry& g, const GeometryFactory& factory, double max_edge = 0.0);

/// Overlays by GEOS's OverlayNG (with snapping and precision reduction when
/// floating-point noding fails), built with `a`'s factory. Geometry::
/// intersection and its kin use GEOS 3.11's older overlay, which leaks
/// memory when it gives up on hard input (found by fuzzing sites). They
/// throw geos::util::GEOSException when every strategy fails.
GeometryPtr intersection(const Geometry& a, const Geometry& b);
GeometryPtr difference(const Geometry& a, const Geometry& b);
/// The union of a collection's parts (or of one geometry with itself).
GeometryPtr union_of(const Geometry& g);

/// The parts of `g` of `dimension` (0, 1, 2), as one geometry built with
/// `g`'s factory; null when there are none.
GeometryPtr parts_of_dimension(const Geometry& g, int dimension);

}  // namespace zhunru::geo
