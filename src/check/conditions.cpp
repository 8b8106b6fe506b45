#include "check/conditions.hpp"

#include <algorithm>
#include <cmath>

#include "base/dates.hpp"
#include "base/edit_distance.hpp"
#include "model/codes.hpp"
#include "model/industry_classification.hpp"
#include "syntax/literals.hpp"

namespace zhunru::check {

using model::FactKind;

/// One side of a comparison or the subject of `in`, classified before typing.
struct ConditionChecker::Operand {
  enum class Form { fact, word, string, boolean, other } form = Form::other;
  ast::ExprId expr = 0;
  Span span;
  std::optional<model::FactId> fact;
  std::string text;     // word or string
  bool value = false;   // boolean
};

namespace {

LocalizedText kind_of(const model::Fact& f) {
  switch (f.kind) {
    case FactKind::boolean: return {"a yes/no fact", "布尔事实"};
    case FactKind::number: return {"a number", "数值"};
    case FactKind::quantity: return {"a quantity in " + f.unit.text, "以 " + f.unit.text + " 计的数量"};
    case FactKind::enumeration: return {"one of a list of values", "枚举值"};
    case FactKind::industry: return {"an industry code", "行业代码"};
    case FactKind::text: return {"text", "文本"};
    case FactKind::date: return {"a date", "日期"};
    case FactKind::enum_set: return {"a set of values (`set of`)", "多选值"};
    case FactKind::amounts: return {"a number for each value of a set fact (`per`)", "按多选值分别给出的数"};
  }
  return {};
}

std::string value_list(const model::Fact& f) {
  std::string out;
  for (const auto& v : f.values) {
    if (!out.empty()) out += ", ";
    out += v.name;
    if (!v.label.empty()) out += " \"" + v.label + "\"";
  }
  return out;
}

bool is_equality(ast::CompareOp op) { return op == ast::CompareOp::eq || op == ast::CompareOp::ne; }

bool is_ratio(const Dimension& d) { return d == Dimension::of(BaseDimension::ratio); }

/// The unit to suggest for a dimension: a ratio's canonical unit is 1, but authors write `%`.
std::string unit_to_write(const Dimension& d) { return is_ratio(d) ? "%" : d.canonical_unit(); }

LocalizedText dimension_text(const Dimension& d) {
  const LocalizedText name = d.name();
  if (d.is_dimensionless()) return {"a plain number", "无单位的数"};
  if (is_ratio(d)) return {"a share (%, ‰)", "比例（%、‰）"};
  return {"a " + name.en + " (" + d.canonical_unit() + ")", name.zh + "（" + d.canonical_unit() + "）"};
}

}  // namespace

bool ConditionChecker::starts_with_not(ast::ExprId id) const {
  const auto* u = std::get_if<ast::UnaryExpr>(&file_.expr(id).node);
  return u && !u->ops.empty() && u->ops.front() == ast::UnaryOp::logical_not;
}

void ConditionChecker::not_binds_tighter(const Span& span) {
  ctx_.error("check.not-precedence", span,
             {"`not` applies only to the name right after it, and a fact alone is not a yes/no condition here",
              "“非”只作用于紧随其后的名称，此处单独的事实不是是/否条件"},
             {"put the comparison in parentheses: `not (catalogue = eliminated)`",
              "请给比较加括号：“非 (catalogue = eliminated)”"});
}

ConditionChecker::Operand ConditionChecker::operand(ast::ExprId id) {
  const ast::Expr& e = file_.expr(id);
  Operand o;
  o.expr = id;
  o.span = e.span;
  if (const auto* ref = std::get_if<ast::NameRef>(&e.node)) {
    const auto symbol = ctx_.lookup(ref->name.text);
    if (symbol && symbol->kind == Symbol::Kind::fact) {
      o.form = Operand::Form::fact;
      o.fact = symbol->index;
    } else {
      o.form = Operand::Form::word;
    }
    o.text = ref->name.text;
  } else if (const auto* s = std::get_if<ast::StringExpr>(&e.node)) {
    o.form = Operand::Form::string;
    o.text = s->literal.value;
  } else if (const auto* b = std::get_if<ast::BoolExpr>(&e.node)) {
    o.form = Operand::Form::boolean;
    o.value = b->value;
  }
  return o;
}

std::optional<model::CondId> ConditionChecker::condition(ast::ExprId id) {
  const ast::Expr& e = file_.expr(id);
  return std::visit(
      [&](const auto& node) -> std::optional<model::CondId> {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::NameRef>) {
          return name_alone(node.name);
        } else if constexpr (std::is_same_v<T, ast::BoolExpr>) {
          return ctx_.add(model::BoolConst{node.value});
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          return compare(node);
        } else if constexpr (std::is_same_v<T, ast::MemberExpr>) {
          return member(node);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          return unary(node, e.span);
        } else if constexpr (std::is_same_v<T, ast::LogicExpr>) {
          return logic(node);
        } else if constexpr (std::is_same_v<T, ast::IsKindExpr>) {
          return is_kind(node);
        } else if constexpr (std::is_same_v<T, ast::SiteExpr>) {
          return spatial(*node.spatial, node.geometry);
        } else {
          ctx_.error("check.not-a-condition", e.span,
                     {"this is a value, not a condition; compare it with a fact, e.g. `capacity > 10 t/a`",
                      "此处是一个值而不是条件；应与事实比较，如“capacity > 10 t/a”"});
          return std::nullopt;
        }
      },
      e.node);
}

