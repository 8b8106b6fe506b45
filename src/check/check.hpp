// The checker: parsed files in, the checked model and diagnostics out.
//
// It resolves names (facts, kinds, adjectives, layers), types and unit-checks
// every condition, links tiers (city ⊃ district ⊃ unit by code), gives rules
// without ids a stable generated one, and reports every problem as a located
// diagnostic in English and Chinese. It never stops at the first error.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "base/source_file.hpp"
#include "model/model.hpp"
#include "zhunru/diagnostic.hpp"
#include "zhunru/expected.hpp"

namespace zhunru::check {

struct ParsedFile {
  const SourceFile* source = nullptr;
  const ast::File* file = nullptr;
  Lang keyword_lang = Lang::en;   // the language its rules are quoted in, in traces
  // The lines of the file's syntax errors (none: it parsed). `file` is then
  // what the parser recovered: it is checked like the others, but no
  // diagnostic about a single name that appears on one of these lines is
  // reported — it may be declared in the statement the parser could not read.
  std::vector<std::uint32_t> syntax_error_lines;
};

/// The bytes of a reference table's file (`table … from "PATH"`): PATH as
/// written, and the path of the file that declares it; or why it cannot be
/// read. Returns also the path relative to the ruleset (for its content hash).
struct TableFile {
  std::string relative;
  std::string bytes;
};
using TableReader = std::function<Expected<TableFile, LocalizedText>(const std::string& path, const std::string& declared_in)>;

struct CheckOptions {
  bool strict = false;             // every rule must have an explicit id
  std::size_t max_errors = 50;     // per file
  TableReader read_table;          // null: a ruleset with tables is refused (check.table-file)
  /// When set, the files given to check() may hold their tier blocks without
  /// their sections (headers only), and the checker asks here for a file's
  /// whole AST when it checks that file's rules, and drops it after: at
  /// national scale every file's AST together is gigabytes, one file's a
  /// few megabytes. The whole AST must be the one the file parses to.
  std::function<std::shared_ptr<const ast::File>(std::size_t file)> whole_file;
  std::size_t rules_expected = 0;  // how many rules the files hold: the model's are reserved for at once
};

struct CheckResult {
  model::Model model;              // usable only when `diagnostics` has no errors
  std::vector<Diagnostic> diagnostics;
  std::vector<TableFile> tables;   // the table files read, for the content hash
};

/// Checks the files of one ruleset together (names are global to it).
CheckResult check(const std::vector<ParsedFile>& files, const CheckOptions& options);

}  // namespace zhunru::check
