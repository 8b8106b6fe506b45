#include "syntax/fast_parser.hpp"

#include <charconv>
#include <string_view>

#include "ZhunruLexer.h"
#include "diagnostics/sink.hpp"
#include "syntax/fast_lexer.hpp"
#include "syntax/literals.hpp"
#include "syntax/token_words.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;
constexpr std::uint32_t kEof = FastToken::kEof;

// Thrown on the first thing the fast path does not take; caught in
// parse_clean, never beyond it.
struct GiveUp {};

bool is_name(std::uint32_t t) {
  switch (t) {
    case L::ID:
    case L::VERSION:
    case L::WEIGHT:
    case L::REPAIR:
    case L::QUOTE:
    case L::BY:
    case L::BOOL_TYPE:
    case L::NUMBER_TYPE:
    case L::QUANTITY_TYPE:
    case L::INDUSTRY_TYPE:
    case L::TEXT_TYPE:
    case L::DATE_TYPE:
    case L::NATION:
    case L::PROVINCE:
    case L::RESTATES:
    case L::DISTRICTS:
    case L::CITIES:
    case L::PROVINCES:
    case L::SET:
    case L::ANY:
    case L::ALL:
    case L::NO:
    case L::PER: return true;
    default: return false;
  }
}

std::optional<ast::Quantifier> quantifier(std::uint32_t t) {
  switch (t) {
    case L::ANY: return ast::Quantifier::any;
    case L::ALL: return ast::Quantifier::all;
    case L::NO: return ast::Quantifier::no;
    default: return std::nullopt;
  }
}

// What may follow a name to make it a geometry's spatial test (`outfall within 1 km of L`).
bool starts_spatial(std::uint32_t t) {
  switch (t) {
    case L::INSIDE:
    case L::OUTSIDE:
    case L::WITHIN:
    case L::DISTANCE_ZH:
    case L::OVERLAPS:
    case L::NOT:
    case L::NOT_OVERLAPS_ZH: return true;
    default: return false;
  }
}

bool starts_scope(std::uint32_t t) { return t == L::IN || t == L::IN_ZH || t == L::NOT_IN_ZH || starts_spatial(t); }

// The word before a scope's list of codes (grammar: regionWord).
bool is_region_word(std::uint32_t t) {
  switch (t) {
    case L::UNITS:
    case L::UNIT:
    case L::DISTRICTS:
    case L::DISTRICT:
    case L::CITIES:
    case L::CITY:
    case L::PROVINCES:
    case L::PROVINCE: return true;
    default: return false;
  }
}

