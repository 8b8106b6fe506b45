// Formatting a .rules source: the canonical layout (docs/formatting.md), in
// the file's own keyword language or translated to the other one.
//
//   auto formatted = zhunru::format_source({"city.rules", text}, {zhunru::Lang::zh});
//   if (!formatted.ok()) std::cerr << formatted.render(zhunru::Lang::en);
//   else std::cout << *formatted.text;
//
// The result is re-read before it is returned: if it would not parse to the
// same rules and comments, it is refused (code format.changes-meaning) and
// the source must be left as it is.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/diagnostic.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

struct FormatOptions {
  std::optional<Lang> keywords;   // keyword language of the output; default: the source's own
  std::size_t max_width = 100;    // display columns (a Chinese character is 2)
};

struct FormatResult {
  std::optional<std::string> text;              // the canonical text; none when there are errors
  Lang source_keywords = Lang::en;              // the keyword language the source is written in
  std::vector<Diagnostic> diagnostics;          // syntax errors (and warnings) of the source
  std::shared_ptr<const SourceSet> sources;     // for render()

  [[nodiscard]] bool ok() const { return text.has_value(); }
  [[nodiscard]] std::string render(Lang lang) const;
};

FormatResult format_source(const SourceText& source, const FormatOptions& options = {});

}  // namespace zhunru
