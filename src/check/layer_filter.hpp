// `layer big-tributaries = tributaries where basin-km2 > 10000;`: the test of
// a map layer's feature properties, checked into model::FeatureFilter. Names
// in it are the map's property names, not facts; values are plain numbers,
// texts in quotes and true/false. Whether each property exists, and holds
// values of the type compared, is checked against the map when it loads.
#pragma once

#include <optional>

#include "ast/ast.hpp"
#include "check/context.hpp"

namespace zhunru::check {

std::optional<model::FeatureFilter> layer_filter(Context& ctx, const ast::File& file, ast::ExprId id);

}  // namespace zhunru::check