std::optional<model::CondId> ConditionChecker::name_alone(const ast::Name& name) {
  const auto symbol = ctx_.lookup(name.text);
  if (symbol && symbol->kind == Symbol::Kind::fact) {
    const model::Fact& fact = ctx_.model.facts[symbol->index];
    if (fact.kind == FactKind::boolean) return ctx_.add(model::BoolFact{symbol->index});
    if (fact.kind == FactKind::enum_set) {
      (void)quantifier_fits(fact, ast::Quantifier::none, name.span);  // says how to test a set fact
      return std::nullopt;
    }
    ctx_.error("check.not-a-condition", name.span,
               {q(name.text) + " is " + kind_of(fact).en + ", not a condition; compare it with a value",
                qz(name.text) + " 是" + kind_of(fact).zh + "而不是条件；应与某个值比较"});
    return std::nullopt;
  }
  if (symbol && symbol->kind == Symbol::Kind::kind) {
    ctx_.error("check.kind-needs-is", name.span,
               {q(name.text) + " is a kind; a condition tests it with `is`", qz(name.text) + " 是类别；条件中应写“是”"},
               {"write `is " + name.text + "`", "应写“是 " + name.text + "”"});
    return std::nullopt;
  }
  if (symbol && symbol->kind == Symbol::Kind::geometry) {
    ctx_.error("check.geometry-needs-layer", name.span,
               {q(name.text) + " is a geometry; a condition tests it against a layer",
                qz(name.text) + " 是几何；条件中应将其与图层比较"},
               {"write `" + name.text + " within 1 km of LAYER` or `" + name.text + " inside LAYER`",
                "应写“" + name.text + " 距 图层 1 km 范围内”或“" + name.text + " 在 图层 内”"});
    return std::nullopt;
  }
  if (symbol && symbol->kind == Symbol::Kind::layer) {
    ctx_.error("check.layer-needs-site", name.span,
               {q(name.text) + " is a layer; a condition tests the site against it",
                qz(name.text) + " 是图层；条件中应以选址与之比较"},
               {"write `site inside " + name.text + "`, `site overlaps " + name.text + "` or `site within 1 km of " +
                    name.text + "`",
                "应写“选址 在 " + name.text + " 内”“选址 占用 " + name.text + "”或“选址 距 " + name.text + " 1 km 范围内”"});
    return std::nullopt;
  }
  const auto adj = ctx_.adjectives.find(name.text);
  if (adj != ctx_.adjectives.end() && adj->second.front().fact) {
    const model::Fact& fact = ctx_.model.facts[*adj->second.front().fact];
    const std::string value = fact.values[adj->second.front().value].name;
    const bool set = fact.kind == FactKind::enum_set;
    const std::string fix_en = set ? "any " + fact.name + " in [" + value + "]" : fact.name + " = " + value;
    const std::string fix_zh = set ? "任一 " + fact.name + " 属于 [" + value + "]" : fact.name + " = " + value;
    ctx_.error("check.value-alone", name.span,
               {q(name.text) + " is a value of " + q(fact.name) + ", not a condition",
                qz(name.text) + " 是 " + qz(fact.name) + " 的取值而不是条件"},
               {"write `" + fix_en + "`", "应写“" + fix_zh + "”"});
    return std::nullopt;
  }
  ctx_.error("check.unknown-name", name.span, {q(name.text) + " is not declared", qz(name.text) + " 未声明"},
             ctx_.suggest(name.text));
  return std::nullopt;
}

std::optional<model::CondId> ConditionChecker::is_kind(const ast::IsKindExpr& e) {
  const auto symbol = ctx_.lookup(e.kind.text);
  if (symbol && symbol->kind == Symbol::Kind::kind) return ctx_.add(model::IsKind{symbol->index});
  if (symbol) {
    ctx_.error("check.not-a-kind", e.kind.span,
               {q(e.kind.text) + " is not a kind; `is` tests a kind declared with `kind`",
                qz(e.kind.text) + " 不是类别；“是”只能用于以“类别”声明的名称"});
    return std::nullopt;
  }
  ctx_.error("check.unknown-name", e.kind.span, {q(e.kind.text) + " is not declared", qz(e.kind.text) + " 未声明"},
             ctx_.suggest(e.kind.text));
  return std::nullopt;
}

namespace {

// A distance or least overlap in a declared unit, read only now: checked as
// the parser checks one in built-in units.
bool amount_fits(Context& ctx, const ast::Spatial& s, const Quantity& amount) {
  if (amount.number_text.empty()) return false;  // reported
  const ast::QuantityLit read{amount, s.amount->span, false};
  DiagnosticSink& sink = ctx.sink(s.amount->span.file);
  return s.op == ast::SpatialOp::within ? syntax::check_distance(read, sink) : syntax::check_overlap_minimum(read, sink);
}

}  // namespace

