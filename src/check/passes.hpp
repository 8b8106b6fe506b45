// The checker's passes, in the order check() runs them.
#pragma once

#include <vector>

#include "check/context.hpp"

namespace zhunru::check {

/// `unit NAME = AMOUNT;`: the ruleset's units of measure, into
/// model.units_of_measure and model.unit_set. First: anything may use them.
void declare_units_of_measure(Context& ctx, const std::vector<ParsedFile>& files);

/// `values` (and those under them) into `into`, checked: no word twice, not too many.
void add_values(Context& ctx, model::Fact& into, const std::vector<ast::EnumValue>& values, const Span& span);

/// An enumeration declared anew for periods (`enumeration E effective D = {…};`,
/// each declaration dated): its versions' values merged, each with the
/// periods of the versions that have it; nothing when they conflict (reported).
std::optional<std::vector<model::EnumValue>> merge_enumeration_versions(Context& ctx,
                                                                        const std::vector<const ast::EnumDecl*>& versions);

/// `ruleset`, `fact`, `kind` (names only), `layer`, `units from`: duplicates,
/// reserved names, enumerations; fills the symbol and adjective tables.
void declare(Context& ctx, const std::vector<ParsedFile>& files);

/// Labels usable as names (Context::labels; a kind's label as a subject
/// word). Last of `declare`: every name is known, and names win.
void index_labels(Context& ctx);

/// `table`: reads each table's file (or filters the table it names) and
/// keeps its column's values, for `FACT in TABLE` (check/tables.cpp).
void read_tables(Context& ctx);

/// Types each kind's condition, then refuses cycles among kinds.
void check_kinds(Context& ctx);

/// The labels a rule's Chinese text shows instead of names (Context::display_zh).
void collect_display_names(Context& ctx);

/// Merges tier blocks by code and links each tier to the one it refines.
/// Returns, per file and block, the tier it belongs to.
std::vector<std::vector<model::TierId>> link_tiers(Context& ctx, const std::vector<ParsedFile>& files);

/// A rule's `restates ID`, written where the rule is (check/restates.cpp).
struct Restatement {
  std::uint32_t rule;   // index in Model::rules
  ast::Name restated;
};

/// Every rule: subject, scope, conditions, metadata, id. Returns the
/// rules' `restates`, for resolve_restatements.
std::vector<Restatement> check_rules(Context& ctx, const std::vector<ParsedFile>& files,
                                     const std::vector<std::vector<model::TierId>>& block_tiers);

/// Links each `restates ID` to the rule it names, which must be of the same
/// form in a tier above (the same clause, repeated by a lower tier).
void resolve_restatements(Context& ctx, const std::vector<Restatement>& restatements);

}  // namespace zhunru::check
