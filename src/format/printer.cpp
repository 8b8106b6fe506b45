#include "format/printer.hpp"

#include "base/dates.hpp"

#include <fmt/format.h>

namespace zhunru::format {
namespace {

using ast::Keyword;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr const char* kCompare[] = {"=", "!=", "<", "<=", ">", ">="};
constexpr const char* kArith[] = {"+", "-", "*", "/"};

template <class T, class F>
std::string join(const std::vector<T>& items, std::string_view sep, F&& each) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += each(items[i]);
  }
  return out;
}

}  // namespace

std::string Printer::quantity(const Quantity& q) {
  std::string out = q.number_text + q.multiplier;
  if (q.unit.text.empty()) return out;
  const bool glued = q.unit.text == "%" || q.unit.text == "％" || q.unit.text == "‰";
  return out + (glued ? "" : " ") + q.unit.text;
}

std::string Printer::string_literal(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + '"';
}

std::string Printer::date(const ast::DateLit& d) { return iso_date(d.date); }

std::string Printer::effectivity(const ast::Effectivity& e) const {
  std::string out = keyword(Keyword::effective) + " " + date(e.from);
  if (e.until) out += " " + keyword(Keyword::until) + " " + date(*e.until);
  return out;
}

std::string Printer::dimension(ast::ControlDimension d) const {
  static constexpr Keyword kKeywords[] = {Keyword::spatial_layout, Keyword::emission_control, Keyword::risk_control,
                                          Keyword::resource_efficiency};
  return keyword(kKeywords[static_cast<int>(d)]);
}

std::string Printer::tier(ast::TierLevel level) const {
  static constexpr Keyword kKeywords[] = {Keyword::nation, Keyword::province, Keyword::city, Keyword::district,
                                          Keyword::unit_tier};
  return keyword(kKeywords[static_cast<int>(level)]);
}

std::string Printer::form(ast::RuleForm form) const {
  static constexpr Keyword kKeywords[] = {Keyword::ban, Keyword::require, Keyword::limit, Keyword::allow,
                                          Keyword::encourage};
  return keyword(kKeywords[static_cast<int>(form)]);
}

std::string Printer::name(const ast::Word& word) const {
  if (display_ == nullptr) return word.text;
  const auto shown = display_->find(word.text);
  return shown == display_->end() ? word.text : shown->second;
}

std::string Printer::limit_head(const ast::LimitClause& limit) const {
  return keyword(Keyword::limit) + " " + name(limit.fact) + " " +
         keyword(limit.at_least ? Keyword::to_at_least : Keyword::to) + " " + quantity(limit.bound.quantity) + " " +
         keyword(Keyword::for_subject);
}

std::string Printer::enum_value(const ast::EnumValue& value) const {
  std::string out = value.label ? value.name.text + " " + string_literal(value.label->value) : value.name.text;
  if (!value.under.empty()) {
    out += " { " + join(value.under, ", ", [this](const ast::EnumValue& v) { return enum_value(v); }) + " }";
  }
  return out;
}

std::string Printer::enum_values(const std::vector<ast::EnumValue>& values) const {
  return join(values, ", ", [this](const ast::EnumValue& v) { return enum_value(v); });
}

std::string Printer::per(const ast::FactType& type) const {
  return type.per ? " " + keyword(Keyword::per) + " " + type.per->text : std::string();
}