std::optional<model::CondId> ConditionChecker::spatial(const ast::Spatial& s, const ast::OptionalBox<ast::Name>& geometry) {
  std::uint32_t of = model::kSite;
  if (geometry) {
    const auto g = ctx_.lookup(geometry->text);
    if (!g || g->kind != Symbol::Kind::geometry) {
      ctx_.error("check.not-a-geometry", geometry->span,
                 {q(geometry->text) + (g ? " is a " + what_it_is(*g).en + ", not" : " is not") +
                      " a geometry the project gives; declare it with `geometry " + geometry->text + ";`, or test "
                      "the site: `site …`",
                  qz(geometry->text) + (g ? " 是" + what_it_is(*g).zh + "，不是" : " 不是") + "项目给出的几何；应以“几何 " +
                      geometry->text + "；”声明，或对选址判断：“选址 …”"},
                 g ? LocalizedText{} : ctx_.suggest(geometry->text));
      return std::nullopt;
    }
    of = g->index + 1;
  }
  const auto symbol = ctx_.lookup(s.layer.text);
  if (!symbol || symbol->kind != Symbol::Kind::layer) {
    if (symbol) {
      ctx_.error("check.not-a-layer", s.layer.span,
                 {q(s.layer.text) + " is not a layer; declare it with `layer NAME from \"PATH\"`",
                  qz(s.layer.text) + " 不是图层；应以“图层 名称 来自 \"路径\"”声明"});
    } else {
      ctx_.error("check.unknown-name", s.layer.span,
                 {"layer " + q(s.layer.text) + " is not declared", "图层" + qz(s.layer.text) + "未声明"},
                 ctx_.suggest(s.layer.text));
    }
    return std::nullopt;
  }
  model::SiteSpatial node{s.op, symbol->index};
  node.geometry = of;
  if (s.amount) {
    const Quantity amount = ctx_.quantity(*s.amount);
    if (s.amount->pending && !amount_fits(ctx_, s, amount)) return std::nullopt;
    node.amount = amount.value;  // metres, a share (0.1 for 10 %) or m²
    if (s.op == ast::SpatialOp::overlaps) {
      const bool share = amount.dimension() == Dimension::of(BaseDimension::ratio);
      node.by = share ? model::OverlapMeasure::share : model::OverlapMeasure::area;
    }
  }
  return ctx_.add(node);
}

std::optional<model::CondId> ConditionChecker::unary(const ast::UnaryExpr& e, const Span& span) {
  for (ast::UnaryOp op : e.ops) {
    if (op == ast::UnaryOp::negate) {
      ctx_.error("check.not-a-condition", span,
                 {"a negative number is not a condition", "负数不是条件"});
      return std::nullopt;
    }
  }
  auto operand = condition(e.operand);
  if (!operand) return std::nullopt;
  for (std::size_t i = 0; i < e.ops.size(); ++i) operand = ctx_.add(model::Not{*operand});
  return operand;
}

std::optional<model::CondId> ConditionChecker::logic(const ast::LogicExpr& e) {
  std::vector<model::CondId> operands;
  bool ok = true;
  for (ast::ExprId id : e.operands) {
    const auto c = condition(id);
    ok = ok && c.has_value();
    if (c) operands.push_back(*c);
  }
  if (!ok) return std::nullopt;
  if (e.op == ast::LogicOp::logical_and) return ctx_.add(model::All{std::move(operands)});
  return ctx_.add(model::Any{std::move(operands)});
}

std::optional<std::uint32_t> ConditionChecker::enum_value(const model::Fact& fact, const std::string& text,
                                                           const Span& span) {
  if (const auto v = fact.find_value(text)) return v;
  std::vector<std::string_view> names;
  for (const auto& v : fact.values) names.push_back(v.name);
  const auto best = closest_near_miss(text, names);
  ctx_.error("check.unknown-value", span,
             {q(text) + " is not a value of " + q(fact.name) + " (" + value_list(fact) + ")",
              qz(text) + " 不是 " + qz(fact.name) + " 的取值（" + value_list(fact) + "）"},
             best ? LocalizedText{"did you mean " + q(fact.values[*best].name) + "?",
                                  "是否应为" + qz(fact.values[*best].name) + "？"}
                  : LocalizedText{});
  return std::nullopt;
}

std::optional<std::string> ConditionChecker::industry_code(const std::string& text, const Span& span, bool exact) {
  const auto& table = model::IndustryClassification::gbt4754_2017();
  const model::IndustryEntry* entry = table.find(text);
  if (!entry) {
    const LocalizedText hint = table.suggestion(text);
    ctx_.error("check.industry-code", span,
               {q(text) + " is not a code of GB/T 4754-2017 (国民经济行业分类): a section letter A–T, alone or followed "
                          "by the two-, three- or four-digit division, group or class that exists (C, C26, C261, C2614)",
                qz(text) + " 不是 GB/T 4754-2017《国民经济行业分类》中的代码：门类字母 A–T，可后接实际存在的两位、三位或"
                           "四位大类、中类、小类代码（C、C26、C261、C2614）"},
               hint);
    return std::nullopt;
  }
  if (exact && entry->level != 4) {
    // `= C26` would hold for a project filed as C26 and not for C2614, which is in C26.
    ctx_.error("check.industry-exact-coarse", span,
               {"`=` and `!=` compare a whole 4-digit class code; " + q(text) + " is a " +
                    (entry->level == 1 ? "section" : entry->level == 2 ? "division" : "group") +
                    ", which a project's class only falls under",
                "“=”“!=”只比较完整的四位小类代码；" + qz(text) + " 是" +
                    (entry->level == 1 ? "门类" : entry->level == 2 ? "大类" : "中类") + "，项目的小类只会归属其下"},
               {"write `in [" + text + "]` to match it and every code under it",
                "写作“属于 [" + text + "]”以匹配该代码及其下所有代码"});
    return std::nullopt;
  }
  return text;
}

