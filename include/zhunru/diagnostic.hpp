// Diagnostics: what zhunru tells a rule author about their files.
//
// The library never throws for bad rules; it returns diagnostics. Each one
// carries its message in English and Chinese, a stable code, and an exact
// location (lines from 1, columns from 1, counted in code points).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "zhunru/localized.hpp"

namespace zhunru {

enum class Severity { error, warning, note };

/// A range in a source file. `end` is exclusive. Columns count code points.
struct SourceLocation {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// A secondary location that explains the main one ("the block opened here").
struct DiagnosticNote {
  SourceLocation location;
  LocalizedText message;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;           // stable identifier, e.g. "syntax.expected"
  SourceLocation location;
  LocalizedText message;
  LocalizedText help;         // a suggestion; empty when there is none
  std::vector<DiagnosticNote> notes;
};

/// True when any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace zhunru
