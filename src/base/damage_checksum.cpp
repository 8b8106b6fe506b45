#include "base/damage_checksum.hpp"

// Header-only use of xxHash (Debian's libxxhash-dev): nothing to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace zhunru {

namespace {

std::string spelled(const XXH128_hash_t& h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "xxh3-128:";
  for (const XXH64_hash_t half : {h.high64, h.low64}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(half >> shift) & 0xf];
  }
  return out;
}

}  // namespace

std::string damage_checksum(std::string_view bytes) { return damage_checksum(std::vector<std::string_view>{bytes}); }

std::string damage_checksum(const std::vector<std::string_view>& parts) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_128bits_reset(&state);
  for (const std::string_view part : parts) XXH3_128bits_update(&state, part.data(), part.size());
  return spelled(XXH3_128bits_digest(&state));
}

}  // namespace zhunru