std::optional<model::CondId> ConditionChecker::compare(const ast::CompareExpr& e) {
  if (starts_with_not(e.lhs)) {
    not_binds_tighter(cover(file_.expr(e.lhs).span, file_.expr(e.rhs).span));
    return std::nullopt;
  }
  const Operand lhs = operand(e.lhs);
  const Operand rhs = operand(e.rhs);
  const Span span = cover(lhs.span, rhs.span);
  // Non-numeric facts compare with a literal of their own type; put the fact first.
  for (const auto& [f, other, op] : {std::tuple{lhs, rhs, e.op}, std::tuple{rhs, lhs, ast::mirrored(e.op)}}) {
    if (f.form != Operand::Form::fact) continue;
    const model::Fact& fact = ctx_.model.facts[*f.fact];
    const bool numeric = fact.kind == FactKind::number || fact.kind == FactKind::quantity ||
                         fact.kind == FactKind::date;
    if (!numeric) return compare_fact(fact, *f.fact, op, other, span);
  }
  return compare_numbers(e.lhs, e.op, e.rhs);
}

std::optional<model::CondId> ConditionChecker::compare_fact(const model::Fact& fact, model::FactId id,
                                                            ast::CompareOp op, const Operand& other,
                                                            const Span& span) {
  if (fact.kind == FactKind::enum_set) {
    (void)quantifier_fits(fact, ast::Quantifier::none, span);  // says how to test a set fact
    return std::nullopt;
  }
  if (fact.kind == FactKind::amounts) {
    amount_needs_value(fact, span);
    return std::nullopt;
  }
  if (!is_equality(op)) {
    ctx_.error("check.order-on-non-number", span,
               {q(fact.name) + " is " + kind_of(fact).en + "; only numbers, quantities and dates compare with `<`, `>`",
                qz(fact.name) + " 是" + kind_of(fact).zh + "；只有数值、数量和日期可用“<”“>”比较"},
               fact.kind == FactKind::industry
                   ? LocalizedText{"to match a class of industries write `" + fact.name + " in [C26]`",
                                   "匹配一类行业应写“" + fact.name + " 属于 [C26]”"}
                   : LocalizedText{});
    return std::nullopt;
  }
  std::optional<model::CondId> result;
  const bool same_fact = other.form == Operand::Form::fact && other.fact == id;
  if (fact.kind == FactKind::enumeration && other.form == Operand::Form::fact && !same_fact &&
      fact.find_value(other.text)) {
    // `nature = upgrade` where `upgrade` is also a fact: next to an enum, a value is meant.
    Operand value = other;
    value.form = Operand::Form::word;
    return compare_fact(fact, id, op, value, span);
  }
  if (same_fact) {  // `nature = nature`: true when known, unknown when not
    result = ctx_.add(model::Compare{ast::CompareOp::eq, ctx_.add(model::NumFact{id}), ctx_.add(model::NumFact{id})});
  } else if (fact.kind == FactKind::enumeration && (other.form == Operand::Form::word || other.form == Operand::Form::string)) {
    if (const auto v = enum_value(fact, other.text, other.span)) result = ctx_.add(model::EnumIn{id, fact.with_values_under({*v})});
    else return std::nullopt;
  } else if (fact.kind == FactKind::industry &&
             (other.form == Operand::Form::word || other.form == Operand::Form::string)) {
    if (const auto code = industry_code(other.text, other.span, true)) result = ctx_.add(model::IndustryIn{id, {*code}, true});
    else return std::nullopt;
  } else if (fact.kind == FactKind::text && other.form == Operand::Form::string) {
    result = ctx_.add(model::TextIn{id, {other.text}});
  } else if (fact.kind == FactKind::boolean && other.form == Operand::Form::boolean) {
    result = ctx_.add(model::BoolFact{id});
    if (!other.value) result = ctx_.add(model::Not{*result});
  } else {
    LocalizedText help;
    if (fact.kind == FactKind::text && other.form == Operand::Form::word) {
      help = {"text is written in quotes: `\"" + other.text + "\"`", "文本值应加引号：“\"" + other.text + "\"”"};
    } else if (fact.kind == FactKind::enumeration) {
      help = {"its values: " + value_list(fact), "其取值：" + value_list(fact)};
    }
    ctx_.error("check.type-mismatch", span,
               {q(fact.name) + " is " + kind_of(fact).en + " and cannot be compared with this",
                qz(fact.name) + " 是" + kind_of(fact).zh + "，不能与此比较"},
               help);
    return std::nullopt;
  }
  if (op == ast::CompareOp::ne) result = ctx_.add(model::Not{*result});
  return result;
}

