#include "ast/dump.hpp"

#include <fmt/format.h>

namespace zhunru::ast {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr const char* kUnitClass[] = {"priority", "key", "general"};
constexpr const char* kForm[] = {"ban", "require", "limit", "allow", "encourage"};
constexpr const char* kDimension[] = {"spatial-layout", "emission-control", "risk-control", "resource-efficiency"};
constexpr const char* kTier[] = {"nation", "province", "city", "district", "unit"};
constexpr const char* kRegionList[] = {"nation", "provinces", "cities", "districts", "units"};
constexpr const char* kFactType[] = {"bool", "number", "quantity", "one-of", "industry", "text", "date", "named"};
constexpr const char* kCompare[] = {"=", "!=", "<", "<=", ">", ">="};
constexpr const char* kArith[] = {"+", "-", "*", "/"};
constexpr const char* kSpatial[] = {"inside", "outside", "within", "overlaps", "clear"};

template <class E>
const char* name_of(const char* const* table, E e) {
  return table[static_cast<int>(e)];
}

class Dumper {
 public:
  explicit Dumper(const File& file) : file_(file) {}

  std::string run() {
    for (const Item& item : file_.items) {
      std::visit([this](const auto& i) { this->item(i); }, item);
      out_ += '\n';
    }
    return std::move(out_);
  }

