// Reading rule files from disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru {

/// The whole file, as bytes. Fails with a message naming the file — also
/// when it holds more than `max_bytes`, which are never read past (a pipe
/// or /dev/zero ends there).
Expected<std::string, LocalizedText> read_file(const std::filesystem::path& path,
                                               std::optional<std::size_t> max_bytes = std::nullopt);

/// Every `.rules` file under `root` (or `root` itself if it is a file),
/// sorted by path so runs are reproducible. Directory symlinks are not
/// followed, so a link cannot pull in files from outside the ruleset.
Expected<std::vector<std::filesystem::path>, LocalizedText> find_rule_files(const std::filesystem::path& root);

}  // namespace zhunru
