#include "check/layer_filter.hpp"

#include <algorithm>


namespace zhunru::check {
namespace {

using model::FeatureFilter;

const LocalizedText kWhatFits{
    "a layer's `where` compares the map's feature properties with plain numbers, texts in quotes, true/false or a "
    "fact of the project (`basin-km2 > 10000`, `status = \"已完成\"`, `plan-eia`, `function = cargo`), joined by "
    "and/or/not",
    "图层的“当”将地图要素属性与无单位的数、带引号的文本、真/假或项目的事实比较（如“basin-km2 > 10000”“status = "
    "\"已完成\"”“function = cargo”），可用且/或/非连接"};

class FilterChecker {
 public:
  FilterChecker(Context& ctx, const ast::File& file) : ctx_(ctx), file_(file) {}

  std::optional<FeatureFilter> check(ast::ExprId id) {
    const ast::Expr& e = file_.expr(id);
    if (const auto* logic = std::get_if<ast::LogicExpr>(&e.node)) {
      FeatureFilter out{logic->op == ast::LogicOp::logical_and ? FeatureFilter::Kind::all : FeatureFilter::Kind::any,
                        {}, ast::CompareOp::eq, {}, {}, {}};
      for (ast::ExprId o : logic->operands) {
        auto part = check(o);
        if (!part) return std::nullopt;
        out.operands.push_back(std::move(*part));
      }
      return out;
    }
    if (const auto* unary = std::get_if<ast::UnaryExpr>(&e.node)) return negation(*unary, e.span);
    if (const auto* name = std::get_if<ast::NameRef>(&e.node)) {
      return FeatureFilter{FeatureFilter::Kind::test, name->name.text, ast::CompareOp::eq, {true}, {}, {}};
    }
    if (const auto* cmp = std::get_if<ast::CompareExpr>(&e.node)) return comparison(*cmp, e.span);
    if (const auto* member = std::get_if<ast::MemberExpr>(&e.node)) return membership(*member, e.span);
    return refuse(e.span);
  }

 private:
  std::optional<FeatureFilter> refuse(const Span& span) {
    ctx_.error("check.layer-filter", span, kWhatFits);
    return std::nullopt;
  }

  std::optional<FeatureFilter> negation(const ast::UnaryExpr& e, const Span& span) {
    if (std::any_of(e.ops.begin(), e.ops.end(), [](ast::UnaryOp op) { return op != ast::UnaryOp::logical_not; })) {
      return refuse(span);
    }
    auto inner = check(e.operand);
    if (!inner || e.ops.size() % 2 == 0) return inner;
    return FeatureFilter{FeatureFilter::Kind::negate, {}, ast::CompareOp::eq, {}, {std::move(*inner)}, {}};
  }

  std::optional<FeatureFilter> comparison(const ast::CompareExpr& e, const Span& span) {
    const auto* left = std::get_if<ast::NameRef>(&file_.expr(e.lhs).node);
    const auto* right = std::get_if<ast::NameRef>(&file_.expr(e.rhs).node);
    if (left && right) return with_fact(left->name.text, e.op, *right, file_.expr(e.rhs).span, span);
    if (!left && !right) return refuse(span);  // a property on one side
    const auto value = literal(left ? e.rhs : e.lhs);
    if (!value) return std::nullopt;
    const bool ordered = e.op != ast::CompareOp::eq && e.op != ast::CompareOp::ne;
    if (ordered && !std::holds_alternative<double>(*value)) {
      ctx_.error("check.layer-filter", span,
                 {"only numbers are compared with <, <=, > or >=", "只有数值可以用 <、<=、>、>= 比较"});
      return std::nullopt;
    }
    return FeatureFilter{FeatureFilter::Kind::test, (left ? left : right)->name.text, left ? e.op : ast::mirrored(e.op),
                         {*value}, {}, {}};
  }

