// Writing a file a user keeps (a formatted rule file, an audit baseline)
// through a temporary file and a rename, so an interrupted write never
// leaves a half-written file.
#pragma once

#include <filesystem>
#include <string>

namespace zhunru::cli {

/// False when the file could not be written; the original is then untouched.
bool write_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace zhunru::cli
