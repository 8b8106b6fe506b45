// The general reader of project files: one nlohmann SAX pass over any file,
// with bounded depth, that words every problem a file can have. It is what
// load_project_json uses for every file that is not plain
// (eval/plain_project.hpp); the two readers must agree wherever both read a
// file, and a test holds them to it.
#pragma once

#include <string_view>

#include "zhunru/project.hpp"

namespace zhunru::eval {

/// The project `text` gives, or why not. `text` has passed json_input::check_bytes.
ProjectResult read_project_pass(const Ruleset& ruleset, std::string_view text, const ProjectLimits& limits);

}  // namespace zhunru::eval