bool ConditionChecker::same_dimension(const Num& a, const Num& b, const Span& span, std::string_view what) {
  if (a.date != b.date) {
    ctx_.error("check.dimension-mismatch", span,
               {std::string(what) + " a date with something that is not a date",
                std::string(what == "compares" ? "将日期与非日期比较" : "日期不能与非日期运算")});
    return false;
  }
  if (a.dimension == b.dimension) return true;
  // A bare number next to a quantity: the author left out the unit.
  const Num* bare = a.bare_number ? &a : b.bare_number ? &b : nullptr;
  const Num* other = bare == &a ? &b : &a;
  if (bare && bare->dimension.is_dimensionless()) {
    const std::string unit = unit_to_write(other->dimension);
    ctx_.error("check.missing-unit", bare->span,
               {"this number has no unit, but it " + std::string(what == "compares" ? "is compared with" : "meets") +
                    " " + dimension_text(other->dimension).en,
                "此数没有单位，但与之" + std::string(what == "compares" ? "比较" : "运算") + "的是" +
                    dimension_text(other->dimension).zh},
               is_ratio(other->dimension) && !ctx_.written(bare->span).empty()
                   ? LocalizedText{"write it as a share: `" + std::string(ctx_.written(bare->span)) + "%`",
                                   "请写成比例：“" + std::string(ctx_.written(bare->span)) + "%”"}
                   : LocalizedText{"write the unit, e.g. `… " + unit + "`", "请写明单位，如“… " + unit + "”"});
    return false;
  }
  ctx_.error("check.dimension-mismatch", span,
             {std::string(what) + " " + dimension_text(a.dimension).en + " with " + dimension_text(b.dimension).en,
              "量纲不一致：" + dimension_text(a.dimension).zh + "与" + dimension_text(b.dimension).zh});
  return false;
}

std::optional<model::CondId> ConditionChecker::compare_numbers(ast::ExprId lhs_id, ast::CompareOp op,
                                                               ast::ExprId rhs_id) {
  const std::vector<ast::ExprId> lookups = lookups_in({lhs_id, rhs_id});
  if (lookups.empty() || row_number_) return compare_plain_numbers(lhs_id, op, rhs_id);
  if (lookups.size() > 1) {
    ctx_.error("check.lookup-one", cover(file_.expr(lhs_id).span, file_.expr(rhs_id).span),
               {"a comparison looks up one table's number; this one looks up " + std::to_string(lookups.size()),
                "一个比较只能查一个名录的数值；此处查了 " + std::to_string(lookups.size()) + " 个"},
               {"compare each number with the fact on its own, joined by `and`", "请将每个数值分别与事实比较，用“且”连接"});
    return std::nullopt;
  }
  const ast::Name& looked_in = std::get<ast::LookupExpr>(file_.expr(lookups.front()).node).lookup->table;
  if (const auto s = ctx_.lookup(looked_in.text); s && s->kind == Symbol::Kind::fact &&
                                                  ctx_.model.facts[s->index].kind == FactKind::amounts) {
    return compare_amount(lhs_id, op, rhs_id, lookups.front(), s->index);
  }
  return compare_looked_up(lhs_id, op, rhs_id, lookups.front());
}

std::optional<model::CondId> ConditionChecker::compare_plain_numbers(ast::ExprId lhs_id, ast::CompareOp op,
                                                                     ast::ExprId rhs_id) {
  const auto lhs = number(lhs_id);
  const auto rhs = number(rhs_id);
  if (!lhs || !rhs) return std::nullopt;
  if (!same_dimension(*lhs, *rhs, cover(lhs->span, rhs->span), "compares")) return std::nullopt;
  return ctx_.add(model::Compare{op, lhs->id, rhs->id});
}

std::optional<ConditionChecker::Num> ConditionChecker::number(ast::ExprId id) {
  const ast::Expr& e = file_.expr(id);
  if (const auto* q_expr = std::get_if<ast::QuantityExpr>(&e.node)) {
    const Quantity qty = ctx_.quantity(*q_expr->literal);
    return Num{ctx_.add(model::NumConst{qty.value}), qty.dimension(), false, qty.unit.text.empty(), e.span};
  }
  if (const auto* d = std::get_if<ast::DateExpr>(&e.node)) {
    return Num{ctx_.add(model::NumConst{static_cast<double>(days_since_epoch(d->literal.date))}), {}, true, false, e.span};
  }
  if (const auto* a = std::get_if<ast::ArithExpr>(&e.node)) return arith(*a, e.span);
  if (std::holds_alternative<ast::LookupExpr>(e.node)) return looked_up(id, e.span);
  if (const auto* u = std::get_if<ast::UnaryExpr>(&e.node)) {
    if (!std::all_of(u->ops.begin(), u->ops.end(), [](ast::UnaryOp op) { return op == ast::UnaryOp::negate; })) {
      not_binds_tighter(e.span);
      return std::nullopt;
    }
    auto n = number(u->operand);
    if (!n) return std::nullopt;
    for (std::size_t i = 0; i < u->ops.size(); ++i) n->id = ctx_.add(model::NumNeg{n->id});
    n->span = e.span;
    return n;
  }
  if (const auto* ref = std::get_if<ast::NameRef>(&e.node)) {
    const auto symbol = ctx_.lookup(ref->name.text);
    if (!symbol) {
      ctx_.error("check.unknown-name", e.span, {q(ref->name.text) + " is not declared", qz(ref->name.text) + " 未声明"},
                 ctx_.suggest(ref->name.text));
      return std::nullopt;
    }
    if (symbol->kind == Symbol::Kind::fact) {
      const model::Fact& fact = ctx_.model.facts[symbol->index];
      const model::NumId nid = ctx_.add(model::NumFact{symbol->index});
      if (fact.kind == FactKind::number) return Num{nid, {}, false, false, e.span};
      if (fact.kind == FactKind::quantity) return Num{nid, fact.unit.dimension, false, false, e.span};
      if (fact.kind == FactKind::date) return Num{nid, {}, true, false, e.span};
      if (fact.kind == FactKind::amounts) {
        amount_needs_value(fact, e.span);
        return std::nullopt;
      }
      ctx_.error("check.not-a-number", e.span,
                 {q(fact.name) + " is " + kind_of(fact).en + ", not a number",
                  qz(fact.name) + " 是" + kind_of(fact).zh + "，不是数值"});
      return std::nullopt;
    }
  }
  ctx_.error("check.not-a-number", e.span, {"expected a number, quantity or date here", "此处应为数值、数量或日期"});
  return std::nullopt;
}

