// Positions in source text. Lines and columns count from 1; columns count
// code points, not bytes, so a Chinese character is one column.
#pragma once

#include <cstdint>

namespace zhunru {

using FileId = std::uint32_t;

struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

/// A half-open range [begin, end) in one file.
struct Span {
  FileId file = 0;
  Position begin;
  Position end;
  friend bool operator==(const Span&, const Span&) = default;
};

/// The smallest span covering both (same file assumed).
inline Span cover(const Span& a, const Span& b) {
  return Span{a.file, a.begin < b.begin ? a.begin : b.begin, a.end < b.end ? b.end : a.end};
}

}  // namespace zhunru
