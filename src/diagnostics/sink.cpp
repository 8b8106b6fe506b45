#include "diagnostics/sink.hpp"

namespace zhunru {

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) return true;
  }
  return false;
}

Diagnostic& DiagnosticSink::push(Severity severity, std::string code, const Span& span, LocalizedText message,
                                 LocalizedText help) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.location = file_.locate(span);
  d.message = std::move(message);
  d.help = std::move(help);
  if (severity == Severity::error) ++errors_;
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::error(std::string code, const Span& span, LocalizedText message, LocalizedText help) {
  return push(Severity::error, std::move(code), span, std::move(message), std::move(help));
}

Diagnostic& DiagnosticSink::warning(std::string code, const Span& span, LocalizedText message, LocalizedText help) {
  return push(Severity::warning, std::move(code), span, std::move(message), std::move(help));
}

void DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::note(Diagnostic& on, const Span& span, LocalizedText message) const {
  on.notes.push_back({file_.locate(span), std::move(message)});
}

}  // namespace zhunru
