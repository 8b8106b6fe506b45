// One row of CSV as RFC 4180 writes it: fields separated by commas, a field
// in double quotes may hold commas, line breaks and quotes (doubled), rows
// end at a line break (CRLF or LF). Shared by the batch reader (projects a
// row) and a ruleset's reference tables.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

/// A cell without the spaces and tabs around it.
inline std::string csv_trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

/// A cell that is a plain finite number, whole; nullopt for anything else.
inline std::optional<double> csv_number(const std::string& text) {
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace zhunru