std::string Printer::fact_type(const ast::FactType& type) const {
  if (type.many) {
    const std::string head = keyword(Keyword::set_of) + " ";
    return type.kind == ast::FactTypeKind::named ? head + (type.named ? type.named->text : "")
                                                 : head + "{ " + enum_values(type.values) + " }";
  }
  switch (type.kind) {
    case ast::FactTypeKind::boolean: return keyword(Keyword::bool_type);
    case ast::FactTypeKind::number: return keyword(Keyword::number_type) + per(type);
    case ast::FactTypeKind::quantity:
      return keyword(Keyword::quantity_type) + " " + (type.unit ? type.unit->text : "") + per(type);
    case ast::FactTypeKind::industry: return keyword(Keyword::industry_type);
    case ast::FactTypeKind::text: return keyword(Keyword::text_type);
    case ast::FactTypeKind::date: return keyword(Keyword::date_type);
    case ast::FactTypeKind::one_of: return keyword(Keyword::one_of) + " { " + enum_values(type.values) + " }";
    case ast::FactTypeKind::named: return type.named ? type.named->text : "";
  }
  return {};
}

std::string Printer::subject(const ast::Subject& subject) const {
  std::string out;
  for (const auto& set : subject.adjective_sets) {
    out += join(set, " " + keyword(Keyword::or_) + " ", [this](const ast::Name& n) {
      // A kind's label often ends in 项目 (化工项目), which the subject's own 项目 repeats.
      std::string shown = name(n);
      if (display_ != nullptr && shown != n.text && shown.size() > 6 && shown.ends_with("项目")) shown.resize(shown.size() - 6);
      return shown;
    });
    out += ' ';
  }
  return out + keyword(Keyword::projects);
}

std::string Printer::class_scope(const ast::ClassScope& scope) const {
  static constexpr Keyword kClasses[] = {Keyword::priority, Keyword::key, Keyword::general};
  const std::string classes = join(scope.classes, " " + keyword(Keyword::or_) + " ",
                                   [this](ast::UnitClass c) { return keyword(kClasses[static_cast<int>(c)]); });
  // English: `in key or general units`; Chinese: `在 重点管控单元 或 一般管控单元`.
  if (lang_ == Lang::zh) return keyword(Keyword::in_scope) + " " + classes;
  return keyword(Keyword::in_scope) + " " + classes + " " + keyword(Keyword::units);
}

std::string Printer::unit_list(const ast::UnitListScope& scope) const {
  // What the codes name, in the plural the list reads with (by TierLevel).
  static constexpr Keyword kLists[] = {Keyword::unit_list, Keyword::provinces_list, Keyword::cities_list,
                                       Keyword::districts_list, Keyword::unit_list};
  return keyword(scope.negated ? Keyword::not_in_scope : Keyword::in_scope) + " " +
         keyword(kLists[static_cast<int>(scope.level)]) + " [" +
         join(scope.units, ", ", [](const ast::Code& c) { return c.text; }) + "]";
}

std::string Printer::spatial(const ast::Spatial& s, bool in_condition) const {
  const std::string layer = name(s.layer);
  if (lang_ == Lang::zh) {
    switch (s.op) {
      case ast::SpatialOp::inside: return keyword(Keyword::in_scope) + " " + layer + " " + keyword(Keyword::inside);
      case ast::SpatialOp::outside: return keyword(Keyword::in_scope) + " " + layer + " " + keyword(Keyword::outside);
      case ast::SpatialOp::within:
        return keyword(Keyword::within_of) + " " + layer + " " + quantity(s.amount->quantity) + " " +
               keyword(Keyword::within_end);
      case ast::SpatialOp::overlaps: return keyword(Keyword::overlapping) + " " + layer + least_share(s);
      case ast::SpatialOp::clear: return keyword(Keyword::not_overlapping) + " " + layer;
    }
  }
  switch (s.op) {
    case ast::SpatialOp::inside: return keyword(Keyword::inside) + " " + layer;
    case ast::SpatialOp::outside: return keyword(Keyword::outside) + " " + layer;
    case ast::SpatialOp::within:
      return keyword(Keyword::within_of) + " " + quantity(s.amount->quantity) + " " + keyword(Keyword::within_end) +
             " " + layer;
    // A scope reads "projects overlapping L", a condition "site overlaps L".
    case ast::SpatialOp::overlaps:
      return keyword(in_condition ? Keyword::overlaps : Keyword::overlapping) + " " + layer + least_share(s);
    case ast::SpatialOp::clear: return keyword(Keyword::not_overlapping) + " " + layer;
  }
  return {};
}