  /// `function = cargo`: the property (left) compared with the project's
  /// fact (right) — `status = done` is a text without its quotes.
  std::optional<FeatureFilter> with_fact(const std::string& property, ast::CompareOp op, const ast::NameRef& fact,
                                         const Span& fact_span, const Span& span) {
    const auto symbol = ctx_.lookup(fact.name.text);
    if (!symbol || symbol->kind != Symbol::Kind::fact) {
      ctx_.error("check.layer-filter", fact_span,
                 {q(fact.name.text) + " is not a fact: a text is written in quotes (\"" + fact.name.text +
                      "\"), and the right of a comparison names a fact of the project",
                  qz(fact.name.text) + " 不是事实：文本须加引号（\"" + fact.name.text + "\"），比较的右侧只能是项目的事实"},
                 symbol ? LocalizedText{} : ctx_.suggest(fact.name.text));
      return std::nullopt;
    }
    const model::Fact& f = ctx_.model.facts[symbol->index];
    const bool ordered = op != ast::CompareOp::eq && op != ast::CompareOp::ne;
    const bool numeric = f.kind == model::FactKind::number || f.kind == model::FactKind::quantity;
    const bool several = f.kind == model::FactKind::enum_set || f.kind == model::FactKind::amounts;
    if (f.kind == model::FactKind::date || several || (ordered && !numeric)) {
      const bool whole = f.kind == model::FactKind::date || several;
      const LocalizedText what = f.kind == model::FactKind::date ? LocalizedText{"a date fact", "日期事实"}
                                                                 : LocalizedText{"a fact of several values", "多值事实"};
      ctx_.error("check.layer-filter", span,
                 {whole ? what.en + " cannot be compared with a map property"
                        : "fact " + q(f.name) + " is compared with = or != only (<, <=, > and >= compare numbers)",
                  whole ? what.zh + "不能与地图属性比较"
                        : "事实" + qz(f.name) + "只能用 = 或 != 比较（<、<=、>、>= 只用于数值）"});
      return std::nullopt;
    }
    return FeatureFilter{FeatureFilter::Kind::test, property, op, {}, {}, symbol->index};
  }

  std::optional<FeatureFilter> membership(const ast::MemberExpr& e, const Span& span) {
    const auto* property = std::get_if<ast::NameRef>(&file_.expr(e.subject).node);
    if (!property || e.quantifier != ast::Quantifier::none) return refuse(span);
    FeatureFilter out{FeatureFilter::Kind::test, property->name.text, ast::CompareOp::eq, {}, {}, {}};
    for (ast::ExprId item : e.items) {
      auto value = literal(item);
      if (!value) return std::nullopt;
      out.values.push_back(std::move(*value));
    }
    return out;
  }

  std::optional<model::PropertyValue> literal(ast::ExprId id) {
    const ast::Expr& e = file_.expr(id);
    if (const auto* s = std::get_if<ast::StringExpr>(&e.node)) return s->literal.value;
    if (const auto* b = std::get_if<ast::BoolExpr>(&e.node)) return b->value;
    if (const auto* n = std::get_if<ast::QuantityExpr>(&e.node)) {
      const Quantity& q = n->literal->quantity;
      if (q.unit.text.empty()) return q.value;
      ctx_.error("check.layer-filter", e.span,
                 {"a map property is a plain number: write it in the map's own unit, without `" + q.unit.text + "`",
                  "地图属性是无单位的数：请按地图自身的单位书写，去掉“" + q.unit.text + "”"});
      return std::nullopt;
    }
    if (const auto* name = std::get_if<ast::NameRef>(&e.node)) {
      ctx_.error("check.layer-filter", e.span,
                 {"a text is written in quotes: \"" + name->name.text + "\"", "文本须加引号：\"" + name->name.text + "\""});
      return std::nullopt;
    }
    refuse(e.span);
    return std::nullopt;
  }

  Context& ctx_;
  const ast::File& file_;
};

}  // namespace

std::optional<model::FeatureFilter> layer_filter(Context& ctx, const ast::File& file, ast::ExprId id) {
  return FilterChecker(ctx, file).check(id);
}

}  // namespace zhunru::check
