// The English and Chinese spellings of every keyword (docs/language.md, "Keywords, English and Chinese").
//
// The lexer (grammar/ZhunruLexer.g4) accepts both spellings; this table is
// what `fmt` writes and what messages quote. A unit test lexes every entry to
// keep the two in step.
#pragma once

#include <string_view>

#include "zhunru/localized.hpp"

namespace zhunru::ast {

enum class Keyword {
  ruleset, version, effective, until, fact, kind, layer, units, unit_list, unit_tier, unit_measure, from, repair, one_of, set_of, per, enumeration, geometry, table, column,
  bool_type, number_type, quantity_type, industry_type, text_type, date_type,
  nation, province, city, district, spatial_layout, emission_control, risk_control, resource_efficiency,
  ban, require, to_have, limit, to, to_at_least, for_subject, allow, encourage, projects,
  in_scope, in_member, not_in_scope, districts_list, cities_list, provinces_list, priority, key, general, inside, outside, within_of, within_end,
  overlapping, overlaps, not_overlapping, by_at_least,
  where, unless, and_, or_, not_, is, any, all, no, site, true_, false_, because, cite, quote, weight, restates,
  count_
};

struct Spelling {
  std::string_view en;
  std::string_view zh;
};

/// How `keyword` is written in `lang`. Multi-word forms are spelled in full
/// ("to have", "one of"); forms that wrap their operand in Chinese (`在 … 内`)
/// are handled by the formatter.
std::string_view spell(Keyword keyword, Lang lang);
Spelling spelling(Keyword keyword);

}  // namespace zhunru::ast
