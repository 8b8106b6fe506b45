// The content hash every decision carries: SHA-256 (OpenSSL) over each rule
// file's path relative to the ruleset and its bytes, in path order.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhunru {

/// "sha256:" + 64 hex digits. `files` holds (relative path, bytes).
std::string content_hash(std::vector<std::pair<std::string, std::string>> files);

}  // namespace zhunru
