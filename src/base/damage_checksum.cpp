#include "base/damage_checksum.hpp"

// Header-only use of xxHash (Debian's libxxhash-dev): nothing to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace zhunru {

std::string damage_checksum(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "xxh3-128:";
  for (const XXH64_hash_t half : {h.high64, h.low64}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(half >> shift) & 0xf];
  }
  return out;
}

}  // namespace zhunru
