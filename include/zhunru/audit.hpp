// Auditing a ruleset (docs/audit.md): conflicting, dead, loosened and
// redundant rules, found exactly with Z3 over the checked model, each
// proved by a witness — a project file `zhunru eval` accepts that shows the
// problem. docs/audit.md describes the encoding and its limits.
//
//   zhunru::AuditResult r = zhunru::audit(*ruleset);
//   for (const auto& f : r.findings) std::cout << zhunru::name_of(f.kind) << ' ' << f.message.en << '\n';
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/diagnostic.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

enum class AuditKind {
  dead_rule,                   // a condition or scope nothing can satisfy
  looser_than_upper,           // a lower-tier requirement weaker than an upper one on common projects
  contradiction,               // an allow/encourage that a ban of the same or an upper tier forbids
  redundant,                   // a ban implied by another ban of the same or an upper tier
  unsatisfiable_requirements,  // requirements no project can meet together (a hidden ban)
  unknown_unit,                // a unit code in the rules that the unit map lacks
  unjudgeable_map_unit,        // a map unit no tier of the ruleset covers
  map_overlap,                 // two units of the unit map share area
  repaired_feature,            // a map feature that was invalid and loaded only because it was repaired
  dead_exception,              // an `unless` that holds for no project the rule applies to: it exempts nothing
  restatement_looser,          // a `restates` rule that lets through a project the clause it restates stops
  restatement_stricter,        // a `restates` rule that stops a project the clause it restates lets through
  implausible_limit,           // a limit ≥ 100× looser than the same limit in sibling tiers (a 万吨 typed for a 吨?)
  placeholder_citation,        // a `cite` left empty or as a placeholder (TODO, 待补充, …)
};

/// "dead-rule", "looser-than-upper", …
std::string_view name_of(AuditKind kind);

struct AuditRule {
  std::string id;
  std::string source;  // file:line
};

struct AuditFinding {
  AuditKind kind = AuditKind::dead_rule;
  Severity severity = Severity::warning;
  std::vector<AuditRule> rules;
  LocalizedText message;
  std::optional<std::string> witness;  // a project file (JSON); none when no project can show it
  LocalizedText witness_note;          // why there is none, when that is not obvious
  std::optional<std::string> accepted; // the reason a baseline accepts it (apply_baseline); none: a new finding
};

struct AuditOptions {
  /// Rules are compared as in force on this date (witnesses are for it too).
  std::chrono::year_month_day as_of =
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  unsigned timeout_ms = 5000;  // per solver query; a query that times out is reported, never guessed
  unsigned threads = 0;        // solve on at most this many threads; 0: every core (the answer is the same)
};

struct AuditResult {
  // What was audited, for a report that must say so (a CI log, a review record).
  std::string ruleset_title;
  std::string ruleset_version;
  std::string ruleset_hash;       // "sha256:…", as decisions carry it
  std::chrono::year_month_day as_of{};
  std::vector<AuditFinding> findings;
  std::size_t rules = 0;          // rules in force
  std::size_t pairs = 0;          // rule pairs that could meet and were compared
  std::size_t undecided = 0;      // solver queries that timed out
  std::vector<std::string> stale; // fingerprints a baseline accepts that no finding has any more
};

AuditResult audit(const Ruleset& ruleset, const AuditOptions& options = {});

/// A finding's stable name: 16 hex digits of SHA-256 over its kind and its
/// rules' ids — not their lines, which move when a file is edited — so a
/// finding keeps its fingerprint from one version of a list to the next. A
/// finding that names no rule (about the maps) also hashes its message.
std::string fingerprint(const AuditFinding& finding);

/// Findings a team has reviewed and accepts, by fingerprint, each with the
/// reason (a file kept beside the ruleset, so CI fails on new findings only).
struct AuditBaseline {
  std::map<std::string, std::string> accepted;   // fingerprint -> reason
};

/// Reads `{"accepted": [{"fingerprint": "…", "reason": "…"}, …]}` (other
/// members of an entry — the kind, the rules — are for the reader and
/// ignored). Every entry needs a 16-hex-digit fingerprint and a non-empty
/// reason; errors say which entry.
Expected<AuditBaseline, LocalizedText> parse_audit_baseline(std::string_view json);

/// Marks each finding the baseline accepts (AuditFinding::accepted) and
/// lists the baseline's fingerprints no finding has (AuditResult::stale).
void apply_baseline(AuditResult& result, const AuditBaseline& baseline);

/// The reason `baseline_json` writes for a finding not yet accepted: a
/// placeholder parse_audit_baseline refuses until a person replaces it.
inline constexpr std::string_view kReasonToGive = "(to be given: why this finding is accepted)";

/// A baseline accepting every finding of `result`: those already accepted
/// with their reasons, the others with kReasonToGive. What `--write-baseline` writes.
std::string baseline_json(const AuditResult& result);

/// Whether a finding fails a CI run: not accepted, and an error (or, with
/// `warnings_fail`, any severity).
bool fails(const AuditFinding& finding, bool warnings_fail);

std::string to_json(const AuditResult& result);
std::string to_text(const AuditResult& result, Lang lang);

}  // namespace zhunru
