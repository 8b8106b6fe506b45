// What the project-file reader may do to a FactsBuilder beyond its public
// calls: set a fact it has already found by name (the public setters look
// the name up again), and hand over the `project` member already read as
// JSON in the file's own pass, so its text is not read again.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "model/model.hpp"
#include "zhunru/project.hpp"

namespace zhunru {

struct FactsBuilderAccess {
  /// FactsBuilder::set_bool and the others, for the fact at slot `fact`.
  static void set_bool(FactsBuilder& builder, model::FactId fact, bool value);
  static void set_number(FactsBuilder& builder, model::FactId fact, double value);
  static void set_text(FactsBuilder& builder, model::FactId fact, std::string_view value);
  static void set_unknown(FactsBuilder& builder, model::FactId fact);

  /// What set_metadata keeps of `about`'s text, when that text is valid
  /// UTF-8, within max_metadata_bytes and read without a problem (nesting
  /// within max_depth, no name twice in one object).
  static void keep_metadata(FactsBuilder& builder, const nlohmann::ordered_json& about);
  /// The same, given as the text keep_metadata would keep (nlohmann's compact
  /// dump) and the member's `id` (else `name`) as json_input::id_or_name gives it.
  static void keep_metadata_text(FactsBuilder& builder, std::string json, std::string id);
};

}  // namespace zhunru
