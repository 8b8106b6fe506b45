// The front end's entry point: one source file in, its AST and diagnostics out.
#pragma once

#include <cstddef>
#include <vector>

#include "ast/ast.hpp"
#include "base/source_file.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru::syntax {

struct ParseOptions {
  std::size_t max_errors = 50;               // per file; parsing stops after
  std::size_t max_nesting = 64;              // brackets and prefix operators
  std::size_t max_file_bytes = 64u << 20;    // larger files are refused
  bool fast_path = true;                     // false: always the ANTLR parser (tests compare the two)
};

struct ParseResult {
  ast::File file;
  std::vector<Diagnostic> diagnostics;
  Lang keyword_lang = Lang::en;  // the language most keywords are written in
};

/// Parses one file. Never throws for bad input; every problem is a diagnostic.
ParseResult parse(const SourceFile& source, const ParseOptions& options = {});

}  // namespace zhunru::syntax