std::string Printer::least_share(const ast::Spatial& s) const {
  return s.amount ? " " + keyword(Keyword::by_at_least) + " " + quantity(s.amount->quantity) : std::string();
}

std::string Printer::scope(const std::vector<ast::ScopeTerm>& scope) const {
  return join(scope, " " + keyword(Keyword::and_) + " ", [this](const ast::ScopeTerm& term) {
    return std::visit(Overloaded{[this](const ast::ClassScope& c) { return class_scope(c); },
                                 [this](const ast::UnitListScope& u) { return unit_list(u); },
                                 [this](const ast::Spatial& s) { return spatial(s); }},
                      term);
  });
}

std::string Printer::expr(ast::ExprId id) const {
  const ast::Expr& e = file_.expr(id);
  std::string out;
  if (e.parenthesized) out += '(';
  node(out, e.node);
  if (e.parenthesized) out += ')';
  return out;
}

void Printer::node(std::string& out, const ast::ExprNode& n) const {
  std::visit(
      Overloaded{
          [&](const ast::NameRef& r) { out += name(r.name); },
          [&](const ast::QuantityExpr& q) { out += quantity(q.literal->quantity); },
          [&](const ast::StringExpr& s) { out += string_literal(s.literal.value); },
          [&](const ast::DateExpr& d) { out += date(d.literal); },
          [&](const ast::BoolExpr& b) { out += keyword(b.value ? Keyword::true_ : Keyword::false_); },
          [&](const ast::UnaryExpr& u) {
            for (const ast::UnaryOp op : u.ops) out += op == ast::UnaryOp::logical_not ? keyword(Keyword::not_) + " " : "-";
            out += expr(u.operand);
          },
          [&](const ast::ArithExpr& a) {
            out += expr(a.operands[0]);
            for (std::size_t i = 0; i < a.ops.size(); ++i) {
              out += fmt::format(" {} ", kArith[static_cast<int>(a.ops[i])]);
              out += expr(a.operands[i + 1]);
            }
          },
          [&](const ast::CompareExpr& c) {
            out += expr(c.lhs) + " " + kCompare[static_cast<int>(c.op)] + " " + expr(c.rhs);
          },
          [&](const ast::MemberExpr& m) {
            static constexpr Keyword kQuantifiers[] = {Keyword::any, Keyword::any, Keyword::all, Keyword::no};
            if (m.quantifier != ast::Quantifier::none) out += keyword(kQuantifiers[static_cast<int>(m.quantifier)]) + " ";
            if (m.table) {
              out += expr(m.subject) + " " + keyword(Keyword::in_member) + " " + name(*m.table);
              return;
            }
            const bool brackets = m.style == ast::ListStyle::brackets;
            out += expr(m.subject) + " " + keyword(Keyword::in_member) + (brackets ? " [" : " {");
            out += join(m.items, ", ", [this](ast::ExprId item) { return expr(item); });
            out += brackets ? "]" : "}";
          },
          [&](const ast::LogicExpr& l) {
            const std::string op = " " + keyword(l.op == ast::LogicOp::logical_and ? Keyword::and_ : Keyword::or_) + " ";
            out += join(l.operands, op, [this](ast::ExprId o) { return expr(o); });
          },
          [&](const ast::IsKindExpr& k) { out += keyword(Keyword::is) + " " + name(k.kind); },
          [&](const ast::SiteExpr& s) {
            out += (s.geometry ? name(*s.geometry) : std::string(keyword(Keyword::site))) + " " + spatial(*s.spatial, true);
          },
          [&](const ast::LookupExpr& l) { out += name(l.lookup->table) + "[" + name(l.lookup->key) + "]"; },
      },
      n);
}

}  // namespace zhunru::format
