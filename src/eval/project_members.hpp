// What each top-level member of a project file gives the FactsBuilder
// (docs/project-files.md): a fact's value by its JSON type, the reserved
// members `units`, `site` and `project`, and a refusal for an object or a
// list where a fact's single value belongs.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "eval/facts_builder_access.hpp"
#include "model/model.hpp"
#include "zhunru/project.hpp"

namespace zhunru::eval {

/// "a list", "a string", … (for messages).
LocalizedText type_text(const nlohmann::json& value);

/// `units`, `site` or `project`.
bool is_reserved(std::string_view name);

/// A reserved member whose value is a scalar (`units` and `site` refuse it).
void read_reserved_scalar(std::string_view name, const nlohmann::json& value, FactsBuilder& builder);

/// A member whose value is a scalar, as nlohmann's SAX parser hands it over:
/// null, a bool, a number (integer, unsigned or floating), a string. `fact`
/// is the fact `name` names (by name or label), found by the caller.
template <class V>
void read_scalar(std::string_view name, std::optional<model::FactId> fact, V&& value, FactsBuilder& builder) {
  using T = std::remove_cvref_t<V>;
  if (!fact && is_reserved(name)) {
    read_reserved_scalar(name, nlohmann::json(std::forward<V>(value)), builder);
  } else if (!fact) {
    builder.set_unknown(name);  // refused whatever its value, with a suggestion
  } else if constexpr (std::is_same_v<T, std::nullptr_t>) {
    FactsBuilderAccess::set_unknown(builder, *fact);
  } else if constexpr (std::is_same_v<T, bool>) {
    FactsBuilderAccess::set_bool(builder, *fact, value);
  } else if constexpr (std::is_arithmetic_v<T>) {
    FactsBuilderAccess::set_number(builder, *fact, static_cast<double>(value));
  } else {
    FactsBuilderAccess::set_text(builder, *fact, value);
  }
}

/// A member whose value is an object or a list, from its text `raw`.
void read_structured(const Ruleset& ruleset, std::string_view name, std::string_view raw, const ProjectLimits& limits,
                     FactsBuilder& builder);

}  // namespace zhunru::eval
