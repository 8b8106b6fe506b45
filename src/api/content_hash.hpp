// The content hash every decision carries: SHA-256 (OpenSSL) over each rule
// file's path relative to the ruleset and its bytes, in path order.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhunru {

/// (relative path, bytes): the bytes are viewed, not copied — at national
/// scale the rule files are over 100 MB.
using HashedFiles = std::vector<std::pair<std::string, std::string_view>>;

/// "sha256:" + 64 hex digits.
std::string content_hash(HashedFiles files);

}  // namespace zhunru
