// Loading the maps a ruleset declares (`units from`, `layer … from`) as part
// of compiling it: paths are resolved relative to the declaring file and may
// not leave the ruleset directory; every bad feature is reported (file,
// feature index, code, reason); invalid ones are repaired only when the
// declaration says `repair` or the caller asks for it, and then said so.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "maps/maps.hpp"
#include "model/model.hpp"
#include "zhunru/diagnostic.hpp"
#include "zhunru/expected.hpp"

namespace zhunru::maps {

/// A map file's bytes by its path relative to the ruleset directory.
using MapFiles = std::function<Expected<std::string, LocalizedText>(const std::filesystem::path& relative)>;

/// Map files larger than this are refused unread (a national unit map of
/// 44,604 units is a few hundred MiB of GeoJSON).
inline constexpr std::size_t kMaxMapBytes = std::size_t{1} << 30;

struct MapLoadOptions {
  bool repair = false;              // repair every map, as if each declaration said `repair`
  std::size_t max_reported = 50;    // bad features reported per map before a summary
  bool find_overlaps = false;       // also report overlapping units (an overlay per touching pair)
};

struct LoadedMaps {
  Maps maps;
  std::vector<std::pair<std::string, std::string>> files;   // (relative path, bytes), for the content hash
};

/// A path as a declaration writes it (relative to the file `declared_in`),
/// made relative to the ruleset directory `root`; or why it is refused
/// (absolute, or leaving the directory), naming it as `what` ("map path").
/// Maps and reference tables alike.
Expected<std::filesystem::path, LocalizedText> declared_path(const std::string& path, const std::string& declared_in,
                                                             const std::filesystem::path& root, const LocalizedText& what);

/// Loads every map `model` declares. `root` is the ruleset directory as the
/// declaring files' paths spell it. Problems are appended to `diagnostics`.
LoadedMaps load_maps(const model::Model& model, const std::filesystem::path& root, const MapFiles& files,
                     const MapLoadOptions& options, std::vector<Diagnostic>& diagnostics);

}  // namespace zhunru::maps