// The nesting check_tokens makes before ANTLR parses: deeper files go to the
// ANTLR path, which reports them. It also bounds this parser's recursion.
bool within_nesting(const std::vector<FastToken>& tokens, std::size_t max_nesting) {
  std::size_t depth = 0;
  std::size_t prefix_run = 0;
  for (const FastToken& t : tokens) {
    prefix_run = t.type == L::NOT || t.type == L::MINUS ? prefix_run + 1 : 0;
    if (t.type == L::LPAREN || t.type == L::LBRACK || t.type == L::LBRACE) ++depth;
    if ((t.type == L::RPAREN || t.type == L::RBRACK || t.type == L::RBRACE) && depth > 0) --depth;
    if (depth > max_nesting || prefix_run > max_nesting) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<FastToken>& tokens, DiagnosticSink& sink, ast::File& out)
      : text_(text), tokens_(tokens), sink_(sink), out_(out) {}

  void file() {
    out_.exprs.reserve(tokens_.size() / 4);  // as the ANTLR builder reserves
    while (type() != kEof) out_.items.push_back(item());
  }

 private:
  // ---- tokens -------------------------------------------------------------------------
  [[nodiscard]] std::uint32_t type(std::size_t ahead = 0) const {
    const std::size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i].type : kEof;
  }
  const FastToken& expect(std::uint32_t t) {
    if (type() != t) throw GiveUp{};
    return tokens_[pos_++];
  }
  bool accept(std::uint32_t t) {
    if (type() != t) return false;
    ++pos_;
    return true;
  }
  const FastToken& take() {
    if (type() == kEof) throw GiveUp{};
    return tokens_[pos_++];
  }

  [[nodiscard]] Span span(const FastToken& t) const {
    return Span{out_.id, {t.line, t.column + 1}, {t.line, t.column + 1 + t.length}};
  }
  /// From token `first` to the last token taken, as ANTLR spans a context.
  [[nodiscard]] Span span_from(std::size_t first) const { return cover(span(tokens_[first]), span(tokens_[pos_ - 1])); }
  [[nodiscard]] std::string_view text(const FastToken& t) const { return text_.substr(t.begin, t.end - t.begin); }
  /// The exact source text from token `first` to the last token taken.
  [[nodiscard]] std::string_view text_from(std::size_t first) const {
    return text_.substr(tokens_[first].begin, tokens_[pos_ - 1].end - tokens_[first].begin);
  }

  // ---- words and literals ---------------------------------------------------------------
  ast::Word name() {
    if (!is_name(type())) throw GiveUp{};
    const FastToken& t = take();
    return {std::string(text(t)), span(t)};
  }
  ast::Code code() {
    if (type() != L::NUMBER && type() != L::ID) throw GiveUp{};
    const FastToken& t = take();
    return {std::string(text(t)), span(t)};
  }
  ast::StringLit string() {
    const FastToken& t = expect(L::STRING);
    return {decode_string_literal(text(t), span(t), sink_), span(t)};
  }
  std::optional<ast::StringLit> optional_string() {
    if (type() != L::STRING) return std::nullopt;
    return string();
  }
  ast::DateLit date() {
    const FastToken& t = expect(L::DATE);
    return {parse_date_literal(text(t), span(t), sink_), span(t)};
  }

  // quantity : NUMBER ({same line}? unitWord)* ; unitWord : ID | PERCENT | SLASH ID
  ast::QuantityLit quantity() {
    const std::size_t first = pos_;
    expect(L::NUMBER);
    for (;;) {
      if (tokens_[pos_].line != tokens_[pos_ - 1].line) break;
      if (type() == L::ID || type() == L::PERCENT) {
        ++pos_;
      } else if (type() == L::SLASH && type(1) == L::ID) {
        pos_ += 2;
      } else {
        break;
      }
    }
    return parse_quantity_literal(text_from(first), span_from(first), sink_);
  }

  ast::Effectivity effectivity() {
    const std::size_t first = pos_;
    expect(L::EFFECTIVE);
    ast::Effectivity e{date(), std::nullopt, {}};
    if (accept(L::UNTIL)) {
      e.until = date();
      if (e.until->date <= e.from.date) throw GiveUp{};  // reported by the ANTLR path
    }
    e.span = span_from(first);
    return e;
  }

  // ---- declarations -----------------------------------------------------------------------
  ast::Item item() {
    switch (type()) {
      case L::RULESET: return ruleset();
      case L::FACT: return fact();
      case L::ENUMERATION: return enumeration();
      case L::GEOMETRY: return geometry();
      case L::KIND: return kind();
      case L::LAYER: return layer();
      case L::TABLE: return table();
      case L::UNITS: return units();
      case L::MEASURE_ZH: return unit_decl();
      case L::NATION:
      case L::PROVINCE:
      case L::CITY:
      case L::DISTRICT:
      case L::UNIT: return starts_unit_decl() ? ast::Item{unit_decl()} : ast::Item{tier_block()};
      default: throw GiveUp{};
    }
  }

  ast::RulesetDecl ruleset() {
    const std::size_t first = pos_++;
    ast::RulesetDecl d{string(), std::nullopt, std::nullopt, {}};
    if (accept(L::VERSION)) d.version = string();
    if (type() == L::EFFECTIVE) d.effective = effectivity();
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  ast::FactDecl fact() {
    const std::size_t first = pos_++;
    ast::Name name = this->name();
    expect(L::COLON);
    ast::FactType type = fact_type();
    std::optional<ast::StringLit> label = optional_string();
    expect(L::SEMI);
    return ast::FactDecl{std::move(name), std::move(type), std::move(label), span_from(first)};
  }

  // The alternatives in the grammar's order: a type keyword is the type, not
  // a named enumeration, unless only the name reading parses (`quantity;`).
  ast::FactType fact_type() {
    const std::size_t first = pos_;
    ast::FactType t;
    switch (type()) {
      case L::BOOL_TYPE: t.kind = ast::FactTypeKind::boolean; ++pos_; break;
      case L::NUMBER_TYPE:
        t.kind = ast::FactTypeKind::number;
        ++pos_;
        if (accept(L::PER)) t.per = name();
        break;
      case L::INDUSTRY_TYPE: t.kind = ast::FactTypeKind::industry; ++pos_; break;
      case L::TEXT_TYPE: t.kind = ast::FactTypeKind::text; ++pos_; break;
      case L::DATE_TYPE: t.kind = ast::FactTypeKind::date; ++pos_; break;
      case L::ONE:
      case L::ENUM_ZH:
        one_of();
        t.kind = ast::FactTypeKind::one_of;
        t.values = enum_values();
        break;
      case L::MULTI_ZH: set_of(t); break;
      default:
        if (type() == L::SET && type(1) == L::OF) {
          set_of(t);
          break;
        }
        if (type() == L::QUANTITY_TYPE && (type(1) == L::ID || type(1) == L::PERCENT)) {
          ++pos_;
          t.kind = ast::FactTypeKind::quantity;
          const std::size_t unit_first = pos_;
          unit();
          t.unit_span = span_from(unit_first);
          auto [unit, pending] = parse_unit_literal(text_from(unit_first), t.unit_span, sink_);
          t.unit = std::move(unit);
          t.unit_pending = pending;
          if (accept(L::PER)) t.per = name();
        } else {
          t.kind = ast::FactTypeKind::named;
          t.named = name();
        }
    }
    t.span = span_from(first);
    return t;
  }

  // setOf (LBRACE enumValue … RBRACE | name)
  void set_of(ast::FactType& t) {
    if (!accept(L::MULTI_ZH)) pos_ += 2;  // SET OF
    t.many = true;
    if (type() == L::LBRACE) {
      t.kind = ast::FactTypeKind::one_of;
      t.values = enum_values();
    } else {
      t.kind = ast::FactTypeKind::named;
      t.named = name();
    }
  }

  // unit : ID unitWord* | PERCENT
  void unit() {
    if (accept(L::PERCENT)) return;
    expect(L::ID);
    for (;;) {
      if (type() == L::ID || type() == L::PERCENT) ++pos_;
      else if (type() == L::SLASH && type(1) == L::ID) pos_ += 2;
      else return;
    }
  }

  // oneOf : ONE OF | ENUM_ZH
  void one_of() {
    if (accept(L::ENUM_ZH)) return;
    expect(L::ONE);
    expect(L::OF);
  }

  // LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE
  std::vector<ast::EnumValue> enum_values() {
    expect(L::LBRACE);
    std::vector<ast::EnumValue> values;
    values.push_back(enum_value());
    while (accept(L::COMMA) && type() != L::RBRACE) values.push_back(enum_value());
    expect(L::RBRACE);
    return values;
  }

  ast::EnumValue enum_value() {
    ast::EnumValue v{name(), optional_string(), {}};
    if (type() == L::LBRACE) v.under = enum_values();
    return v;
  }

  ast::EnumDecl enumeration() {
    const std::size_t first = pos_++;
    ast::EnumDecl d{name(), optional_string(), {}, false, {}, std::nullopt};
    if (type() == L::EFFECTIVE) d.effective = effectivity();
    expect(L::EQ);
    if (type() == L::ONE || type() == L::ENUM_ZH) {
      one_of();
      d.one_of = true;
    }
    d.values = enum_values();
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  ast::GeometryDecl geometry() {
    const std::size_t first = pos_++;
    ast::GeometryDecl d{name(), optional_string(), {}};
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  ast::KindDecl kind() {
    const std::size_t first = pos_++;
    ast::Name name = this->name();
    std::optional<ast::StringLit> label = optional_string();
    std::optional<ast::Effectivity> effective;
    if (type() == L::EFFECTIVE) effective = effectivity();
    expect(L::EQ);
    const ast::ExprId condition = expr();
    expect(L::SEMI);
    return ast::KindDecl{std::move(name), std::move(label), condition, span_from(first), std::move(effective)};
  }

  // LAYER name STRING? (FROM STRING REPAIR? | EQ name ((AND name)+ | WHERE expr)) SEMI
  ast::LayerDecl layer() {
    const std::size_t first = pos_++;
    ast::LayerDecl d{name(), optional_string(), {}, false, {}, {}, std::nullopt};
    if (accept(L::FROM)) {
      d.path = string();
      d.repair = accept(L::REPAIR);
    } else {
      expect(L::EQ);
      d.of.push_back(name());
      if (type() == L::AND) {
        while (accept(L::AND)) d.of.push_back(name());
      } else {
        expect(L::WHERE);
        d.filter = expr();
      }
    }
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  // TABLE name STRING? (FROM STRING COLUMN STRING tableNumbers? | EQ name WHERE expr) effectivity? SEMI
  ast::TableDecl table() {
    const std::size_t first = pos_++;
    ast::TableDecl d{name(), optional_string(), {}, {}, std::nullopt, std::nullopt, std::nullopt, {}, std::nullopt};
    if (accept(L::FROM)) {
      d.path = string();
      expect(L::COLUMN);
      d.column = string();
      if (type() == L::QUANTITY_TYPE || type() == L::NUMBER_TYPE) d.numbers = table_numbers();
    } else {
      expect(L::EQ);
      d.of = name();
      expect(L::WHERE);
      d.filter = expr();
    }
    if (type() == L::EFFECTIVE) d.effective = effectivity();
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  // tableNumbers : QUANTITY_TYPE STRING unit | NUMBER_TYPE STRING
  ast::TableNumbers table_numbers() {
    const bool quantity = take().type == L::QUANTITY_TYPE;
    ast::TableNumbers n{string(), std::nullopt, {}};
    if (quantity) {
      const std::size_t unit_first = pos_;
      unit();
      n.unit_span = span_from(unit_first);
      auto [unit, pending] = parse_unit_literal(text_from(unit_first), n.unit_span, sink_);
      n.unit = std::move(unit);
      n.unit_pending = pending;
    }
    return n;
  }

  // `unit NAME ["LABEL"] =` declares a unit of measure; `unit CODE … {` is a tier.
  bool starts_unit_decl() const { return type(2) == L::EQ || (type(2) == L::STRING && type(3) == L::EQ); }

  // unitDecl : (UNIT | MEASURE_ZH) name STRING? EQ quantity (SLASH NUMBER)? SEMI
  ast::UnitDecl unit_decl() {
    const std::size_t first = pos_++;
    ast::Name name = this->name();
    std::optional<ast::StringLit> label = optional_string();
    expect(L::EQ);
    ast::UnitDecl d{std::move(name), std::move(label), quantity(), std::nullopt, {}};
    if (accept(L::SLASH)) {
      const FastToken& n = expect(L::NUMBER);
      d.divisor = parse_quantity_literal(text(n), span(n), sink_);
    }
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  ast::UnitsDecl units() {
    const std::size_t first = pos_++;
    expect(L::FROM);
    ast::UnitsDecl d{string(), accept(L::REPAIR), {}};
    expect(L::SEMI);
    d.span = span_from(first);
    return d;
  }

  // ---- tiers ----------------------------------------------------------------------------------
  ast::TierBlock tier_block() {
    const std::size_t first = pos_;
    const FastToken& keyword = take();
    const ast::TierLevel level = keyword.type == L::NATION     ? ast::TierLevel::nation
                                 : keyword.type == L::PROVINCE ? ast::TierLevel::province
                                 : keyword.type == L::CITY     ? ast::TierLevel::city
                                 : keyword.type == L::DISTRICT ? ast::TierLevel::district
                                                               : ast::TierLevel::unit;
    // No code (the nation's header): an empty code at the keyword, as the builder makes.
    ast::Code tier_code = type() == L::NUMBER || type() == L::ID ? code() : ast::Code{"", span(keyword)};
    ast::TierBlock block{level, std::move(tier_code), optional_string(), {}, {}};
    check_tier_code(block.level, block.code, sink_);
    expect(L::LBRACE);
    while (type() != L::RBRACE) block.sections.push_back(section());
    ++pos_;
    block.span = span_from(first);
    return block;
  }

  // Only the four dimensions: a misspelt one, or a rule outside a section,
  // is the ANTLR path's to report.
  ast::Section section() {
    const std::size_t first = pos_;
    ast::ControlDimension dimension{};
    switch (type()) {
      case L::SPATIAL_LAYOUT: dimension = ast::ControlDimension::spatial_layout; break;
      case L::EMISSION_CONTROL: dimension = ast::ControlDimension::emission_control; break;
      case L::RISK_CONTROL: dimension = ast::ControlDimension::risk_control; break;
      case L::RESOURCE_EFFICIENCY: dimension = ast::ControlDimension::resource_efficiency; break;
      default: throw GiveUp{};
    }
    ast::Section s{dimension, span(take()), {}, {}};
    expect(L::LBRACE);
    while (type() != L::RBRACE) s.rules.push_back(rule());
    ++pos_;
    s.span = span_from(first);
    return s;
  }

  // ---- rules -----------------------------------------------------------------------------------
  ast::Rule rule() {
    const std::size_t first = pos_;
    ast::Rule r;
    if (is_name(type()) && type(1) == L::COLON) {
      r.id = name();
      ++pos_;
    }
    rule_body(r);
    while (metadata(r.metadata)) {
    }
    expect(L::SEMI);
    r.span = span_from(first);
    return r;
  }

  void rule_body(ast::Rule& r) {
    r.form_span = span(tokens_[pos_]);
    switch (take().type) {
      case L::BAN: r.form = ast::RuleForm::ban; break;
      case L::REQUIRE: r.form = ast::RuleForm::require; break;
      case L::LIMIT: r.form = ast::RuleForm::limit; break;
      case L::ALLOW: r.form = ast::RuleForm::allow; break;
      case L::ENCOURAGE: r.form = ast::RuleForm::encourage; break;
      default: throw GiveUp{};
    }
    if (r.form == ast::RuleForm::limit) {
      ast::Name fact = name();
      const bool at_least = limit_bound();
      r.limit = ast::LimitClause{std::move(fact), at_least, quantity()};
      expect(L::FOR);
    }
    r.subject = subject();
    if (starts_scope(type())) scope(r.scope);
    if (r.form == ast::RuleForm::require) {
      if (!accept(L::TO_HAVE_ZH)) {
        expect(L::TO);
        expect(L::HAVE);
      }
      r.requirement = expr();
    }
    while (type() == L::WHERE || type() == L::UNLESS) guard(r);
  }

  // limitBound : TO AT LEAST | AT_LEAST_ZH | TO | AT_MOST_ZH; true for a lower bound.
  bool limit_bound() {
    if (accept(L::AT_LEAST_ZH)) return true;
    if (accept(L::AT_MOST_ZH)) return false;
    expect(L::TO);
    if (!accept(L::AT)) return false;
    expect(L::LEAST);
    return true;
  }

  void guard(ast::Rule& r) {
    const bool is_where = take().type == L::WHERE;
    std::optional<ast::ExprId>& slot = is_where ? r.where : r.unless;
    const ast::ExprId condition = expr();
    if (slot) throw GiveUp{};  // a second `where`: reported by the ANTLR path
    slot = condition;
  }

  ast::Subject subject() {
    const std::size_t first = pos_;
    ast::Subject s;
    while (type() != L::PROJECTS) {
      std::vector<ast::Name> set{name()};
      while (accept(L::OR)) set.push_back(name());
      s.adjective_sets.push_back(std::move(set));
    }
    ++pos_;
    s.span = span_from(first);
    return s;
  }

  void scope(std::vector<ast::ScopeTerm>& terms) {
    terms.push_back(scope_term());
    while (accept(L::AND)) terms.push_back(scope_term());
  }

  ast::ScopeTerm scope_term() {
    const std::size_t first = pos_;
    if (accept(L::IN)) return unit_scope(first, false);
    if (type() == L::NOT_IN_ZH || (type() == L::NOT && type(1) == L::IN)) {  // `not in districts [...]`
      pos_ += type() == L::NOT ? 2 : 1;
      ast::UnitListScope scope = unit_list(first);
      scope.negated = true;
      return scope;
    }
    if (accept(L::IN_ZH)) {
      if (is_name(type()) && !(is_region_word(type()) && type(1) == L::LBRACK)) return layer_side(first);
      return unit_scope(first, true);
    }
    return spatial();
  }

  // `priority units`, `key or general units`, `units [ZH…]`, and the Chinese forms.
  ast::ScopeTerm unit_scope(std::size_t first, bool zh) {
    if (is_region_word(type())) return unit_list(first);
    ast::ClassScope scope;
    scope.classes.push_back(unit_class(zh));
    while (accept(L::OR)) scope.classes.push_back(unit_class(zh));
    if (!zh) expect(L::UNITS);
    scope.span = span_from(first);
    return scope;
  }

  // `units [ZH…]`, `districts [500103]`, … after the `in`; the span starts at `first`.
  ast::UnitListScope unit_list(std::size_t first) {
    if (!is_region_word(type())) throw GiveUp{};
    ast::UnitListScope scope;
    scope.level = region_level(take().type);
    expect(L::LBRACK);
    scope.units.push_back(code());
    while (accept(L::COMMA) && type() != L::RBRACK) scope.units.push_back(code());
    expect(L::RBRACK);
    for (const ast::Code& c : scope.units) check_region_code(scope.level, c, sink_);
    scope.span = span_from(first);
    return scope;
  }

  ast::UnitClass unit_class(bool zh) {
    const std::uint32_t t = take().type;
    if (t == (zh ? L::PRIORITY_UNITS_ZH : L::PRIORITY)) return ast::UnitClass::priority;
    if (t == (zh ? L::KEY_UNITS_ZH : L::KEY)) return ast::UnitClass::key;
    if (t == (zh ? L::GENERAL_UNITS_ZH : L::GENERAL)) return ast::UnitClass::general;
    throw GiveUp{};
  }

  // `在 LAYER 内` / `在 LAYER 外`, after the `在`; the span starts at `first`.
  ast::Spatial layer_side(std::size_t first) {
    ast::Name layer = name();
    const std::uint32_t side = take().type;
    if (side != L::INSIDE_END_ZH && side != L::OUTSIDE_END_ZH) throw GiveUp{};
    const auto op = side == L::INSIDE_END_ZH ? ast::SpatialOp::inside : ast::SpatialOp::outside;
    return ast::Spatial{op, std::nullopt, std::move(layer), span_from(first)};
  }

  ast::Spatial spatial() {
    const std::size_t first = pos_;
    ast::Spatial s{ast::SpatialOp::inside, std::nullopt, {}, {}};
    switch (take().type) {
      case L::INSIDE: s.layer = name(); break;
      case L::OUTSIDE:
        s.op = ast::SpatialOp::outside;
        s.layer = name();
        break;
      case L::WITHIN:
        s.op = ast::SpatialOp::within;
        s.amount = quantity();
        expect(L::OF);
        s.layer = name();
        break;
      case L::DISTANCE_ZH:
        s.op = ast::SpatialOp::within;
        s.layer = name();
        s.amount = quantity();
        expect(L::RANGE_END_ZH);
        break;
      case L::OVERLAPS:
        s.op = ast::SpatialOp::overlaps;
        s.layer = name();
        if (accept(L::BY)) {
          expect(L::AT);
          expect(L::LEAST);
          s.amount = quantity();
        } else if (accept(L::AT_LEAST_ZH)) {
          s.amount = quantity();
        }
        break;
      case L::NOT:
        expect(L::OVERLAPS);
        s.op = ast::SpatialOp::clear;
        s.layer = name();
        break;
      case L::NOT_OVERLAPS_ZH:
        s.op = ast::SpatialOp::clear;
        s.layer = name();
        break;
      default: throw GiveUp{};
    }
    if (s.op == ast::SpatialOp::within) check_distance(*s.amount, sink_);
    if (s.op == ast::SpatialOp::overlaps && s.amount) check_overlap_minimum(*s.amount, sink_);
    s.span = span_from(first);
    return s;
  }

  // Returns false at the end of the metadata.
  bool metadata(ast::Metadata& m) {
    switch (type()) {
      case L::BECAUSE:
        ++pos_;
        if (m.because) throw GiveUp{};  // given twice: reported by the ANTLR path
        m.because = string();
        return true;
      case L::CITE: ++pos_; m.cites.push_back(string()); return true;
      case L::QUOTE: ++pos_; m.quotes.push_back(string()); return true;
      case L::WEIGHT: {
        ++pos_;
        if (m.weight) throw GiveUp{};
        const FastToken& number = expect(L::NUMBER);
        const std::string_view written = text(number);
        double value = 0;
        std::from_chars(written.data(), written.data() + written.size(), value);
        m.weight = ast::Weight{value, std::string(written), span(number)};
        return true;
      }
      case L::EFFECTIVE:
        if (m.effective) throw GiveUp{};
        m.effective = effectivity();
        return true;
      case L::RESTATES:
        ++pos_;
        if (m.restates) throw GiveUp{};
        m.restates = name();
        return true;
      default: return false;
    }
  }

  // ---- conditions ---------------------------------------------------------------------------
  ast::ExprId add(ast::ExprNode node, Span span) {
    out_.exprs.push_back(ast::Expr{std::move(node), span, false});
    return static_cast<ast::ExprId>(out_.exprs.size() - 1);
  }

  ast::ExprId joined(ast::LogicOp op, std::vector<ast::ExprId> operands) {
    if (operands.size() == 1) return operands[0];
    const Span whole = cover(out_.exprs[operands.front()].span, out_.exprs[operands.back()].span);
    return add(ast::LogicExpr{op, std::move(operands)}, whole);
  }

  ast::ExprId chained(ast::ArithExpr chain) {
    if (chain.operands.size() == 1) return chain.operands[0];
    const Span whole = cover(out_.exprs[chain.operands.front()].span, out_.exprs[chain.operands.back()].span);
    return add(std::move(chain), whole);
  }

  // `c0 and c1 or c2 …`: runs joined by `and` become one node each, joined by `or`.
  ast::ExprId expr() {
    std::vector<ast::ExprId> disjuncts;
    std::vector<ast::ExprId> conjuncts{compare_expr()};
    while (type() == L::AND || type() == L::OR) {
      if (take().type == L::OR) disjuncts.push_back(joined(ast::LogicOp::logical_and, std::exchange(conjuncts, {})));
      conjuncts.push_back(compare_expr());
    }
    disjuncts.push_back(joined(ast::LogicOp::logical_and, std::move(conjuncts)));
    return joined(ast::LogicOp::logical_or, std::move(disjuncts));
  }

  ast::ExprId compare_expr() {
    const std::size_t first = pos_;
    const ast::ExprId lhs = arith();
    if (accept(L::IN) || accept(L::MEMBER_ZH)) return member(lhs, first, ast::Quantifier::none);
    const std::optional<ast::CompareOp> op = compare_op(type());
    if (!op) return lhs;
    ++pos_;
    const ast::ExprId rhs = arith();
    return add(ast::CompareExpr{*op, lhs, rhs}, span_from(first));
  }

  // After `in`/`属于`: a table's name or a list.
  ast::ExprId member(ast::ExprId subject, std::size_t first, ast::Quantifier quantifier) {
    if (is_name(type())) {
      ast::MemberExpr node{subject, {}, ast::ListStyle::brackets, name(), quantifier};
      return add(std::move(node), span_from(first));  // the span once the name is taken
    }
    const bool brackets = type() == L::LBRACK;
    if (!brackets && type() != L::LBRACE) throw GiveUp{};
    const std::uint32_t close = brackets ? L::RBRACK : L::RBRACE;
    ++pos_;
    ast::MemberExpr node{subject, {}, brackets ? ast::ListStyle::brackets : ast::ListStyle::braces, std::nullopt,
                         quantifier};
    if (type() != close) {
      node.items.push_back(list_item());
      while (accept(L::COMMA) && type() != close) node.items.push_back(list_item());
    }
    expect(close);
    return add(std::move(node), span_from(first));
  }

  static std::optional<ast::CompareOp> compare_op(std::uint32_t t) {
    switch (t) {
      case L::EQ: return ast::CompareOp::eq;
      case L::NEQ: return ast::CompareOp::ne;
      case L::LT: return ast::CompareOp::lt;
      case L::LE: return ast::CompareOp::le;
      case L::GT: return ast::CompareOp::gt;
      case L::GE: return ast::CompareOp::ge;
      default: return std::nullopt;
    }
  }

  // `-a * b + not c / d`: prefix operators bind to their primary; runs joined
  // by `*` `/` become one node each, and those are joined by `+` `-`.
  ast::ExprId arith() {
    ast::ArithExpr sum;
    ast::ArithExpr product;
    for (;;) {
      std::vector<ast::UnaryOp> prefix;
      Span prefix_start;
      while (type() == L::NOT || type() == L::MINUS) {
        if (prefix.empty()) prefix_start = span(tokens_[pos_]);
        prefix.push_back(take().type == L::NOT ? ast::UnaryOp::logical_not : ast::UnaryOp::negate);
      }
      const ast::ExprId operand = primary();
      product.operands.push_back(prefix.empty() ? operand
                                                : add(ast::UnaryExpr{std::move(prefix), operand},
                                                      cover(prefix_start, out_.exprs[operand].span)));
      const std::uint32_t t = type();
      if (t == L::STAR || t == L::SLASH) {
        product.ops.push_back(t == L::STAR ? ast::ArithOp::mul : ast::ArithOp::div);
      } else if (t == L::PLUS || t == L::MINUS) {
        sum.operands.push_back(chained(std::exchange(product, {})));
        sum.ops.push_back(t == L::PLUS ? ast::ArithOp::add : ast::ArithOp::sub);
      } else {
        break;
      }
      ++pos_;
    }
    sum.operands.push_back(chained(std::move(product)));
    return chained(std::move(sum));
  }

  ast::ExprId primary() {
    const std::size_t first = pos_;
    switch (type()) {
      case L::LPAREN: {
        ++pos_;
        const ast::ExprId inner = expr();
        expect(L::RPAREN);
        out_.exprs[inner].parenthesized = true;
        out_.exprs[inner].span = span_from(first);
        return inner;
      }
      case L::IS: {
        ++pos_;
        ast::Name kind = name();
        return add(ast::IsKindExpr{std::move(kind)}, span_from(first));
      }
      case L::SITE: {
        ++pos_;
        ast::Spatial where = located(first);
        return add(ast::SiteExpr{std::move(where), std::nullopt}, span_from(first));
      }
      default: break;
    }
    // `any fuels in [coal]` (`any` alone, or before anything else, is a name).
    if (const auto q = quantifier(type()); q && is_name(type(1)) && (type(2) == L::IN || type(2) == L::MEMBER_ZH)) {
      ++pos_;
      const std::size_t subject_first = pos_;
      ast::Name fact = name();
      const ast::ExprId subject = add(ast::NameRef{std::move(fact)}, span_from(subject_first));
      ++pos_;  // `in`
      return member(subject, first, *q);
    }
    if (is_name(type()) && (starts_spatial(type(1)) || type(1) == L::IN_ZH)) {
      ast::Name geometry = name();
      ast::Spatial where = located(first);
      return add(ast::SiteExpr{std::move(where), std::move(geometry)}, span_from(first));
    }
    if (is_name(type()) && type(1) == L::LBRACK) {  // `benchmark[product]`
      ast::Name table = name();
      ++pos_;
      ast::Name key = name();
      expect(L::RBRACK);
      return add(ast::LookupExpr{ast::Lookup{std::move(table), std::move(key)}}, span_from(first));
    }
    return list_item();
  }

  // The spatial test after `site` or a geometry's name, which is at `first`.
  ast::Spatial located(std::size_t first) {
    if (accept(L::IN_ZH)) return layer_side(first);
    return spatial();
  }

  // listItem : quantity | STRING | DATE | TRUE | FALSE | name (also a primary's last alternatives)
  ast::ExprId list_item() {
    const std::size_t first = pos_;
    switch (type()) {
      case L::NUMBER: {
        ast::QuantityLit q = quantity();
        return add(ast::QuantityExpr{std::move(q)}, span_from(first));
      }
      case L::STRING: {
        ast::StringLit s = string();
        return add(ast::StringExpr{std::move(s)}, span_from(first));
      }
      case L::DATE: {
        ast::DateLit d = date();
        return add(ast::DateExpr{d}, span_from(first));
      }
      case L::TRUE:
      case L::FALSE: {
        const bool value = take().type == L::TRUE;
        return add(ast::BoolExpr{value}, span_from(first));
      }
      default: {
        ast::Name n = name();
        return add(ast::NameRef{std::move(n)}, span_from(first));
      }
    }
  }

  std::string_view text_;
  const std::vector<FastToken>& tokens_;
  DiagnosticSink& sink_;
  ast::File& out_;
  std::size_t pos_ = 0;
};

// As keyword_language judges ANTLR's tokens: the first 200 keywords.
Lang keyword_language(std::string_view text, const std::vector<FastToken>& tokens) {
  constexpr std::size_t kSample = 200;
  std::size_t zh = 0;
  std::size_t en = 0;
  for (const FastToken& t : tokens) {
    if (zh + en >= kSample || t.type == kEof) break;
    const TokenWord w = token_word(t.type);
    if ((w.en.empty() && w.zh.empty()) || !w.description.en.empty() || t.begin == t.end) continue;
    const char front = text[t.begin];
    if (static_cast<unsigned char>(front) >= 0x80) ++zh;
    else if (front >= 'a' && front <= 'z') ++en;
  }
  return zh > en ? Lang::zh : Lang::en;
}

}  // namespace

std::optional<ParseResult> parse_clean(const SourceFile& source, const ParseOptions& options) {
  if (!source.encoding_errors().empty()) return std::nullopt;
  std::optional<FastTokens> lexed = fast_lex(source.text());
  if (!lexed || !within_nesting(lexed->tokens, options.max_nesting)) return std::nullopt;
  ParseResult result;
  result.file.id = source.id();
  result.file.path = source.path();
  DiagnosticSink sink(source, options.max_errors);
  try {
    Parser(source.text(), lexed->tokens, sink, result.file).file();
  } catch (const GiveUp&) {
    return std::nullopt;
  }
  if (!sink.take().empty()) return std::nullopt;  // a literal's problem: the ANTLR path reports it
  result.keyword_lang = keyword_language(source.text(), lexed->tokens);
  result.file.comments.reserve(lexed->comments.size());
  for (const FastToken& c : lexed->comments) {
    const std::string_view body = std::string_view(source.text()).substr(c.begin, c.end - c.begin);
    result.file.comments.push_back(
        {std::string(body), Span{source.id(), {c.line, c.column + 1}, {c.line, c.column + 1 + c.length}}});
  }
  return result;
}

}  // namespace zhunru::syntax
