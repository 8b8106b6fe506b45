// Where the service's ruleset comes from: a directory of .rules files
// (compiled) or a snapshot (loaded), and a cheap fingerprint of it so a
// change can be noticed without recompiling to find out.
#pragma once

#include <memory>
#include <string>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::service {

struct LoadProblem {
  LocalizedText message;    // one line
  std::string diagnostics;  // the compiler's full report, when there is one
};

/// Compiles the directory (or loads the snapshot) at `path`. Warnings do not
/// stop a ruleset from being served; errors do.
Expected<std::shared_ptr<const Ruleset>, LoadProblem> load_ruleset(const std::string& path, bool repair_maps);

/// Every file under `path` (or the file itself) with its size and
/// modification time, as one string: equal strings, nothing changed that a
/// reload would see. "" when the path cannot be read.
std::string fingerprint(const std::string& path);

}  // namespace zhunru::service
