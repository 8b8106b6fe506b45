// A block of text (a witness project file) set under a heading in a report.
#pragma once

#include <string>
#include <string_view>

namespace zhunru {

/// `text` with `prefix` before each of its lines; a final newline is kept, not indented after.
inline std::string indented(std::string_view text, std::string_view prefix) {
  std::string out(prefix);
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += prefix;
  }
  return out;
}

}  // namespace zhunru
