// One row of CSV as RFC 4180 writes it: fields separated by commas, a field
// in double quotes may hold commas, line breaks and quotes (doubled), rows
// end at a line break (CRLF or LF). Shared by the batch reader (projects a
// row) and a ruleset's reference tables.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace zhunru {

/// Reads one row's fields from `source` (`int get()`, `int peek()`, and a
/// negative value at the end); false when nothing was left. Keeps at most
/// `max_bytes` of the row (`oversized` tells when more were left out) but
/// always reads to its end. `fields` is cleared first.
template <class Source>
bool read_csv_row(Source& source, std::vector<std::string>& fields, std::size_t max_bytes, bool& oversized) {
  fields.clear();
  if (source.peek() < 0) return false;
  std::size_t kept = 0;
  fields.emplace_back();
  bool quoted = false;
  while (true) {
    const int c = source.get();
    if (c < 0) break;
    if (quoted) {
      if (c == '"' && source.peek() == '"') {
        source.get();
      } else if (c == '"') {
        quoted = false;
        continue;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
      continue;
    } else if (c == ',') {
      fields.emplace_back();
      continue;
    } else if (c == '\n') {
      break;
    } else if (c == '\r' && source.peek() == '\n') {
      continue;
    }
    if (++kept > max_bytes) {
      oversized = true;
    } else {
      fields.back().push_back(static_cast<char>(c));
    }
  }
  return true;
}

}  // namespace zhunru
