// `zhunru check --format json` (and any client that wants diagnostics as
// data): every diagnostic with its stable code, severity, exact range, and
// message and help in both languages, for editors, CI annotations and review tools.
#include "base/json_writer.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {
namespace {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

void range(JsonWriter& w, const SourceLocation& l) {
  w.member("file", l.file).member("line", std::size_t{l.line}).member("column", std::size_t{l.column});
  w.member("end_line", std::size_t{l.end_line}).member("end_column", std::size_t{l.end_column});
}

void text(JsonWriter& w, std::string_view name, const LocalizedText& t) {
  w.key(name);
  if (t.en.empty() && t.zh.empty()) {
    w.null();
    return;
  }
  w.begin_object().member("en", t.en).member("zh", t.zh).end_object();
}

}  // namespace

std::string CompileResult::to_json() const {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::error;
    warnings += d.severity == Severity::warning;
  }
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object().member("ok", ok()).member("files", file_count).member("rules", rule_count);
  w.member("errors", errors).member("warnings", warnings);
  w.key("diagnostics").begin_array();
  for (const Diagnostic& d : diagnostics) {
    w.begin_object().member("code", d.code).member("severity", severity_name(d.severity));
    range(w, d.location);
    text(w, "message", d.message);
    text(w, "help", d.help);
    w.key("notes").begin_array();
    for (const DiagnosticNote& n : d.notes) {
      w.begin_object();
      range(w, n.location);
      text(w, "message", n.message);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  w.finish();
  return out + "\n";
}

}  // namespace zhunru
