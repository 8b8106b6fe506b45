// The project file a ruleset reads, described for forms and validators.
//
//   std::cout << zhunru::project_schema(*ruleset);     // JSON Schema 2020-12
//   std::cout << zhunru::project_template(*ruleset);   // a blank project to fill in
#pragma once

#include <string>

#include "zhunru/ruleset.hpp"

namespace zhunru {

/// A JSON Schema (draft 2020-12) of the ruleset's project files: every fact
/// with its type, unit, allowed values (with their labels) and its Chinese
/// label as title; `units`, `site` and `project` as docs/project-files.md
/// describes them. Deterministic for a ruleset.
std::string project_schema(const Ruleset& ruleset);

/// A project file with every fact unknown (null), to fill in; it loads as it
/// is (and judges `incomplete` once a unit or site is added).
std::string project_template(const Ruleset& ruleset);

}  // namespace zhunru
