// Collects the diagnostics of one file, up to a limit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/source_file.hpp"
#include "base/span.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru {

class DiagnosticSink {
 public:
  DiagnosticSink(const SourceFile& file, std::size_t max_errors) : file_(file), max_errors_(max_errors) {}

  /// Records an error at `span`. Returns the stored diagnostic for adding notes.
  Diagnostic& error(std::string code, const Span& span, LocalizedText message, LocalizedText help = {});
  Diagnostic& warning(std::string code, const Span& span, LocalizedText message, LocalizedText help = {});
  void add(Diagnostic diagnostic);
  void note(Diagnostic& on, const Span& span, LocalizedText message) const;

  [[nodiscard]] std::size_t error_count() const { return errors_; }
  /// True once the error limit is reached; producers should stop.
  [[nodiscard]] bool full() const { return errors_ >= max_errors_; }
  [[nodiscard]] const SourceFile& file() const { return file_; }
  [[nodiscard]] std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  Diagnostic& push(Severity severity, std::string code, const Span& span, LocalizedText message, LocalizedText help);

  const SourceFile& file_;
  std::size_t max_errors_;
  std::size_t errors_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace zhunru
