// The abstract syntax tree of a .rules file: our own types, with exact spans.
//
// The tree is what the author wrote, nothing resolved: names are text, units
// are parsed but not checked against facts. The checker (the next stage)
// resolves names, types and tiers.
//
// Conditions live in a per-file arena (`File::exprs`) and refer to each other
// by index. Operator chains are n-ary, so no input can make the tree deeper
// than its parenthesis nesting, which the parser bounds.
//
// Every node compares equal exactly when it is the same tree with the same
// spans: the front end's two parsers (ANTLR's and the fast path) are tested
// to build equal files.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ast/box.hpp"
#include "base/span.hpp"
#include "zhunru/quantity.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru::ast {

/// A name or a code as written: `two-high`, `两高`, `C2614`, `500103`.
struct Word {
  std::string text;
  Span span;
  friend bool operator==(const Word&, const Word&) = default;
};
using Name = Word;
using Code = Word;

struct StringLit {
  std::string value;  // escapes resolved
  Span span;
  friend bool operator==(const StringLit&, const StringLit&) = default;
};

struct DateLit {
  std::chrono::year_month_day date;
  Span span;
  friend bool operator==(const DateLit&, const DateLit&) = default;
};

struct QuantityLit {
  Quantity quantity;
  Span span;
  // The unit is no built-in unit: `quantity` holds the number, a multiplier
  // glued to it and the unit as written (unit.text; factor 1, no dimension) until the
  // checker reads it with the units the ruleset declares (`unit 重量箱 = …`).
  bool pending = false;
  friend bool operator==(const QuantityLit&, const QuantityLit&) = default;
};

/// `effective DATE [until DATE]`
struct Effectivity {
  DateLit from;
  std::optional<DateLit> until;
  Span span;
  friend bool operator==(const Effectivity&, const Effectivity&) = default;
};

// ---- conditions ---------------------------------------------------------------

using ExprId = std::uint32_t;

enum class CompareOp { eq, ne, lt, le, gt, ge };
/// The operator with its sides swapped: `a < b` is `b > a`.
constexpr CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::lt: return CompareOp::gt;
    case CompareOp::le: return CompareOp::ge;
    case CompareOp::gt: return CompareOp::lt;
    case CompareOp::ge: return CompareOp::le;
    default: return op;
  }
}
enum class ArithOp { add, sub, mul, div };
enum class UnaryOp { logical_not, negate };
enum class LogicOp { logical_and, logical_or };
enum class ListStyle { brackets, braces };
// How a set fact's items meet a list: `any fuels in [coal]` (some item is in
// it), `all` (every item is), `no` (none is); `none` for a single-valued `in`.
enum class Quantifier : std::uint8_t { none, any, all, no };  // `[..]` or `{..}`: same meaning, kept for fmt
// overlaps: some of the site lies in the layer's interior; clear: `not overlapping`.
enum class SpatialOp { inside, outside, within, overlaps, clear };

/// `inside LAYER`, `outside LAYER`, `within Q of LAYER`, `overlapping LAYER
/// [by at least Q]`, `not overlapping LAYER`.
struct Spatial {
  SpatialOp op;
  OptionalBox<QuantityLit> amount;  // within: the distance; overlaps: the least share or area, if given
  Name layer;
  Span span;
  friend bool operator==(const Spatial&, const Spatial&) = default;
};

struct NameRef {
  Name name;
  friend bool operator==(const NameRef&, const NameRef&) = default;
};
struct QuantityExpr {  // also plain numbers
  Box<QuantityLit> literal;
  friend bool operator==(const QuantityExpr&, const QuantityExpr&) = default;
};
struct StringExpr {
  StringLit literal;
  friend bool operator==(const StringExpr&, const StringExpr&) = default;
};
struct DateExpr {
  DateLit literal;
  friend bool operator==(const DateExpr&, const DateExpr&) = default;
};
struct BoolExpr {
  bool value;
  friend bool operator==(const BoolExpr&, const BoolExpr&) = default;
};
/// `not not x`, `- x`: operators applied right to left.
struct UnaryExpr {
  std::vector<UnaryOp> ops;
  ExprId operand;
  friend bool operator==(const UnaryExpr&, const UnaryExpr&) = default;
};
/// `a + b - c` or `a * b / c`: one precedence level, left to right.
struct ArithExpr {
  std::vector<ExprId> operands;
  std::vector<ArithOp> ops;
  friend bool operator==(const ArithExpr&, const ArithExpr&) = default;
};
struct CompareExpr {
  CompareOp op;
  ExprId lhs;
  ExprId rhs;
  friend bool operator==(const CompareExpr&, const CompareExpr&) = default;
};
/// `FACT in [a, b]`, or `FACT in TABLE` (a reference table: `items` empty);
/// `any FACT in …` and the like for a set fact.
struct MemberExpr {
  ExprId subject;
  std::vector<ExprId> items;
  ListStyle style;
  OptionalBox<Name> table;
  Quantifier quantifier = Quantifier::none;
  friend bool operator==(const MemberExpr&, const MemberExpr&) = default;
};
/// `a and b and c` / `a or b or c`.
struct LogicExpr {
  LogicOp op;
  std::vector<ExprId> operands;
  friend bool operator==(const LogicExpr&, const LogicExpr&) = default;
};
/// `is KIND`
struct IsKindExpr {
  Name kind;
  friend bool operator==(const IsKindExpr&, const IsKindExpr&) = default;
};
/// `site inside LAYER` and friends.
/// `site within 1 km of L`, or of a project geometry: `outfall within 1 km of L`.
struct SiteExpr {
  Box<Spatial> spatial;
  OptionalBox<Name> geometry;  // none: the site
  friend bool operator==(const SiteExpr&, const SiteExpr&) = default;
};