std::optional<ConditionChecker::Num> ConditionChecker::arith(const ast::ArithExpr& e, const Span& span) {
  auto acc = number(e.operands.front());
  bool ok = acc.has_value();
  for (std::size_t i = 0; i < e.ops.size(); ++i) {
    const auto next = number(e.operands[i + 1]);
    if (!ok || !next) {
      ok = false;
      continue;
    }
    const ast::ArithOp op = e.ops[i];
    if (acc->date || next->date) {
      ctx_.error("check.date-arithmetic", span, {"dates do not take part in arithmetic", "日期不能参与运算"});
      return std::nullopt;
    }
    Dimension dim = acc->dimension;
    if (op == ast::ArithOp::add || op == ast::ArithOp::sub) {
      if (!same_dimension(*acc, *next, span, "adds")) return std::nullopt;
    } else {
      dim = op == ast::ArithOp::mul ? acc->dimension * next->dimension : acc->dimension / next->dimension;
      const auto* divisor = std::get_if<ast::QuantityExpr>(&file_.expr(e.operands[i + 1]).node);
      if (op == ast::ArithOp::div && divisor && divisor->literal->quantity.value == 0.0) {
        ctx_.error("check.divide-by-zero", file_.expr(e.operands[i + 1]).span, {"division by zero", "除数为零"});
        return std::nullopt;
      }
    }
    const auto model_op = static_cast<model::ArithOp>(static_cast<int>(op));
    acc = Num{ctx_.add(model::NumArith{model_op, acc->id, next->id}), dim, false,
              acc->bare_number && next->bare_number, span};
  }
  if (!ok) return std::nullopt;
  return acc;
}

std::vector<model::TableId> ConditionChecker::tables_named(const ast::Name& name) {
  const auto symbol = ctx_.lookup(name.text);
  if (!symbol || symbol->kind != Symbol::Kind::table) {
    ctx_.error("check.unknown-table", name.span, {q(name.text) + " is not a table", qz(name.text) + " 不是名录"},
               symbol ? LocalizedText{} : ctx_.suggest(name.text));
    return {};
  }
  const auto versions = ctx_.table_versions.find(symbol->index);
  return versions == ctx_.table_versions.end() ? std::vector<model::TableId>{symbol->index} : versions->second;
}

void ConditionChecker::not_a_key(const model::Fact& fact, const Span& span) {
  ctx_.error("check.type-mismatch", span,
             {"a table is looked up with a text, industry or enumerated fact; " + q(fact.name) + " is not one",
              "名录只能以文本、行业或枚举类事实查询；" + qz(fact.name) + " 不是"});
}

std::optional<model::CondId> ConditionChecker::in_table(model::FactId id, const ast::Name& name, bool every) {
  // A table of dated versions holds, on a day, the values of the version then in effect.
  const std::vector<model::TableId> versions = tables_named(name);
  if (versions.empty()) return std::nullopt;
  std::vector<model::CondId> each;
  std::vector<model::CondId> in_force_days;  // when some version is in force (none: always)
  for (const model::TableId t : versions) {
    const auto test = version_in(id, t, name, every);
    if (!test) return std::nullopt;
    each.push_back(*test);
    const model::Table& table = ctx_.model.tables[t];
    if (table.effective_from) in_force_days.push_back(in_force(table, ctx_.add(model::BoolConst{true})));
  }
  // `all F in T` on a day no version is in force: the table holds no value
  // then, and every value of F is in it only when F has none.
  if (every && in_force_days.size() == versions.size()) {
    const model::CondId none_in_force = ctx_.add(model::Not{ctx_.add(model::Any{std::move(in_force_days)})});
    each.push_back(ctx_.add(model::All{{none_in_force, set_test(id, {}, true)}}));  // all F in an empty table
  }
  return each.size() == 1 ? each.front() : ctx_.add(model::Any{std::move(each)});
}

