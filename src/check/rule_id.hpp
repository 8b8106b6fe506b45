// Stable generated ids for rules written without one.
//
// `<tier code>-<dimension>-<6 hex digits>`, e.g. `500103-EC-3fa2c1`: the hex
// digits hash the rule's canonical English text, so an id survives
// reformatting, translation to Chinese keywords and moving the rule between
// files, and changes only when the rule's meaning does.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "format/printer.hpp"
#include "model/model.hpp"

namespace zhunru::check {

std::string generated_rule_id(const model::Tier& tier, ast::ControlDimension dimension,
                              const format::Printer& english, const ast::Rule& rule);

/// Identical rules in one tier and dimension hash alike: the second gets `-2`,
/// the third `-3`, in source order.
void disambiguate_generated_ids(std::vector<model::Rule>& rules);

}  // namespace zhunru::check
