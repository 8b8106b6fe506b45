// Prints fragments of the AST as source text in English or Chinese keywords:
// conditions, subjects, scopes, quantities, strings. The formatter lays these
// out; later stages reuse them to quote rules in traces and messages.
#pragma once

#include <string>
#include <unordered_map>

#include "ast/ast.hpp"
#include "ast/keyword.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::format {

class Printer {
 public:
  /// Names shown as something else: a rule's Chinese text for applicants
  /// shows a fact's, value's, kind's or layer's label where it has one.
  using DisplayNames = std::unordered_map<std::string, std::string>;

  /// `display`: when given, names are printed as it maps them (the text is
  /// then for reading, no longer source to parse).
  Printer(const ast::File& file, Lang lang, const DisplayNames* display = nullptr)
      : file_(file), lang_(lang), display_(display) {}

  /// A name as this printer shows it.
  [[nodiscard]] std::string name(const ast::Word& word) const;

  [[nodiscard]] std::string keyword(ast::Keyword k) const { return std::string(ast::spell(k, lang_)); }
  [[nodiscard]] std::string expr(ast::ExprId id) const;
  [[nodiscard]] std::string subject(const ast::Subject& subject) const;
  [[nodiscard]] std::string scope(const std::vector<ast::ScopeTerm>& scope) const;
  /// A scope term, or (`in_condition`) what follows `site` in a condition.
  [[nodiscard]] std::string spatial(const ast::Spatial& spatial, bool in_condition = false) const;
  [[nodiscard]] std::string least_share(const ast::Spatial& spatial) const;
  [[nodiscard]] std::string fact_type(const ast::FactType& type) const;
  /// ` per FACT` after a number or quantity type, or nothing.
  [[nodiscard]] std::string per(const ast::FactType& type) const;
  [[nodiscard]] std::string enum_value(const ast::EnumValue& value) const;
  [[nodiscard]] std::string enum_values(const std::vector<ast::EnumValue>& values) const;
  [[nodiscard]] std::string effectivity(const ast::Effectivity& e) const;
  [[nodiscard]] std::string dimension(ast::ControlDimension d) const;
  [[nodiscard]] std::string tier(ast::TierLevel level) const;
  [[nodiscard]] std::string form(ast::RuleForm form) const;
  /// `limit FACT to [at least] Q for` — everything of a limit before its subject.
  [[nodiscard]] std::string limit_head(const ast::LimitClause& limit) const;

  static std::string quantity(const Quantity& q);
  static std::string string_literal(const std::string& value);
  static std::string date(const ast::DateLit& d);

 private:
  void node(std::string& out, const ast::ExprNode& node) const;
  std::string class_scope(const ast::ClassScope& scope) const;
  std::string unit_list(const ast::UnitListScope& scope) const;

  const ast::File& file_;
  Lang lang_;
  const DisplayNames* display_;
};

}  // namespace zhunru::format
