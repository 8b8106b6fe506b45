// The project files most callers send, read with simdjson: a JSON object
// whose members are plain values (facts, by name or label), a `units` list of
// codes and a `project` member, with no escape sequence anywhere, at most
// 64 KiB and max_metadata_bytes. simdjson parses such a file in a tenth of
// the time nlohmann's lexer takes, and the members go to the FactsBuilder
// exactly as load_project_json's nlohmann pass hands them over.
//
// Any other file — a site, an object where a value belongs, a name given
// twice, bad JSON, nesting past the limit — gives nothing here and is read by
// the nlohmann pass, which alone words what is wrong with a file: whichever
// pass reads a file, it gives the same project or the same errors.
#pragma once

#include <optional>
#include <string_view>

#include "zhunru/project.hpp"

namespace zhunru::eval {

/// The project a plain project file gives (see above); nothing for any other
/// file. `text` has passed json_input::check_bytes.
std::optional<ProjectResult> read_plain_project(const Ruleset& ruleset, std::string_view text,
                                                const ProjectLimits& limits);

}  // namespace zhunru::eval
