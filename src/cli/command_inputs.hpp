// Arguments several subcommands read the same way: a ruleset path that must
// hold .rules files, and an `--as-of` date.
#pragma once

#include <chrono>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::cli {

/// `--as-of`: nullopt when not given; a refusal when it is not a date.
Expected<std::optional<std::chrono::year_month_day>, LocalizedText> parse_as_of(const std::optional<std::string>& text);

/// Why `path` holds no ruleset to read (a missing path, no .rules files), or nullopt.
std::optional<LocalizedText> unreadable_ruleset(const std::string& path);

/// A ruleset compiled for judging projects (`eval`, `screen`, `applies`,
/// `schema`): errors are printed to `err` and give the exit code; warnings
/// are only counted (`zhunru check` shows them).
struct LoadedRuleset {
  std::shared_ptr<const Ruleset> ruleset;  // null on failure
  int exit_code = 0;
};
LoadedRuleset load_ruleset(const std::string& path, bool repair_maps, const std::string& command, Lang lang,
                           std::ostream& err);

/// A ruleset for the analyses (`audit`, `diff`): a snapshot, or a directory
/// compiled with every diagnostic printed (map problems are the analyses'
/// findings, so maps are not refused here).
LoadedRuleset load_for_analysis(const std::string& path, const std::string& command, Lang lang, std::ostream& err);

}  // namespace zhunru::cli
