// The checker: parsed files in, the checked model and diagnostics out.
//
// It resolves names (facts, kinds, adjectives, layers), types and unit-checks
// every condition, links tiers (city ⊃ district ⊃ unit by code), gives rules
// without ids a stable generated one, and reports every problem as a located
// diagnostic in English and Chinese. It never stops at the first error.
#pragma once

#include <cstddef>
#include <vector>

#include "ast/ast.hpp"
#include "base/source_file.hpp"
#include "model/model.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru::check {

struct ParsedFile {
  const SourceFile* source = nullptr;
  const ast::File* file = nullptr;
  Lang keyword_lang = Lang::en;   // the language its rules are quoted in, in traces
};

struct CheckOptions {
  bool strict = false;             // every rule must have an explicit id
  std::size_t max_errors = 50;     // per file
};

struct CheckResult {
  model::Model model;              // usable only when `diagnostics` has no errors
  std::vector<Diagnostic> diagnostics;
};

/// Checks the files of one ruleset together (names are global to it).
CheckResult check(const std::vector<ParsedFile>& files, const CheckOptions& options);

}  // namespace zhunru::check
