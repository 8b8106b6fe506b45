// Judging a project: the decision, rule by rule (docs/language.md, "Evaluating a project").
//
//   zhunru::EvaluateOptions options;             // as_of: today by default
//   auto decision = zhunru::evaluate(*ruleset, project.value(), options);
//   if (decision) std::cout << zhunru::to_text(decision.value(), zhunru::Lang::zh);
//   else std::cerr << decision.error().code << ": " << decision.error().message.en;
//
// evaluate() is const on the ruleset and safe to call from many threads.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru {

/// 判定通过 / 受限准入 / 判定不通过 / 待补充信息. Ordered from the most to
/// the least favourable, so the strictest of several is the largest.
enum class Verdict { admit, conditional, reject, incomplete };

enum class Status { satisfied, violated, unknown, not_applicable };

/// Kleene's three truth values.
enum class Truth { is_false, is_true, unknown };

std::string_view name_of(Verdict value);   // "admit", ...
std::string_view name_zh(Verdict value);   // "判定通过", ...
std::string_view name_of(Status value);    // "satisfied", ..., "not-applicable"
std::string_view name_zh(Status value);    // "满足", "违反", "待定", "不适用"
std::string_view name_of(Truth value);     // "false", "true", "unknown"
std::string_view name_zh(Truth value);     // "否", "是", "未知"

/// One part of a rule and what it came to: the short trace every answer carries (docs/language.md).
struct TraceStep {
  std::string part;    // "subject", "scope", "where", "unless", "requirement"
  std::string text;    // the part as the rule writes it
  std::string text_zh; // the same in Chinese keywords (`fmt --lang zh`); equal to `text` for a Chinese file
  Truth value = Truth::unknown;

  [[nodiscard]] const std::string& text_in(Lang lang) const { return lang == Lang::zh ? text_zh : text; }
};

struct Finding {
  std::string rule;                    // id
  TierLevel tier = TierLevel::city;
  std::string tier_code;               // 510000, 500000, 500103, ZH50010320001; "" for the nation
  std::string restates;                // the id of the upper tier's rule this one restates (`restates ID`), or ""

  ControlDimension dimension = ControlDimension::spatial_layout;
  RuleForm form = RuleForm::ban;
  Status status = Status::unknown;
  std::optional<bool> applies;         // nullopt: whether the rule applies is itself unknown
  std::string unit;                    // the unit it was judged in
  std::vector<std::string> cites;
  std::vector<std::string> quotes;     // the cited clauses' own words (`quote`)
  std::string because;
  std::string source;                  // file:line
  double weight = 1.0;
  std::string requirement;             // require/limit: what must hold, as written
  std::string requirement_zh;          // the same in Chinese keywords
  std::vector<std::string> missing;    // unknown: the facts that would decide it
  std::vector<TraceStep> trace;

  [[nodiscard]] const std::string& requirement_in(Lang lang) const {
    return lang == Lang::zh ? requirement_zh : requirement;
  }
};

struct UnitDecision {
  std::string code;
  std::string name;               // from the unit map; "" without one
  UnitClass unit_class = UnitClass::general;
  std::string district;
  std::optional<double> share;
  Verdict verdict = Verdict::admit;
  Verdict best = Verdict::admit;
  Verdict worst = Verdict::admit;
};

/// Weighted share (0–100) of applicable rules with a known status that are
/// satisfied; nullopt when no such rule.
struct Scores {
  std::optional<double> overall;
  std::array<std::optional<double>, 5> tiers;        // by TierLevel: nation, province, city, district, unit
  std::array<std::optional<double>, 4> dimensions;   // by ControlDimension
};

struct Decision {
  Verdict verdict = Verdict::admit;
  Verdict best = Verdict::admit;     // if every unknown resolved in the project's favour
  Verdict worst = Verdict::admit;    // if every unknown resolved against it
  std::vector<std::string> missing;  // facts that left some ban or requirement unknown
  std::vector<std::string> missing_labels;  // each one's label ("" when none; 选址 for site), as `missing` orders them
  std::vector<std::string> violated; // ids of the rules violated in some unit, sorted, each once (also without findings)
  std::vector<UnitDecision> units;
  std::vector<Finding> findings;     // every rule with status other than not-applicable
  Scores score;
  std::chrono::year_month_day as_of;
  std::string ruleset_title;
  std::string ruleset_version;
  std::string ruleset_hash;
  std::string project_json;          // the project file's `project` member as given; "" when none
  std::string project_id;            // its `id` (else `name`), for naming answers; "" when none
  std::vector<LocalizedText> notes;  // where the project is: outside shares, repaired map features used
  // Of `missing`, those that can change the verdict: the facts of unknown
  // rules whose violation would give a stricter verdict than `best`. Empty
  // when the verdict is settled. Sorted, as `missing`.
  std::vector<std::string> needed;
};

struct EvaluateOptions {
  /// The date the project is judged as of. Default: today (UTC).
  std::chrono::year_month_day as_of = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  /// false: verdicts, missing facts, violated rules and scores only — no
  /// findings or traces. For bulk screening; the verdict is the same either way.
  bool findings = true;
};

/// Why a project could not be judged. `code` is stable (docs/errors.md):
/// eval.no-units, eval.other-ruleset, eval.not-in-effect,
/// eval.outside-territory, eval.spatial.
struct EvalError {
  std::string code;
  LocalizedText message;
};

/// The English message (for BadExpectedAccess).
inline std::string describe_error(const EvalError& error) { return error.code + ": " + error.message.en; }

/// Judges `project` against `ruleset`. Fails when the project names no
/// unit, a unit outside the ruleset's territory, or the as-of date falls
/// outside the ruleset's own effective period.
Expected<Decision, EvalError> evaluate(const Ruleset& ruleset, const Project& project,
                                       const EvaluateOptions& options = {});

/// `pretty`: indented, for people and files; `compact`: one line, for NDJSON.
enum class JsonLayout { pretty, compact };

/// The decision as JSON (docs/language.md, "Command line and answers"; every member is documented in
/// docs/decision-json.md), ending in a newline. Deterministic: the same
/// decision gives the same bytes; both layouts hold the same document.
std::string to_json(const Decision& decision, JsonLayout layout = JsonLayout::pretty);
/// The verdict alone, for bulk answers: `verdict`, `best`, `worst`, `missing`,
/// `violated`, `units` (codes) and `project` — what `screen --verdict-only`
/// answers — as one compact line ending in a newline. Enough for a decision
/// evaluated with EvaluateOptions::findings = false.
std::string to_verdict_json(const Decision& decision);
/// The decision for a person: verdict first, then what must change, then
/// rule by rule with citations.
std::string to_text(const Decision& decision, Lang lang);

}  // namespace zhunru
