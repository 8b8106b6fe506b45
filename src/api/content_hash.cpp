#include "api/content_hash.hpp"

#include <algorithm>

#include "base/sha256.hpp"

namespace zhunru {

std::string content_hash(HashedFiles files) {
  std::sort(files.begin(), files.end());
  Sha256 sha;
  for (const auto& [path, bytes] : files) {
    // Length-prefixed, so no two different file sets hash the same stream.
    sha.add(path + '\0' + std::to_string(bytes.size()) + '\0');
    sha.add(bytes);
  }
  return "sha256:" + sha.hex();
}

}  // namespace zhunru
