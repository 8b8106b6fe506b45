// Reading rule files from disk.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru {

/// The whole file, as bytes. Fails with a message naming the file.
Expected<std::string, LocalizedText> read_file(const std::filesystem::path& path);

/// Every `.rules` file under `root` (or `root` itself if it is a file),
/// sorted by path so runs are reproducible. Directory symlinks are not
/// followed, so a link cannot pull in files from outside the ruleset.
Expected<std::vector<std::filesystem::path>, LocalizedText> find_rule_files(const std::filesystem::path& root);

}  // namespace zhunru
