// Types one condition of one file: resolves its names, checks its types and
// units, and adds it to the model's condition arena.
#pragma once

#include <optional>

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
  /// `FACT in TABLE`: the fact's value is one of the table's column.
  std::optional<model::CondId> in_table(model::FactId fact, const ast::Name& table);
  /// `fact in TABLE` for one table (one version of a dated table), with its period.
  std::optional<model::CondId> version_in(model::FactId fact, model::TableId t, const ast::Name& table);
  std::optional<model::CondId> unary(const ast::UnaryExpr& e, const Span& span);
  std::optional<model::CondId> logic(const ast::LogicExpr& e);
  std::optional<model::CondId> is_kind(const ast::IsKindExpr& e);
  std::optional<model::CondId> compare_fact(const model::Fact& fact, model::FactId id, ast::CompareOp op,
                                            const Operand& other, const Span& span);
  std::optional<model::CondId> compare_numbers(ast::ExprId lhs, ast::CompareOp op, ast::ExprId rhs);
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
};

}  // namespace zhunru::check
