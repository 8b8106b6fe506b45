// A rule's parts as JSON members — shared by `applies` and the ruleset's
// description, so a rule reads the same wherever an answer lists it.
#pragma once

#include <optional>

#include "base/json_writer.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

/// The members of `rule` inside an object the caller opened; `certain`
/// (whether it applies whatever the other facts) only where it is known.
void write_rule_members(JsonWriter& w, const RuleInfo& rule, std::optional<bool> certain = std::nullopt);

}  // namespace zhunru
