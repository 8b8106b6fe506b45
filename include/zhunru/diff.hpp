// Comparing two versions of a list (issue #16): what changed rule by rule,
// what a project can now do that it could not (loosened) and the reverse
// (tightened), found exactly with Z3 over both checked models on one
// context, each proved by a witness project the evaluator judges on both
// versions before it is reported; and how the unit map changed.
// docs/diff.md describes the encoding and its limits.
//
//   zhunru::DiffResult d = zhunru::diff(*older, *newer);
//   if (d.loosens()) …   // 严禁降低要求、弱化管控
#pragma once

#include <chrono>
#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

enum class ChangeKind {
  added,      // a rule id only NEW has
  removed,    // a rule id only OLD has
  changed,    // a rule of both whose meaning changed (its text shown side by side)
  loosened,   // a project OLD stops (reject or conditional) that NEW admits
  tightened,  // a project OLD admits that NEW stops
  unit_map,   // units added, removed, reclassified, re-coded, or area moved between units
};

/// "added", "removed", "changed", "loosened", "tightened", "unit-map".
std::string_view name_of(ChangeKind kind);

struct Change {
  ChangeKind kind = ChangeKind::changed;
  std::vector<std::string> rules;        // ids (for loosened: the OLD rule that stopped the witness)
  std::vector<std::string> units;        // unit codes, for unit-map changes
  LocalizedText message;
  std::optional<LocalizedText> old_text; // the rule as OLD writes it (removed, changed), in English and Chinese keywords
  std::optional<LocalizedText> new_text; // as NEW writes it (added, changed)
  std::optional<std::string> witness;    // a project file both versions accept, judged as the message says
  LocalizedText witness_note;            // why there is none, when there is none
};

/// One version as the result names it.
struct VersionInfo {
  std::string title;
  std::string version;
  std::string hash;   // "sha256:…"
};

/// Verdict changes over a corpus of real projects (`--projects`).
struct CorpusDiff {
  std::size_t projects = 0;                        // records read
  std::size_t changed = 0;                         // records whose verdict differs
  std::size_t loosened = 0;                        // … from conditional/reject to admit
  std::size_t tightened = 0;                       // … from admit to conditional/reject
  std::vector<std::size_t> errors;                 // records a version refused (1-based)
  std::map<std::string, std::size_t> transitions;  // "reject→admit" → count
  std::map<std::string, std::size_t> by_rule;      // rule id → records where it is violated in one version only
};

struct DiffOptions {
  /// Both versions are compared as in force on this date.
  std::chrono::year_month_day as_of =
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  unsigned timeout_ms = 5000;  // per solver query; a query that times out is counted, never guessed
};

struct DiffResult {
  VersionInfo old_version;
  VersionInfo new_version;
  std::chrono::year_month_day as_of{};
  std::vector<Change> changes;        // in kind order, then by rule id
  std::vector<std::string> reworded;  // rules whose text changed and meaning did not: not changes
  std::size_t undecided = 0;          // solver queries that timed out
  std::optional<CorpusDiff> corpus;

  /// Whether NEW lets through anything OLD stops (the exit status 3).
  [[nodiscard]] bool loosens() const;
};

DiffResult diff(const Ruleset& older, const Ruleset& newer, const DiffOptions& options = {});

/// Judges every project of an NDJSON stream on both versions (one project a
/// line; a line either version refuses is counted in `errors`, never dropped silently).
CorpusDiff diff_projects(const Ruleset& older, const Ruleset& newer, std::istream& ndjson, const DiffOptions& options = {});

std::string to_json(const DiffResult& result);
std::string to_text(const DiffResult& result, Lang lang);

}  // namespace zhunru
