// Arguments several subcommands read the same way: a ruleset path that must
// hold .rules files, and an `--as-of` date.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::cli {

/// `--as-of`: nullopt when not given; a refusal when it is not a date.
Expected<std::optional<std::chrono::year_month_day>, LocalizedText> parse_as_of(const std::optional<std::string>& text);

/// Why `path` holds no ruleset to read (a missing path, no .rules files), or nullopt.
std::optional<LocalizedText> unreadable_ruleset(const std::string& path);

}  // namespace zhunru::cli
