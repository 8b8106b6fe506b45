// Reading literals the way a rule author wrote them: strings with escapes,
// dates, quantities and units, tier and unit codes. Each reports its own
// problems, located at the literal, and returns a usable value regardless so
// the rest of the file is still checked.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "ast/ast.hpp"
#include "diagnostics/sink.hpp"

namespace zhunru::syntax {

/// `"a\"b"` → `a"b`. Escapes: `\"`, `\\`, `\n`. Tolerates a missing closing
/// quote and curly quotes (both already reported by the token checks).
std::string decode_string_literal(std::string_view token, const Span& span, DiagnosticSink& sink);

/// `2024-07-01`; refuses dates that do not exist (2024-02-30).
std::chrono::year_month_day parse_date_literal(std::string_view token, const Span& span, DiagnosticSink& sink);

/// `30万 吨/年` with the quantity parser; errors point into the literal. A
/// unit that is not built in is no error here: the literal is kept pending
/// for the checker, which knows the units the ruleset declares.
ast::QuantityLit parse_quantity_literal(std::string_view text, const Span& span, DiagnosticSink& sink);

/// `t/a` in `quantity t/a`; `pending` as for quantities.
struct UnitLit {
  Unit unit;
  bool pending = false;
};
UnitLit parse_unit_literal(std::string_view text, const Span& span, DiagnosticSink& sink);

/// City codes are six digits ending in 00 (500000, 320100); district codes
/// six digits; unit codes ZH + district + class digit (1–3) + 4 digits.
void check_tier_code(ast::TierLevel level, const ast::Code& code, DiagnosticSink& sink);
void check_unit_code(const ast::Code& code, DiagnosticSink& sink);
/// A code in `in units [...]` (a unit's), `in districts [...]` (a
/// district's), `in cities [...]` or `in provinces [...]`.
void check_region_code(ast::TierLevel level, const ast::Code& code, DiagnosticSink& sink);

/// A `within` distance must be a length.
bool check_distance(const ast::QuantityLit& distance, DiagnosticSink& sink);  // false: reported

/// `overlapping L by at least Q`: Q is a share in (0 %, 100 %] or an area above 0.
bool check_overlap_minimum(const ast::QuantityLit& least, DiagnosticSink& sink);

}  // namespace zhunru::syntax
