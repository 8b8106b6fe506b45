// What an audit witness must show when zhunru evaluates it (docs/audit.md):
// shared by the property test and the audit fuzz target, which check the
// auditor from outside, through the public API only.
#pragma once

#include <optional>
#include <string>

#include "zhunru/audit.hpp"
#include "zhunru/decision.hpp"

namespace zhunru::testing {

/// Why `decision` (the evaluation of `finding`'s witness) does not show the
/// finding; nullopt when it does.
inline std::optional<std::string> witness_mismatch(const AuditFinding& finding, const Decision& decision) {
  const auto status_of = [&](std::size_t i) -> std::optional<Status> {
    if (i >= finding.rules.size()) return std::nullopt;
    for (const Finding& f : decision.findings) {
      if (f.rule == finding.rules[i].id) return f.status;
    }
    return std::nullopt;
  };
  const auto a = status_of(0);
  const auto b = status_of(1);
  const auto name = [](std::optional<Status> s) { return s ? std::string(name_of(*s)) : std::string("not-applicable"); };
  const std::string seen = "first rule " + name(a) + ", second rule " + name(b);
  switch (finding.kind) {
    case AuditKind::looser_than_upper:
    case AuditKind::contradiction:
      if (a != Status::violated || b != Status::satisfied) return "expected violated and satisfied; " + seen;
      return std::nullopt;
    case AuditKind::redundant:
      if (a != Status::violated || b != Status::violated) return "expected both violated; " + seen;
      return std::nullopt;
    case AuditKind::unsatisfiable_requirements:
      if (a != Status::violated && b != Status::violated) return "expected one violated; " + seen;
      return std::nullopt;
    default: return std::nullopt;
  }
}

}  // namespace zhunru::testing