 private:
  void str(const std::string& s) { out_ += fmt::format("{:?}", s); }
  void opt_str(const char* key, const StringLit& s) {
    out_ += fmt::format(" ({} ", key);
    str(s.value);
    out_ += ')';
  }
  void opt_str(const char* key, const OptionalBox<StringLit>& s) {
    if (s) opt_str(key, *s);
  }
  void opt_str(const char* key, const std::optional<StringLit>& s) {
    if (s) opt_str(key, *s);
  }
  void date(const DateLit& d) {
    out_ += fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.date.year()), static_cast<unsigned>(d.date.month()),
                        static_cast<unsigned>(d.date.day()));
  }
  template <class MaybeEffectivity>  // std::optional or OptionalBox
  void effectivity(const MaybeEffectivity& e) {
    if (!e) return;
    out_ += " (effective ";
    date(e->from);
    if (e->until) {
      out_ += " until ";
      date(*e->until);
    }
    out_ += ')';
  }
  void unit(const Unit& u) {
    const std::string canonical = u.dimension.canonical_unit();
    out_ += fmt::format("(unit {:?} {} {})", u.text, u.factor, canonical.empty() ? "-" : canonical);
  }
  void quantity(const QuantityLit& q) {
    const Quantity& v = q.quantity;
    out_ += fmt::format("(quantity {:?} {:?} ", v.number_text, v.multiplier);
    unit(v.unit);
    out_ += fmt::format(" = {}{})", v.value, q.pending ? " pending" : "");
  }

  void item(const RulesetDecl& d) {
    out_ += "(ruleset ";
    str(d.title.value);
    opt_str("version", d.version);
    effectivity(d.effective);
    out_ += ')';
  }
  void enum_value(const EnumValue& v) {
    out_ += fmt::format(" ({}", v.name.text);
    opt_str("label", v.label);
    for (const EnumValue& under : v.under) enum_value(under);
    out_ += ')';
  }
  void item(const FactDecl& d) {
    out_ += fmt::format("(fact {} ({}", d.name.text, name_of(kFactType, d.type.kind));
    if (d.type.unit) {
      out_ += ' ';
      unit(*d.type.unit);
    }
    for (const EnumValue& v : d.type.values) enum_value(v);
    if (d.type.named) out_ += " " + d.type.named->text;
    out_ += ')';
    opt_str("label", d.label);
    out_ += ')';
  }
  void item(const GeometryDecl& d) {
    out_ += fmt::format("(geometry {}", d.name.text);
    opt_str("label", d.label);
    out_ += ')';
  }
  void item(const EnumDecl& d) {
    out_ += fmt::format("(enumeration {}", d.name.text);
    for (const EnumValue& v : d.values) enum_value(v);
    opt_str("label", d.label);
    effectivity(d.effective);
    out_ += ')';
  }
  void item(const KindDecl& d) {
    out_ += fmt::format("(kind {}", d.name.text);
    opt_str("label", d.label);
    out_ += ' ';
    expr(d.condition);
    out_ += ')';
  }
  void item(const LayerDecl& d) {
    out_ += fmt::format("(layer {}", d.name.text);
    opt_str("label", d.label);
    if (d.filter) {
      out_ += " (filter " + d.of.front().text + " ";
      expr(*d.filter);
      out_ += "))";
      return;
    }
    if (!d.of.empty()) {
      out_ += " (intersection";
      for (const Name& n : d.of) out_ += " " + n.text;
      out_ += "))";
      return;
    }
    out_ += " (from ";
    str(d.path.value);
    out_ += d.repair ? ") repair)" : "))";
  }
  void item(const TableDecl& d) {
    out_ += fmt::format("(table {}", d.name.text);
    opt_str("label", d.label);
    if (d.filter) {
      out_ += " (filter " + d.of->text + " ";
      expr(*d.filter);
      out_ += ")";
    } else {
      out_ += " (from ";
      str(d.path.value);
      out_ += " column ";
      str(d.column.value);
      if (d.numbers) {
        out_ += d.numbers->unit ? " quantity " : " number ";
        str(d.numbers->column.value);
        if (d.numbers->unit) out_ += " " + d.numbers->unit->text;
      }
      out_ += ")";
    }
    effectivity(d.effective);
    out_ += ")";
  }
  void item(const UnitDecl& d) {
    out_ += fmt::format("(unit-of-measure {}", d.name.text);
    opt_str("label", d.label);
    out_ += ' ';
    quantity(d.amount);
    if (d.divisor) {
      out_ += " / ";
      quantity(*d.divisor);
    }
    out_ += ')';
  }
  void item(const UnitsDecl& d) {
    out_ += "(units-from ";
    str(d.path.value);
    out_ += d.repair ? " repair)" : ")";
  }
  void item(const TierBlock& t) {
    out_ += fmt::format("({} {}", name_of(kTier, t.level), t.code.text);
    opt_str("name", t.name);
    for (const Section& s : t.sections) {
      out_ += fmt::format("\n  ({}", name_of(kDimension, s.dimension));
      for (const Rule& r : s.rules) {
        out_ += "\n    ";
        rule(r);
      }
      out_ += ')';
    }
    out_ += ')';
  }

  void rule(const Rule& r) {
    out_ += fmt::format("(rule {} {}", r.id ? r.id->text : "-", name_of(kForm, r.form));
    if (r.limit) {
      out_ += fmt::format(" (limit {} {} ", r.limit->fact.text, r.limit->at_least ? ">=" : "<=");
      quantity(r.limit->bound);
      out_ += ')';
    }
    subject(r.subject);
    for (const ScopeTerm& s : r.scope) scope(s);
    clause("to-have", r.requirement);
    clause("where", r.where);
    clause("unless", r.unless);
    opt_str("because", r.metadata.because);
    for (const StringLit& c : r.metadata.cites) opt_str("cite", c);
    for (const StringLit& c : r.metadata.quotes) opt_str("quote", c);
    if (r.metadata.weight) out_ += fmt::format(" (weight {})", r.metadata.weight->text);
    if (r.metadata.restates) out_ += " (restates " + r.metadata.restates->text + ")";
    effectivity(r.metadata.effective);
    out_ += ')';
  }
  void clause(const char* key, const std::optional<ExprId>& e) {
    if (!e) return;
    out_ += fmt::format(" ({} ", key);
    expr(*e);
    out_ += ')';
  }
  void subject(const Subject& s) {
    out_ += " (projects";
    for (const auto& set : s.adjective_sets) {
      out_ += " (";
      for (std::size_t i = 0; i < set.size(); ++i) out_ += (i ? " " : "") + set[i].text;
      out_ += ')';
    }
    out_ += ')';
  }
  void scope(const ScopeTerm& term) {
    std::visit(Overloaded{
                   [this](const ClassScope& c) {
                     out_ += " (in-class";
                     for (const UnitClass u : c.classes) out_ += fmt::format(" {}", name_of(kUnitClass, u));
                     out_ += ')';
                   },
                   [this](const UnitListScope& u) {
                     out_ += u.negated ? " (not-in-" : " (in-";
                     out_ += name_of(kRegionList, u.level);
                     for (const Code& c : u.units) out_ += " " + c.text;
                     out_ += ')';
                   },
                   [this](const Spatial& s) {
                     out_ += ' ';
                     spatial(s);
                   },
               },
               term);
  }
  void spatial(const Spatial& s) {
    out_ += fmt::format("({} {}", name_of(kSpatial, s.op), s.layer.text);
    if (s.amount) {
      out_ += ' ';
      quantity(*s.amount);
    }
    out_ += ')';
  }

  void expr(ExprId id) {
    const Expr& e = file_.expr(id);
    if (e.parenthesized) out_ += "(paren ";
    std::visit([this](const auto& n) { node(n); }, e.node);
    if (e.parenthesized) out_ += ')';
  }
  void node(const NameRef& n) { out_ += n.name.text; }
  void node(const QuantityExpr& q) { quantity(*q.literal); }
  void node(const StringExpr& s) { str(s.literal.value); }
  void node(const DateExpr& d) { date(d.literal); }
  void node(const BoolExpr& b) { out_ += b.value ? "true" : "false"; }
  void node(const UnaryExpr& u) {
    out_ += '(';
    for (const UnaryOp op : u.ops) out_ += op == UnaryOp::logical_not ? "not " : "neg ";
    expr(u.operand);
    out_ += ')';
  }
  void node(const ArithExpr& a) {
    out_ += "(arith ";
    expr(a.operands[0]);
    for (std::size_t i = 0; i < a.ops.size(); ++i) {
      out_ += fmt::format(" {} ", name_of(kArith, a.ops[i]));
      expr(a.operands[i + 1]);
    }
    out_ += ')';
  }
  void node(const CompareExpr& c) {
    out_ += fmt::format("({} ", name_of(kCompare, c.op));
    expr(c.lhs);
    out_ += ' ';
    expr(c.rhs);
    out_ += ')';
  }
  void node(const MemberExpr& m) {
    out_ += "(in ";
    expr(m.subject);
    if (m.table) {
      out_ += " (table " + m.table->text + "))";
      return;
    }
    out_ += m.style == ListStyle::brackets ? " [" : " {";
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      if (i) out_ += ' ';
      expr(m.items[i]);
    }
    out_ += m.style == ListStyle::brackets ? "])" : "})";
  }
  void node(const LogicExpr& l) {
    out_ += l.op == LogicOp::logical_and ? "(and" : "(or";
    for (const ExprId o : l.operands) {
      out_ += ' ';
      expr(o);
    }
    out_ += ')';
  }
  void node(const IsKindExpr& k) { out_ += "(is " + k.kind.text + ")"; }
  void node(const LookupExpr& l) { out_ += "(lookup " + l.lookup->table.text + " " + l.lookup->key.text + ")"; }
  void node(const SiteExpr& s) {
    out_ += "(" + (s.geometry ? "geometry " + s.geometry->text : std::string("site")) + " ";
    spatial(*s.spatial);
    out_ += ')';
  }

  const File& file_;
  std::string out_;
};

}  // namespace

std::string dump(const File& file) { return Dumper(file).run(); }

}  // namespace zhunru::ast