std::optional<model::CondId> ConditionChecker::version_in(model::FactId id, model::TableId t, const ast::Name& name,
                                                          bool every) {
  const model::Table& table = ctx_.model.tables[t];
  const std::vector<std::string>& values = ctx_.table_values[t];
  const model::Fact& fact = ctx_.model.facts[id];
  const std::string where = "table " + q(table.name) + ", column " + q(table.column);
  const std::string where_zh = "名录" + qz(table.name) + "的列" + qz(table.column);
  std::optional<model::CondId> test;
  if (fact.kind == FactKind::text) {
    test = ctx_.add(model::TextIn{id, values});
  } else if (fact.kind == FactKind::industry || fact.kind == FactKind::enumeration || fact.kind == FactKind::enum_set) {
    // Every value must be one the fact can take: a typo in the table is an error, not a rule that never holds.
    const auto& gbt = model::IndustryClassification::gbt4754_2017();
    std::vector<std::uint32_t> enum_values;
    for (const std::string& v : values) {
      if (fact.kind == FactKind::industry) {
        if (gbt.find(v) != nullptr) continue;
      } else if (const auto e = fact.find_value(v)) {
        enum_values.push_back(*e);
        continue;
      }
      ctx_.error("check.table-value", name.span,
                 {where + " holds \"" + v + "\", which is not " +
                      (fact.kind == FactKind::industry ? "a GB/T 4754-2017 code" : "a value of " + q(fact.name) + " (" + value_list(fact) + ")"),
                  where_zh + "含有 \"" + v + "\"，它不是" +
                      (fact.kind == FactKind::industry ? "GB/T 4754-2017 代码" : qz(fact.name) + " 的取值（" + value_list(fact) + "）")});
      return std::nullopt;
    }
    if (fact.kind == FactKind::industry) test = ctx_.add(model::IndustryIn{id, values, false});
    else if (fact.kind == FactKind::enum_set) test = set_test(id, std::move(enum_values), every);
    else test = ctx_.values_test(id, std::move(enum_values));
  } else {
    not_a_key(fact, name.span);
    return std::nullopt;
  }
  return in_force(table, *test);
}

model::CondId ConditionChecker::in_force(const model::Table& table, model::CondId test) {
  if (!table.effective_from) return test;
  // A table in force for a period: outside it, no value is in it.
  const std::int32_t from = days_since_epoch(*table.effective_from);
  const std::int32_t until = table.effective_until ? days_since_epoch(*table.effective_until)
                                                   : std::numeric_limits<std::int32_t>::max();
  return ctx_.add(model::All{{ctx_.add(model::AsOfIn{from, until}), test}});
}

std::optional<model::CondId> ConditionChecker::member(const ast::MemberExpr& e) {
  const Operand subject = operand(e.subject);
  if (starts_with_not(e.subject)) {
    not_binds_tighter(subject.span);
    return std::nullopt;
  }
  if (subject.form != Operand::Form::fact) {
    ctx_.error("check.member-subject", subject.span,
               {"`in` tests a fact against a list; this is not a fact", "“属于”用于以事实对照列表；此处不是事实"},
               subject.form == Operand::Form::word ? ctx_.suggest(subject.text) : LocalizedText{});
    return std::nullopt;
  }
  const model::FactId id = *subject.fact;
  const model::Fact& fact = ctx_.model.facts[id];
  if (!quantifier_fits(fact, e.quantifier, subject.span)) return std::nullopt;
  // `no x in L` is `not (any x in L)`; `all x in L`: no value outside L.
  const bool every = e.quantifier == ast::Quantifier::all;
  const auto negated = [&](std::optional<model::CondId> c) {
    return c && e.quantifier == ast::Quantifier::no ? std::optional(ctx_.add(model::Not{*c})) : c;
  };
  if (e.table) return negated(in_table(id, *e.table, every));
  bool ok = true;
  if (fact.kind == FactKind::enumeration || fact.kind == FactKind::enum_set) {
    auto values = listed_values(fact, e.items);
    if (!values) return std::nullopt;
    if (fact.kind == FactKind::enum_set) return negated(set_test(id, std::move(*values), every));
    return ctx_.values_test(id, std::move(*values));  // `new` covers the values under it
  }
  if (fact.kind == FactKind::industry || fact.kind == FactKind::text) {
    std::vector<std::string> values;
    for (ast::ExprId item : e.items) {
      const Operand o = operand(item);
      const bool word_ok = o.form == Operand::Form::string || (fact.kind == FactKind::industry && o.form == Operand::Form::word);
      if (!word_ok) {
        ctx_.error("check.type-mismatch", o.span,
                   fact.kind == FactKind::industry
                       ? LocalizedText{"expected an industry code such as C26", "此处应为行业代码，如 C26"}
                       : LocalizedText{"expected text in quotes", "此处应为带引号的文本"});
        ok = false;
        continue;
      }
      if (fact.kind == FactKind::industry) {
        const auto code = industry_code(o.text, o.span, false);
        ok = ok && code.has_value();
        if (code) values.push_back(*code);
      } else {
        values.push_back(o.text);
      }
    }
    if (!ok) return std::nullopt;
    if (fact.kind == FactKind::industry) return ctx_.add(model::IndustryIn{id, std::move(values), false});
    return ctx_.add(model::TextIn{id, std::move(values)});
  }
  if (fact.kind == FactKind::boolean) {
    ctx_.error("check.type-mismatch", subject.span,
               {q(fact.name) + " is a yes/no fact; test it alone or with `= true`",
                qz(fact.name) + " 是布尔事实；应单独使用或写“= 真”"});
    return std::nullopt;
  }
  // Numbers, quantities, dates: membership is equality with one of the items.
  std::vector<model::CondId> any;
  for (ast::ExprId item : e.items) {
    const auto c = compare_numbers(e.subject, ast::CompareOp::eq, item);
    ok = ok && c.has_value();
    if (c) any.push_back(*c);
  }
  return ok ? std::optional(ctx_.add(model::Any{std::move(any)})) : std::nullopt;
}

