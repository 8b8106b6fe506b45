// Building large test inputs.
#pragma once

#include <cstddef>
#include <string>

namespace zhunru::testing {

/// `s`, `n` times over.
inline std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace zhunru::testing
