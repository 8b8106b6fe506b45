// A finding's witness as a report shows it: the heading, then the project
// file indented under it; or why there is none. Shared by `audit` and `diff`.
#pragma once

#include <optional>
#include <string>

#include "base/indent.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::auditing {

/// `heading`: what reproduces the witness ("witness (zhunru eval reproduces it):").
inline std::string witness_text(const std::optional<std::string>& witness, const LocalizedText& note,
                                const LocalizedText& heading, Lang lang) {
  if (witness) return "  " + heading.in(lang) + "\n" + indented(*witness, "    ");
  if (note.en.empty()) return {};
  return (lang == Lang::zh ? "  无见证项目：" : "  no witness: ") + note.in(lang) + "\n";
}

}  // namespace zhunru::auditing
