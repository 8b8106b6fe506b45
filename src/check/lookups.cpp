// Numbers looked up in a table: `intensity <= benchmark[product]`.
//
// A lookup is compiled away here: the comparison becomes "the product is
// key 1 and intensity <= number 1, or it is key 2 and …", one disjunct per
// key of the table (per dated version, each in force in its period). The
// evaluator, the auditor and snapshots see only the conditions they already
// know, and three-valued logic comes out right: an unknown key leaves the
// comparison unknown unless no number could satisfy it, and a key the table
// does not list makes it false.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "check/conditions.hpp"
#include "model/industry_classification.hpp"

namespace zhunru::check {

using model::FactKind;

std::vector<ast::ExprId> ConditionChecker::lookups_in(std::initializer_list<ast::ExprId> operands) const {
  std::vector<ast::ExprId> found;
  std::vector<ast::ExprId> todo(operands);
  while (!todo.empty()) {  // operands nest no deeper than the parser allows, but a stack needs no bound
    const ast::ExprId id = todo.back();
    todo.pop_back();
    const ast::ExprNode& node = file_.expr(id).node;
    if (std::holds_alternative<ast::LookupExpr>(node)) found.push_back(id);
    if (const auto* a = std::get_if<ast::ArithExpr>(&node)) todo.insert(todo.end(), a->operands.begin(), a->operands.end());
    if (const auto* u = std::get_if<ast::UnaryExpr>(&node)) todo.push_back(u->operand);
  }
  return found;
}

std::optional<ConditionChecker::Num> ConditionChecker::looked_up(ast::ExprId id, const Span& span) {
  if (row_number_ && row_number_->lookup == id) return Num{row_number_->num, row_number_->dimension, false, false, span};
  ctx_.error("check.lookup-place", span,
             {"a number looked up in a table is compared with a fact", "查表所得的数值应与事实比较"},
             {"e.g. `intensity <= benchmark[product]`", "如“intensity <= benchmark[product]”"});
  return std::nullopt;
}

std::vector<model::TableId> ConditionChecker::number_tables(const ast::Name& table) {
  std::vector<model::TableId> tables = tables_named(table);
  for (const model::TableId t : tables) {
    if (ctx_.table_numbers[t].numeric) continue;
    ctx_.error("check.table-not-numbers", table.span,
               {"table " + q(table.text) + " holds values, not numbers: declare the column of its numbers",
                "名录" + qz(table.text) + "只有取值，没有数值：请声明其数值所在的列"},
               {"`table " + table.text + " from \"…\" column \"KEY\" quantity \"NUMBERS\" UNIT;`",
                "“名录 " + table.text + " 来自 \"…\" 列 \"键\" 数量 \"数值列\" 单位；”"});
    return {};
  }
  return tables;
}

std::optional<std::vector<model::CondId>> ConditionChecker::key_tests(const model::Fact& fact, model::FactId id,
                                                                      model::TableId t, const ast::Name& table) {
  const auto& rows = ctx_.table_numbers[t].rows;  // sorted by key
  std::vector<model::CondId> tests;
  tests.reserve(rows.size());
  const auto misfit = [&](const std::string& key, const LocalizedText& what) {
    ctx_.error("check.table-value", table.span,
               {"table " + q(table.text) + " has the key \"" + key + "\", which is not " + what.en,
                "名录" + qz(table.text) + "的键 \"" + key + "\" 不是" + what.zh});
    return std::nullopt;
  };
  if (fact.kind == FactKind::text) {
    for (const auto& row : rows) tests.push_back(ctx_.add(model::TextIn{id, {row.first}}));
    return tests;
  }
  if (fact.kind == FactKind::industry) {
    const auto& gbt = model::IndustryClassification::gbt4754_2017();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string& code = rows[r].first;
      if (gbt.find(code) == nullptr) return misfit(code, {"a GB/T 4754-2017 code", "GB/T 4754-2017 代码"});
      // The codes listed under this one (they follow it in sorted order) have their own rows.
      std::vector<std::string> under;
      for (std::size_t s = r + 1; s < rows.size() && rows[s].first.starts_with(code); ++s) under.push_back(rows[s].first);
      model::CondId test = ctx_.add(model::IndustryIn{id, {code}, false});
      if (!under.empty()) {
        test = ctx_.add(model::All{{test, ctx_.add(model::Not{ctx_.add(model::IndustryIn{id, std::move(under), false})})}});
      }
      tests.push_back(test);
    }
    return tests;
  }
  if (fact.kind != FactKind::enumeration) {
    not_a_key(fact, table.span);
    return std::nullopt;
  }
  std::vector<std::uint32_t> keys;
  std::unordered_map<std::uint32_t, double> number_of;
  for (const auto& [key, number] : rows) {
    const auto v = fact.find_value(key);
    if (!v) return misfit(key, {"a value of " + q(fact.name), qz(fact.name) + " 的取值"});
    const auto [seen, fresh] = number_of.emplace(*v, number);
    if (!fresh && seen->second != number) {
      return misfit(key, {"given one number (another row names the same value by its label or name)",
                          "唯一的数值（另一行以标签或名称指同一取值而数值不同）"});
    }
    keys.push_back(*v);
  }
  const std::unordered_set<std::uint32_t> listed(keys.begin(), keys.end());
  for (const std::uint32_t v : keys) {
    // `new` covers `relocation`, unless relocation has a row of its own.
    std::vector<std::uint32_t> covered = fact.with_values_under({v});
    std::vector<std::uint32_t> own_rows;
    for (const std::uint32_t u : covered) {
      if (u != v && listed.count(u) > 0) own_rows.push_back(u);
    }
    if (!own_rows.empty()) {
      const std::vector<std::uint32_t> excluded = fact.with_values_under(std::move(own_rows));
      std::erase_if(covered, [&](std::uint32_t u) { return std::binary_search(excluded.begin(), excluded.end(), u); });
    }
    tests.push_back(ctx_.add(model::EnumIn{id, std::move(covered)}));
  }
  return tests;
}