std::optional<std::vector<std::uint32_t>> ConditionChecker::listed_values(const model::Fact& fact,
                                                                          const std::vector<ast::ExprId>& items) {
  std::vector<std::uint32_t> values;
  bool ok = true;
  for (ast::ExprId item : items) {
    const Operand o = operand(item);
    std::optional<std::uint32_t> v;
    if (o.form == Operand::Form::word || o.form == Operand::Form::string) {
      v = enum_value(fact, o.text, o.span);
    } else {
      ctx_.error("check.type-mismatch", o.span,
                 {"expected a value of " + q(fact.name) + " (" + value_list(fact) + ")",
                  "此处应为 " + qz(fact.name) + " 的取值（" + value_list(fact) + "）"});
    }
    if (v) values.push_back(*v);
    ok = ok && v.has_value();
  }
  if (!ok) return std::nullopt;
  return values;
}

void ConditionChecker::amount_needs_value(const model::Fact& fact, const Span& span) {
  if (!fact.per) return;  // its declaration is in error, and says so
  const model::Fact& set = ctx_.model.facts[*fact.per];
  const std::string example = fact.name + "[" + (set.values.empty() ? "VALUE" : set.values.front().name) + "]";
  ctx_.error("check.amount-needs-value", span,
             {q(fact.name) + " gives a number for each value of " + q(set.name) + "; say which value's",
              qz(fact.name) + " 按 " + qz(set.name) + " 的每个取值分别给出；应说明取哪个取值的"},
             {"write `" + example + "`", "应写“" + example + "”"});
}

bool ConditionChecker::quantifier_fits(const model::Fact& fact, ast::Quantifier quantifier, const Span& span) {
  const bool set = fact.kind == FactKind::enum_set;
  if (set == (quantifier != ast::Quantifier::none)) return true;
  if (set) {
    ctx_.error("check.set-needs-quantifier", span,
               {q(fact.name) + " holds several values; say which of them the test is about",
                qz(fact.name) + " 可有多个取值；应说明检验的是其中哪些"},
               {"write `any " + fact.name + " in [..]` (some value is in the list), `all " + fact.name +
                    " in [..]` (every value is) or `no " + fact.name + " in [..]` (none is)",
                "应写“任一 " + fact.name + " 属于 [..]”（至少一个取值在列表中）、“全部 " + fact.name +
                    " 属于 [..]”（每个取值都在）或“无一 " + fact.name + " 属于 [..]”（都不在）"});
  } else {
    ctx_.error("check.quantifier-on-single", span,
               {"`any`, `all` and `no` test a fact of several values (`set of {…}`); " + q(fact.name) + " is " +
                    kind_of(fact).en,
                "“任一”“全部”“无一”用于多选事实（“多选 {…}”）；" + qz(fact.name) + " 是" + kind_of(fact).zh},
               {"write `" + fact.name + " in [..]`", "应写“" + fact.name + " 属于 [..]”"});
  }
  return false;
}

model::CondId ConditionChecker::set_test(model::FactId id, std::vector<std::uint32_t> values, bool every) {
  if (!every) return ctx_.values_test(id, std::move(values));
  const model::Fact& fact = ctx_.model.facts[id];
  values = fact.with_values_under(std::move(values));  // sorted
  std::vector<std::uint32_t> others;
  for (std::uint32_t v = 0; v < fact.values.size(); ++v) {
    if (!std::binary_search(values.begin(), values.end(), v)) others.push_back(v);
  }
  return ctx_.add(model::Not{ctx_.add(model::EnumHas{id, std::move(others)})});
}

std::optional<model::CondId> ConditionChecker::limit(const ast::LimitClause& limit) {
  const auto symbol = ctx_.lookup(limit.fact.text);
  if (!symbol || symbol->kind != Symbol::Kind::fact) {
    ctx_.error("check.unknown-name", limit.fact.span,
               {"fact " + q(limit.fact.text) + " is not declared", "事实" + qz(limit.fact.text) + "未声明"},
               ctx_.suggest(limit.fact.text));
    return std::nullopt;
  }
  const model::Fact& fact = ctx_.model.facts[symbol->index];
  if (fact.kind != FactKind::quantity && fact.kind != FactKind::number) {
    ctx_.error("check.limit-fact", limit.fact.span,
               {"`limit` bounds a number or quantity; " + q(fact.name) + " is " + kind_of(fact).en,
                "“限制”只用于数值或数量；" + qz(fact.name) + " 是" + kind_of(fact).zh});
    return std::nullopt;
  }
  const Num lhs{ctx_.add(model::NumFact{symbol->index}),
                fact.kind == FactKind::quantity ? fact.unit.dimension : Dimension{}, false, false, limit.fact.span};
  const Quantity qty = ctx_.quantity(limit.bound);
  const Num rhs{ctx_.add(model::NumConst{qty.value}), qty.dimension(), false, qty.unit.text.empty(),
                limit.bound.span};
  if (!same_dimension(lhs, rhs, cover(limit.fact.span, limit.bound.span), "compares")) return std::nullopt;
  return ctx_.add(model::Compare{limit.at_least ? ast::CompareOp::ge : ast::CompareOp::le, lhs.id, rhs.id});
}

}  // namespace zhunru::check
