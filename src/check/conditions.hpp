// Types one condition of one file: resolves its names, checks its types and
// units, and adds it to the model's condition arena.
#pragma once

#include <initializer_list>
#include <optional>
#include <vector>

#include "check/context.hpp"

namespace zhunru::check {

class ConditionChecker {
 public:
  ConditionChecker(Context& ctx, const ast::File& file) : ctx_(ctx), file_(file) {}

  /// A condition: bool-valued. nullopt after reporting why not.
  std::optional<model::CondId> condition(ast::ExprId id);
  /// `inside L` / `outside L` / `within Q of L`, as scope or as `site ...`.
  /// `geometry`: the project geometry tested (`outfall within …`); none: the site.
  std::optional<model::CondId> spatial(const ast::Spatial& spatial, const ast::OptionalBox<ast::Name>& geometry = {});
  /// `limit FACT to [at least] Q`: FACT <= Q (>= Q).
  std::optional<model::CondId> limit(const ast::LimitClause& limit);

 private:
  struct Num {
    model::NumId id;
    Dimension dimension;
    bool date = false;
    bool bare_number = false;   // a literal written without a unit
    Span span;
  };
  struct Operand;

  std::optional<model::CondId> name_alone(const ast::Name& name);
  std::optional<model::CondId> compare(const ast::CompareExpr& e);
  std::optional<model::CondId> member(const ast::MemberExpr& e);
  /// The tables a name stands for: one, or each dated version; empty after reporting it is no table.
  std::vector<model::TableId> tables_named(const ast::Name& name);
  /// Reports that `fact` cannot be a table's key (only text, industry and enumerated facts are).
  void not_a_key(const model::Fact& fact, const Span& span);
  /// `FACT in TABLE`: the fact's value is one of the table's column. For a
  /// set fact: some value is (`any`), or with `every`, every value is (`all`).
  std::optional<model::CondId> in_table(model::FactId fact, const ast::Name& table, bool every = false);
  /// `fact in TABLE` for one table (one version of a dated table), with its period.
  std::optional<model::CondId> version_in(model::FactId fact, model::TableId t, const ast::Name& table, bool every);
  /// Reports a fact of amounts used without a value (`added` for `added[coke]`).
  void amount_needs_value(const model::Fact& fact, const Span& span);
  /// Whether `any`/`all`/`no` goes with the fact: with a set fact, and only there (reported when not).
  bool quantifier_fits(const model::Fact& fact, ast::Quantifier quantifier, const Span& span);
  /// A set fact's values meet `values` (and those under them): some of them, or with `every`, all.
  model::CondId set_test(model::FactId fact, std::vector<std::uint32_t> values, bool every);
  /// The values a list names, each checked against the fact's; none after reporting a misfit.
  std::optional<std::vector<std::uint32_t>> listed_values(const model::Fact& fact, const std::vector<ast::ExprId>& items);
  /// `test` while `table` is in force (its period, if it has one).
  model::CondId in_force(const model::Table& table, model::CondId test);
  std::optional<model::CondId> unary(const ast::UnaryExpr& e, const Span& span);
  std::optional<model::CondId> logic(const ast::LogicExpr& e);
  std::optional<model::CondId> is_kind(const ast::IsKindExpr& e);
  std::optional<model::CondId> compare_fact(const model::Fact& fact, model::FactId id, ast::CompareOp op,
                                            const Operand& other, const Span& span);
  std::optional<model::CondId> compare_numbers(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs);
  std::optional<model::CondId> compare_plain_numbers(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs);
  // ---- numbers looked up in a table (check/lookups.cpp) ----
  /// The lookups (`benchmark[product]`) among a comparison's operands.
  [[nodiscard]] std::vector<ast::ExprId> lookups_in(std::initializer_list<ast::ExprId> operands) const;
  /// `intensity <= benchmark[product]`: for each key of the table, "the fact
  /// is that key and the comparison holds with its number", any of them.
  std::optional<model::CondId> compare_looked_up(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs,
                                                 ast::ExprId lookup);
  /// `added-capacity[coke] > 0 t/a`, `added-capacity` a fact of amounts: "coke
  /// is among the products and its amount compares so, or it is not and 0 does".
  std::optional<model::CondId> compare_amount(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs, ast::ExprId lookup,
                                              model::FactId fact);
  /// The tables of numbers a lookup reads (one per dated version); empty after reporting why not.
  std::vector<model::TableId> number_tables(const ast::Name& table);
  /// The project's fact is the key of row `row` of a table (the most specific
  /// key listed, for an industry or a value with values under it).
  std::optional<std::vector<model::CondId>> key_tests(const model::Fact& fact, model::FactId id, model::TableId t,
                                                      const ast::Name& table);
  std::optional<Num> looked_up(ast::ExprId id, const Span& span);
  std::optional<Num> number(ast::ExprId id);
  std::optional<Num> arith(const ast::ArithExpr& e, const Span& span);
  bool same_dimension(const Num& a, const Num& b, const Span& span, std::string_view what);
  std::optional<std::uint32_t> enum_value(const model::Fact& fact, const std::string& text, const Span& span);
  /// A code of GB/T 4754-2017; with `exact` (`=`, `!=`), a 4-digit class.
  std::optional<std::string> industry_code(const std::string& text, const Span& span, bool exact);
  Operand operand(ast::ExprId id);
  /// `not x` where a comparison operand was meant: `not` binds to the name alone.
  [[nodiscard]] bool starts_with_not(ast::ExprId id) const;
  void not_binds_tighter(const Span& span);

  Context& ctx_;
  const ast::File& file_;
  // While a comparison with a lookup is built row by row: the lookup and the number it stands for.
  struct RowNumber {
    ast::ExprId lookup;
    model::NumId num;      // what the lookup stands for in this disjunct
    Dimension dimension;
  };
  std::optional<RowNumber> row_number_;
};

}  // namespace zhunru::check