/// `benchmark[product]`: the number a table of numbers gives for a fact's value.
struct Lookup {
  Name table;
  Name key;
  friend bool operator==(const Lookup&, const Lookup&) = default;
};
struct LookupExpr {
  Box<Lookup> lookup;  // boxed: two names would make every node of the arena larger
  friend bool operator==(const LookupExpr&, const LookupExpr&) = default;
};

using ExprNode = std::variant<NameRef, QuantityExpr, StringExpr, DateExpr, BoolExpr, UnaryExpr, ArithExpr,
                              CompareExpr, MemberExpr, LogicExpr, IsKindExpr, SiteExpr, LookupExpr>;

struct Expr {
  ExprNode node;
  Span span;
  bool parenthesized = false;  // written in parentheses (kept so fmt keeps them where they matter)
  friend bool operator==(const Expr&, const Expr&) = default;
};

// ---- rules ----------------------------------------------------------------------

using ::zhunru::UnitClass;
using ::zhunru::TierLevel;

/// `in priority units`, `in key or general units`
struct ClassScope {
  std::vector<UnitClass> classes;
  Span span;
  friend bool operator==(const ClassScope&, const ClassScope&) = default;
};
/// `in units [ZH..., ...]`, or by region: `in districts [500103]`,
/// `in cities [500100]`, `in provinces [510000]`; `not in …` negated.
struct UnitListScope {
  std::vector<Code> units;
  Span span;
  TierLevel level = TierLevel::unit;   // what the codes name: units, districts, cities or provinces
  bool negated = false;
  friend bool operator==(const UnitListScope&, const UnitListScope&) = default;
};
using ScopeTerm = std::variant<ClassScope, UnitListScope, Spatial>;

/// `new or expansion chemical projects`: each set is a disjunction of
/// adjectives, the sets are a conjunction. No sets: every project.
struct Subject {
  std::vector<std::vector<Name>> adjective_sets;
  Span span;
  friend bool operator==(const Subject&, const Subject&) = default;
};

using ::zhunru::RuleForm;

/// `limit FACT to [at least] Q`
struct LimitClause {
  Name fact;
  bool at_least = false;
  QuantityLit bound;
  friend bool operator==(const LimitClause&, const LimitClause&) = default;
};

struct Weight {
  double value = 1.0;
  std::string text;  // as written
  Span span;
  friend bool operator==(const Weight&, const Weight&) = default;
};