std::optional<model::CondId> ConditionChecker::compare_looked_up(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs,
                                                                 ast::ExprId lookup) {
  const ast::Lookup& l = *std::get<ast::LookupExpr>(file_.expr(lookup).node).lookup;
  const std::vector<model::TableId> tables = number_tables(l.table);
  if (tables.empty()) return std::nullopt;
  const auto key = ctx_.lookup(l.key.text);
  if (!key || key->kind != Symbol::Kind::fact) {
    ctx_.error("check.lookup-key", l.key.span,
               {"a table is looked up with a fact; " + q(l.key.text) + " is not one",
                "查表须以事实为键；" + qz(l.key.text) + " 不是事实"},
               key ? LocalizedText{} : ctx_.suggest(l.key.text));
    return std::nullopt;
  }
  const model::Fact& fact = ctx_.model.facts[key->index];
  for (const model::TableId t : tables) {
    if (ctx_.table_numbers[t].dimension == ctx_.table_numbers[tables.front()].dimension) continue;
    ctx_.error("check.table-versions", l.table.span,
               {"the versions of table " + q(l.table.text) + " give numbers of different dimensions",
                "名录" + qz(l.table.text) + "各版本数值的量纲不同"});
    return std::nullopt;
  }
  // Typed once, with the lookup standing for a number of the table's unit, so that a problem is reported once.
  row_number_ = RowNumber{lookup, ctx_.add(model::NumConst{0.0}), ctx_.table_numbers[tables.front()].dimension};
  std::optional<model::CondId> result = compare_plain_numbers(lhs, op, rhs);
  std::vector<model::CondId> versions;
  for (const model::TableId t : tables) {
    if (!result) break;
    const auto keys = key_tests(fact, key->index, t, l.table);
    if (!keys) {
      result.reset();
      break;
    }
    const auto& rows = ctx_.table_numbers[t].rows;
    std::vector<model::CondId> each;
    each.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      row_number_->num = ctx_.add(model::NumConst{rows[r].second});
      each.push_back(ctx_.add(model::All{{(*keys)[r], *compare_plain_numbers(lhs, op, rhs)}}));
    }
    versions.push_back(in_force(ctx_.model.tables[t], ctx_.add(model::Any{std::move(each)})));
  }
  row_number_.reset();
  if (!result) return std::nullopt;
  return versions.size() == 1 ? versions.front() : ctx_.add(model::Any{std::move(versions)});
}

std::optional<model::CondId> ConditionChecker::compare_amount(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs,
                                                              ast::ExprId lookup, model::FactId id) {
  const ast::Lookup& l = *std::get<ast::LookupExpr>(file_.expr(lookup).node).lookup;
  const model::Fact& fact = ctx_.model.facts[id];
  if (!fact.per) return std::nullopt;  // its declaration is in error, and says so
  const model::FactId set = *fact.per;
  const auto value = enum_value(ctx_.model.facts[set], l.key.text, l.key.span);
  if (!value) return std::nullopt;
  // The value itself, not those under it: a project gives amounts for the values it names.
  row_number_ = RowNumber{lookup, ctx_.add(model::NumItem{id, *value}), fact.unit.dimension};
  const std::optional<model::CondId> given = compare_plain_numbers(lhs, op, rhs);
  row_number_->num = ctx_.add(model::NumConst{0.0});
  const std::optional<model::CondId> none = given ? compare_plain_numbers(lhs, op, rhs) : std::nullopt;
  row_number_.reset();
  if (!given || !none) return std::nullopt;
  const model::CondId has = ctx_.add(model::EnumHas{set, {*value}});
  return ctx_.add(model::Any{{ctx_.add(model::All{{has, *given}}), ctx_.add(model::All{{ctx_.add(model::Not{has}), *none}})}});
}

}  // namespace zhunru::check