struct Metadata {
  OptionalBox<StringLit> because;
  std::vector<StringLit> cites;
  std::vector<StringLit> quotes;   // the cited text, word for word
  OptionalBox<Weight> weight;
  OptionalBox<Effectivity> effective;
  OptionalBox<Name> restates;      // `restates ID`: the upper tier's rule this one repeats
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

struct Rule {
  std::optional<Name> id;
  RuleForm form = RuleForm::ban;
  Span form_span;                       // the `ban`/`require`/... keyword
  Subject subject;
  std::vector<ScopeTerm> scope;         // joined by `and`
  OptionalBox<LimitClause> limit;       // RuleForm::limit
  std::optional<ExprId> requirement;    // RuleForm::require: `to have C`
  std::optional<ExprId> where;
  std::optional<ExprId> unless;
  Metadata metadata;
  Span span;
  friend bool operator==(const Rule&, const Rule&) = default;
};

using ::zhunru::ControlDimension;

struct Section {
  ControlDimension dimension;
  Span header_span;
  std::vector<Rule> rules;
  Span span;
  friend bool operator==(const Section&, const Section&) = default;
};


struct TierBlock {
  TierLevel level;
  Code code;                          // empty for the nation
  std::optional<StringLit> name;
  std::vector<Section> sections;
  Span span;
  friend bool operator==(const TierBlock&, const TierBlock&) = default;
};

// ---- declarations ------------------------------------------------------------------

struct RulesetDecl {
  StringLit title;
  std::optional<StringLit> version;
  std::optional<Effectivity> effective;
  Span span;
  friend bool operator==(const RulesetDecl&, const RulesetDecl&) = default;
};

enum class FactTypeKind { boolean, number, quantity, one_of, industry, text, date, named };

struct EnumValue {
  Name name;
  std::optional<StringLit> label;
  std::vector<EnumValue> under;  // values that are kinds of this one (`new { relocation }`)
  friend bool operator==(const EnumValue&, const EnumValue&) = default;
};

struct FactType {
  FactTypeKind kind = FactTypeKind::boolean;
  std::optional<Unit> unit;            // quantity
  Span unit_span;
  bool unit_pending = false;           // the unit is not built in: read by the checker (QuantityLit::pending)
  std::vector<EnumValue> values;       // one_of
  std::optional<Name> named;           // named: the enumeration declared with `enumeration NAME = {…}`
  bool many = false;                   // one_of, named: `set of …`, several values at once
  std::optional<Name> per;             // number, quantity: `per FACT`, one for each value of that set fact
  Span span;
  friend bool operator==(const FactType&, const FactType&) = default;
};

struct FactDecl {
  Name name;
  FactType type;
  std::optional<StringLit> label;
  Span span;
  friend bool operator==(const FactDecl&, const FactDecl&) = default;
};

/// `geometry outfall "排污口";`: a geometry the project gives beside its site.
struct GeometryDecl {
  Name name;
  std::optional<StringLit> label;
  Span span;
  friend bool operator==(const GeometryDecl&, const GeometryDecl&) = default;
};

/// `enumeration natures "建设性质" = { new "新建" { relocation "迁建" }, … };`
struct EnumDecl {
  Name name;
  std::optional<StringLit> label;
  std::vector<EnumValue> values;
  bool one_of = false;  // written with `one of`/`枚举` before the braces (fmt keeps it)
  Span span;
  std::optional<Effectivity> effective;  // these values hold in this period (an enumeration may have several)
  friend bool operator==(const EnumDecl&, const EnumDecl&) = default;
};

struct KindDecl {
  Name name;
  std::optional<StringLit> label;
  ExprId condition;
  Span span;
  std::optional<Effectivity> effective;  // this definition holds in this period (a kind may have several)
  friend bool operator==(const KindDecl&, const KindDecl&) = default;
};

struct LayerDecl {
  Name name;
  std::optional<StringLit> label;
  StringLit path;        // empty when the layer is an intersection
  bool repair = false;   // `repair`: invalid features are made valid (and said so)
  Span span;
  std::vector<Name> of;  // `= A and B`: the layers it is the intersection of (two or more); `= A where …`: A
  std::optional<ExprId> filter;  // `= A where …`: the test of A's features' properties
  friend bool operator==(const LayerDecl&, const LayerDecl&) = default;
};

/// `table hazardous "危险化学品目录" from "tables/hc.csv" column "CAS号";`, or
/// `table eliminated = catalogue where class = "淘汰类";` — either may say
/// `effective D [until D]`.
/// `quantity "标杆水平" kgce/t` or `number "系数"`: a table's column of numbers.
struct TableNumbers {
  StringLit column;
  std::optional<Unit> unit;       // none: plain numbers
  Span unit_span;
  bool unit_pending = false;      // the unit is not built in: read by the checker
  friend bool operator==(const TableNumbers&, const TableNumbers&) = default;
};

struct TableDecl {
  Name name;
  std::optional<StringLit> label;
  StringLit path;                 // empty for a table filtered from another
  StringLit column;               // the column rules look values up in; empty for a filtered table
  std::optional<Name> of;         // `= T where …`: the table filtered
  std::optional<ExprId> filter;   // its test of the rows' cells
  std::optional<Effectivity> effective;
  Span span;
  std::optional<TableNumbers> numbers;  // a table of numbers: the column of each key's number
  friend bool operator==(const TableDecl&, const TableDecl&) = default;
};

/// `unit 重量箱 "weight box" = 50 kg;`, `unit 运行日 = 1 a / 300;`: a unit of
/// measure the ruleset declares, as an amount of other units.
struct UnitDecl {
  Name name;
  std::optional<StringLit> label;
  QuantityLit amount;
  std::optional<QuantityLit> divisor;  // `/ 300`: a plain number
  Span span;
  friend bool operator==(const UnitDecl&, const UnitDecl&) = default;
};

struct UnitsDecl {
  StringLit path;
  bool repair = false;
  Span span;
  friend bool operator==(const UnitsDecl&, const UnitsDecl&) = default;
};

using Item =
    std::variant<RulesetDecl, FactDecl, EnumDecl, GeometryDecl, KindDecl, LayerDecl, TableDecl, UnitsDecl, UnitDecl,
                 TierBlock>;

/// A `#` or `//` comment, kept so `fmt` can put it back.
struct Comment {
  std::string text;  // including the `#` or `//`
  Span span;
  friend bool operator==(const Comment&, const Comment&) = default;
};

struct File {
  FileId id = 0;
  std::string path;
  std::vector<Item> items;
  std::vector<Expr> exprs;      // the condition arena
  std::vector<Comment> comments;

  [[nodiscard]] const Expr& expr(ExprId id) const { return exprs[id]; }
  friend bool operator==(const File&, const File&) = default;
};

/// The span of any item.
Span span_of(const Item& item);

}  // namespace zhunru::ast
