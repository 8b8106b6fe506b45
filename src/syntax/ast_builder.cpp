#include "syntax/ast_builder.hpp"

#include <charconv>
#include <string_view>

#include "ZhunruLexer.h"
#include "ast/keyword.hpp"
#include "syntax/literals.hpp"
#include "base/edit_distance.hpp"
#include "syntax/token_span.hpp"
#include "syntax/token_words.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;
using P = grammar::ZhunruParser;
using antlr4::ParserRuleContext;
using antlr4::tree::TerminalNode;

class Builder {
 public:
  Builder(antlr4::CharStream& input, DiagnosticSink& sink, const ErrorStrategy* strategy, Lang keyword_lang,
          ast::File& out)
      : input_(input), sink_(sink), strategy_(strategy), keyword_lang_(keyword_lang), out_(out) {}

  void file(P::FileContext* ctx) {
    // One condition node per 4 to 9 tokens, comments and strings included
    // (measured: 4.1 in the generated national list, 8.8 in rules/chongqing):
    // a quarter of the token count holds a dense file's nodes in one
    // allocation, instead of regrowing the arena (a move of every node).
    if (ctx->getStop() != nullptr) out_.exprs.reserve(out_.exprs.size() + ctx->getStop()->getTokenIndex() / 4);
    for (P::ItemContext* item : ctx->item()) {
      if (sink_.full()) return;
      if (auto built = this->item(item)) out_.items.push_back(std::move(*built));
    }
  }

 private:
  // ---- helpers -------------------------------------------------------------------
  // Under error recovery ANTLR leaves a context whose rule failed without
  // the children it never reached: a rule the parser gave up on before
  // entering it is null, not an empty context. A context that is missing or
  // holds an error is never read; its error has been reported already. Only
  // tier blocks and sections are read past an error inside them (so one bad
  // rule does not hide the others), and they check each child.
  [[nodiscard]] bool broken(const ParserRuleContext* ctx) const {
    return ctx == nullptr || (strategy_ != nullptr && strategy_->is_broken(ctx));
  }
  [[nodiscard]] FileId file_id() const { return out_.id; }
  Span span(const antlr4::Token* t) const { return token_span(t, file_id()); }
  Span span(TerminalNode* node) const { return span(node->getSymbol()); }
  Span span(ParserRuleContext* ctx) const {
    const antlr4::Token* stop = ctx->getStop();
    if (stop == nullptr || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) return span(ctx->getStart());
    return cover(span(ctx->getStart()), span(stop));
  }
  /// The exact source text of a context, whitespace included.
  std::string source_text(ParserRuleContext* ctx) const {
    const antlr4::Token* stop = ctx->getStop();
    if (stop == nullptr || stop->getStopIndex() < ctx->getStart()->getStartIndex()) return ctx->getStart()->getText();
    return input_.getText(antlr4::misc::Interval(ctx->getStart()->getStartIndex(), stop->getStopIndex()));
  }

  // Names and codes are one token; RuleContext::getText would build a stream.
  ast::Word word(ParserRuleContext* ctx) const { return {ctx->getStart()->getText(), span(ctx)}; }
  ast::Word word(TerminalNode* node) const { return {node->getText(), span(node)}; }

  ast::StringLit string(TerminalNode* node) {
    ast::StringLit lit{decode_string_literal(node->getText(), span(node), sink_), span(node)};
    return lit;
  }
  std::optional<ast::StringLit> optional_string(TerminalNode* node) {
    if (node == nullptr) return std::nullopt;
    return string(node);
  }

  ast::DateLit date(TerminalNode* node) { return {parse_date_literal(node->getText(), span(node), sink_), span(node)}; }

  ast::QuantityLit quantity(P::QuantityContext* ctx) { return parse_quantity_literal(source_text(ctx), span(ctx), sink_); }

  ast::Effectivity effectivity(P::EffectivityContext* ctx) {
    ast::Effectivity e{date(ctx->DATE(0)), std::nullopt, span(ctx)};
    if (ctx->DATE().size() > 1) {
      e.until = date(ctx->DATE(1));
      if (e.until->date <= e.from.date) {
        sink_.error("syntax.effective-range", e.until->span,
                    {"`until` must come after the effective date", "“至”的日期须晚于生效日期"});
      }
    }
    return e;
  }

  // ---- declarations --------------------------------------------------------------
  std::optional<ast::Item> item(P::ItemContext* ctx) {
    if (ctx == nullptr) return std::nullopt;
    if (auto* c = ctx->tierBlock()) return tier_block(c);
    if (broken(ctx)) return std::nullopt;  // a broken declaration: already reported
    if (auto* c = ctx->rulesetDecl()) return ruleset(c);
    if (auto* c = ctx->factDecl()) return fact(c);
    if (auto* c = ctx->enumDecl()) return enumeration(c);
    if (auto* c = ctx->geometryDecl()) return ast::GeometryDecl{word(c->name()), optional_string(c->STRING()), span(c)};
    if (auto* c = ctx->kindDecl()) return kind(c);
    if (auto* c = ctx->layerDecl()) return layer(c);
    if (auto* c = ctx->tableDecl()) return table(c);
    if (auto* c = ctx->unitsDecl()) return ast::UnitsDecl{string(c->STRING()), c->REPAIR() != nullptr, span(c)};
    if (auto* c = ctx->unitDecl()) return unit_decl(c);
    return std::nullopt;
  }

  ast::UnitDecl unit_decl(P::UnitDeclContext* ctx) {
    ast::UnitDecl d{word(ctx->name()), optional_string(ctx->STRING()), quantity(ctx->quantity()), std::nullopt, span(ctx)};
    if (TerminalNode* n = ctx->NUMBER()) d.divisor = parse_quantity_literal(n->getText(), span(n), sink_);
    return d;
  }

  ast::RulesetDecl ruleset(P::RulesetDeclContext* ctx) {
    ast::RulesetDecl d{string(ctx->STRING(0)), std::nullopt, std::nullopt, span(ctx)};
    if (ctx->VERSION() != nullptr) d.version = string(ctx->STRING(1));
    if (ctx->effectivity() != nullptr) d.effective = effectivity(ctx->effectivity());
    return d;
  }

  ast::FactDecl fact(P::FactDeclContext* ctx) {
    return ast::FactDecl{word(ctx->name()), fact_type(ctx->factType()), optional_string(ctx->STRING()), span(ctx)};
  }

  ast::FactType fact_type(P::FactTypeContext* ctx) {
    ast::FactType t;
    t.span = span(ctx);
    if (dynamic_cast<P::BoolTypeContext*>(ctx)) t.kind = ast::FactTypeKind::boolean;
    else if (auto* n = dynamic_cast<P::NumberTypeContext*>(ctx)) {
      t.kind = ast::FactTypeKind::number;
      if (n->name() != nullptr) t.per = word(n->name());
    }
    else if (dynamic_cast<P::IndustryTypeContext*>(ctx)) t.kind = ast::FactTypeKind::industry;
    else if (dynamic_cast<P::TextTypeContext*>(ctx)) t.kind = ast::FactTypeKind::text;
    else if (dynamic_cast<P::DateTypeContext*>(ctx)) t.kind = ast::FactTypeKind::date;
    else if (auto* q = dynamic_cast<P::QuantityTypeContext*>(ctx)) {
      t.kind = ast::FactTypeKind::quantity;
      t.unit_span = span(q->unit());
      auto [unit, pending] = parse_unit_literal(source_text(q->unit()), t.unit_span, sink_);
      t.unit = std::move(unit);
      t.unit_pending = pending;
      if (q->name() != nullptr) t.per = word(q->name());
    } else if (auto* e = dynamic_cast<P::EnumTypeContext*>(ctx)) {
      t.kind = ast::FactTypeKind::one_of;
      for (P::EnumValueContext* v : e->enumValue()) t.values.push_back(enum_value(v));
    } else if (auto* n = dynamic_cast<P::NamedTypeContext*>(ctx)) {
      t.kind = ast::FactTypeKind::named;
      t.named = word(n->name());
    } else if (auto* set = dynamic_cast<P::SetTypeContext*>(ctx)) {
      t.many = true;
      t.kind = set->name() != nullptr ? ast::FactTypeKind::named : ast::FactTypeKind::one_of;
      if (set->name() != nullptr) t.named = word(set->name());
      for (P::EnumValueContext* v : set->enumValue()) t.values.push_back(enum_value(v));
    }
    return t;
  }

  ast::EnumDecl enumeration(P::EnumDeclContext* ctx) {
    ast::EnumDecl d{word(ctx->name()), optional_string(ctx->STRING()), {}, ctx->oneOf() != nullptr, span(ctx), std::nullopt};
    if (ctx->effectivity() != nullptr) d.effective = effectivity(ctx->effectivity());
    for (P::EnumValueContext* v : ctx->enumValue()) d.values.push_back(enum_value(v));
    return d;
  }

  ast::EnumValue enum_value(P::EnumValueContext* ctx) {
    ast::EnumValue v{word(ctx->name()), optional_string(ctx->STRING()), {}};
    for (P::EnumValueContext* under : ctx->enumValue()) v.under.push_back(enum_value(under));
    return v;
  }

  ast::KindDecl kind(P::KindDeclContext* ctx) {
    ast::KindDecl d{word(ctx->name()), optional_string(ctx->STRING()), expr(ctx->expr()), span(ctx), std::nullopt};
    if (ctx->effectivity() != nullptr) d.effective = effectivity(ctx->effectivity());
    return d;
  }

  ast::LayerDecl layer(P::LayerDeclContext* ctx) {
    const bool derived = ctx->EQ() != nullptr;
    const bool labelled = ctx->STRING().size() > (derived ? 0u : 1u);
    std::optional<ast::StringLit> label;
    if (labelled) label = string(ctx->STRING(0));
    const auto names = ctx->name();  // the layer's own, then its operands
    ast::LayerDecl decl{word(names.front()), std::move(label), {}, ctx->REPAIR() != nullptr, span(ctx), {}, std::nullopt};
    if (!derived) decl.path = string(ctx->STRING(labelled ? 1 : 0));
    for (std::size_t i = 1; i < names.size(); ++i) decl.of.push_back(word(names[i]));
    if (ctx->expr() != nullptr) decl.filter = expr(ctx->expr());
    return decl;
  }

  ast::TableDecl table(P::TableDeclContext* ctx) {
    const bool derived = ctx->EQ() != nullptr;
    const auto strings = ctx->STRING();  // [label,] then path and column when read from a file
    const bool labelled = strings.size() == (derived ? 1u : 3u);
    const auto names = ctx->name();      // the table's own, then the one it filters
    ast::TableDecl decl{word(names.front()), std::nullopt, {}, {}, std::nullopt, std::nullopt, std::nullopt, span(ctx), std::nullopt};
    if (labelled) decl.label = string(strings[0]);
    if (!derived) {
      decl.path = string(strings[labelled ? 1 : 0]);
      decl.column = string(strings[labelled ? 2 : 1]);
      if (P::TableNumbersContext* n = ctx->tableNumbers()) decl.numbers = table_numbers(n);
    } else {
      decl.of = word(names[1]);
      decl.filter = expr(ctx->expr());
    }
    if (ctx->effectivity() != nullptr) decl.effective = effectivity(ctx->effectivity());
    return decl;
  }

  ast::TableNumbers table_numbers(P::TableNumbersContext* ctx) {
    ast::TableNumbers n{string(ctx->STRING()), std::nullopt, {}};
    if (ctx->unit() != nullptr) {
      n.unit_span = span(ctx->unit());
      auto [unit, pending] = parse_unit_literal(source_text(ctx->unit()), n.unit_span, sink_);
      n.unit = std::move(unit);
      n.unit_pending = pending;
    }
    return n;
  }

  // ---- tiers ------------------------------------------------------------------------
  std::optional<ast::Item> tier_block(P::TierBlockContext* ctx) {
    P::TierHeaderContext* header = ctx->tierHeader();
    if (broken(header)) return std::nullopt;
    // No code (the nation's header): an empty code at the keyword, which
    // check_tier_code requires of every other level.
    const ast::Code code = header->code() != nullptr ? word(header->code()) : ast::Code{"", span(header->tierKeyword())};
    ast::TierBlock block{tier_level(header->tierKeyword()), code, optional_string(header->STRING()), {}, span(ctx)};
    check_tier_code(block.level, block.code, sink_);
    for (P::TierItemContext* item : ctx->tierItem()) {
      if (sink_.full()) break;
      if (item == nullptr) continue;
      if (auto* section = item->section()) {
        if (auto built = this->section(section)) block.sections.push_back(std::move(*built));
      } else if (!broken(item->ruleDecl())) {
        sink_.error("syntax.rule-outside-section", span(item->ruleDecl()),
                    {"a rule must sit inside a dimension section: spatial-layout, emission-control, risk-control or "
                     "resource-efficiency",
                     "规则须写在管控维度块内：空间布局约束、污染物排放管控、环境风险防控或资源开发效率要求"},
                    {"wrap it in `spatial-layout { … }` or the section it belongs to",
                     "将其放入“空间布局约束 { … }”或其所属的维度块中"});
      }
    }
    return block;
  }

  static ast::TierLevel tier_level(P::TierKeywordContext* ctx) {
    if (ctx->NATION() != nullptr) return ast::TierLevel::nation;
    if (ctx->PROVINCE() != nullptr) return ast::TierLevel::province;
    if (ctx->CITY() != nullptr) return ast::TierLevel::city;
    if (ctx->DISTRICT() != nullptr) return ast::TierLevel::district;
    return ast::TierLevel::unit;
  }

  std::optional<ast::Section> section(P::SectionContext* ctx) {
    if (broken(ctx->dimension())) return std::nullopt;  // its rules cannot be placed
    const auto dimension = this->dimension(ctx->dimension());
    if (!dimension) return std::nullopt;
    ast::Section s{*dimension, span(ctx->dimension()), {}, span(ctx)};
    for (P::RuleDeclContext* rule : ctx->ruleDecl()) {
      if (sink_.full()) break;
      if (!broken(rule)) s.rules.push_back(this->rule(rule));
    }
    return s;
  }

  std::optional<ast::ControlDimension> dimension(P::DimensionContext* ctx) {
    if (ctx->SPATIAL_LAYOUT() != nullptr) return ast::ControlDimension::spatial_layout;
    if (ctx->EMISSION_CONTROL() != nullptr) return ast::ControlDimension::emission_control;
    if (ctx->RISK_CONTROL() != nullptr) return ast::ControlDimension::risk_control;
    if (ctx->RESOURCE_EFFICIENCY() != nullptr) return ast::ControlDimension::resource_efficiency;
    report_misspelt(ctx,
                    {ast::Keyword::spatial_layout, ast::Keyword::emission_control, ast::Keyword::risk_control,
                     ast::Keyword::resource_efficiency},
                    {"a section is one of the four dimensions: spatial-layout, emission-control, risk-control or "
                     "resource-efficiency",
                     "管控维度只有四种：空间布局约束、污染物排放管控、环境风险防控、资源开发效率要求"});
    return std::nullopt;
  }

  // A name where a keyword belongs (a parse accepted on purpose, see the grammar).
  void report_misspelt(ParserRuleContext* ctx, std::initializer_list<ast::Keyword> keywords, LocalizedText what) {
    const std::string written = ctx->getStart()->getText();
    std::vector<std::string_view> spellings;
    for (const auto k : keywords) {
      spellings.push_back(ast::spelling(k).en);
      spellings.push_back(ast::spelling(k).zh);
    }
    LocalizedText help;
    if (const auto best = closest_near_miss(written, spellings)) {
      const std::string guess(spellings[*best]);
      help = {"did you mean `" + guess + "`?", "是否应为“" + guess + "”？"};
    }
    sink_.error("syntax.unknown-keyword", span(ctx),
                {"`" + written + "` is not a keyword here: " + what.en, "“" + written + "”不是此处的关键字：" + what.zh},
                std::move(help));
  }

  // ---- rules ------------------------------------------------------------------------
  ast::Rule rule(P::RuleDeclContext* ctx) {
    ast::Rule r;
    r.span = span(ctx);
    if (ctx->ruleId() != nullptr) r.id = word(ctx->ruleId()->name());
    rule_body(ctx->ruleBody(), r);
    for (P::MetadataContext* m : ctx->metadata()) metadata(m, r.metadata);
    return r;
  }

  void rule_body(P::RuleBodyContext* ctx, ast::Rule& r) {
    r.form_span = span(ctx->getStart());
    if (auto* ban = dynamic_cast<P::BanRuleContext*>(ctx)) {
      r.form = ast::RuleForm::ban;
      common_body(r, ban->subject(), ban->scope(), ban->guard());
    } else if (auto* req = dynamic_cast<P::RequireRuleContext*>(ctx)) {
      r.form = ast::RuleForm::require;
      r.requirement = expr(req->expr());
      common_body(r, req->subject(), req->scope(), req->guard());
    } else if (auto* lim = dynamic_cast<P::LimitRuleContext*>(ctx)) {
      r.form = ast::RuleForm::limit;
      P::LimitBoundContext* bound = lim->limitBound();
      const bool at_least = bound->LEAST() != nullptr || bound->AT_LEAST_ZH() != nullptr;
      r.limit = ast::LimitClause{word(lim->name()), at_least, quantity(lim->quantity())};
      common_body(r, lim->subject(), lim->scope(), lim->guard());
    } else if (auto* pos = dynamic_cast<P::PositiveRuleContext*>(ctx)) {
      r.form = pos->ALLOW() != nullptr ? ast::RuleForm::allow : ast::RuleForm::encourage;
      common_body(r, pos->subject(), pos->scope(), pos->guard());
    }
  }

  void common_body(ast::Rule& r, P::SubjectContext* subject, P::ScopeContext* scope,
                   const std::vector<P::GuardContext*>& guards) {
    r.subject = this->subject(subject);
    if (scope != nullptr) {
      for (P::ScopeTermContext* term : scope->scopeTerm()) r.scope.push_back(scope_term(term));
    }
    for (P::GuardContext* g : guards) guard(g, r);
  }

  void guard(P::GuardContext* ctx, ast::Rule& r) {
    const bool is_where = ctx->WHERE() != nullptr;
    std::optional<ast::ExprId>& slot = is_where ? r.where : r.unless;
    const ast::ExprId condition = expr(ctx->expr());
    if (slot) {
      const std::string kw(ast::spell(is_where ? ast::Keyword::where : ast::Keyword::unless, keyword_lang_));
      sink_.error("syntax.repeated-clause", span(ctx->getStart()),
                  {"a rule takes one `" + kw + "` clause", "一条规则只能有一个“" + kw + "”子句"},
                  {"join the conditions with `and` or `or`", "请用“且”或“或”合并条件"});
      return;
    }
    slot = condition;
  }

  ast::Subject subject(P::SubjectContext* ctx) {
    ast::Subject s;
    s.span = span(ctx);
    for (P::AdjectivesContext* set : ctx->adjectives()) {
      std::vector<ast::Name> names;
      for (P::NameContext* n : set->name()) names.push_back(word(n));
      s.adjective_sets.push_back(std::move(names));
    }
    return s;
  }

  ast::ScopeTerm scope_term(P::ScopeTermContext* ctx) {
    if (auto* c = dynamic_cast<P::InScopeContext*>(ctx)) return unit_scope(c->unitScope(), span(ctx));
    if (auto* c = dynamic_cast<P::InScopeZhContext*>(ctx)) {
      if (P::LayerSideZhContext* side = c->layerSideZh()) return layer_side(side, span(ctx));
      return unit_scope(c->unitScopeZh(), span(ctx));
    }
    if (auto* c = dynamic_cast<P::NotInScopeContext*>(ctx)) {
      ast::UnitListScope scope = unit_list(c->regionWord(), c->unitList(), span(ctx));
      scope.negated = true;
      return scope;
    }
    return spatial(dynamic_cast<P::SpatialScopeContext*>(ctx)->spatial());
  }

  // `priority units`, `key or general units`, `units [ZH…]`, and the Chinese forms.
  template <class UnitScopeContext>
  ast::ScopeTerm unit_scope(UnitScopeContext* ctx, Span whole) {
    if (P::UnitListContext* list = ctx->unitList()) return unit_list(ctx->regionWord(), list, whole);
    ast::ClassScope scope{{}, whole};
    for (antlr4::tree::ParseTree* child : ctx->children) {
      if (auto* rule = dynamic_cast<ParserRuleContext*>(child)) scope.classes.push_back(unit_class(rule->getStart()));
    }
    return scope;
  }

  // `units [ZH…]`, `districts [500103]`, `cities [500100]`, `provinces [510000]`.
  ast::UnitListScope unit_list(P::RegionWordContext* region, P::UnitListContext* list, Span whole) {
    ast::UnitListScope scope{{}, whole};
    scope.level = region_level(region->getStart()->getType());
    for (P::CodeContext* code : list->code()) {
      scope.units.push_back(word(code));
      check_region_code(scope.level, scope.units.back(), sink_);
    }
    return scope;
  }

  static ast::UnitClass unit_class(const antlr4::Token* t) {
    switch (t->getType()) {
      case L::PRIORITY:
      case L::PRIORITY_UNITS_ZH: return ast::UnitClass::priority;
      case L::KEY:
      case L::KEY_UNITS_ZH: return ast::UnitClass::key;
      default: return ast::UnitClass::general;
    }
  }

  // `在 LAYER 内` / `在 LAYER 外`; `whole` includes the `在`.
  ast::Spatial layer_side(P::LayerSideZhContext* ctx, Span whole) {
    const auto op = ctx->INSIDE_END_ZH() != nullptr ? ast::SpatialOp::inside : ast::SpatialOp::outside;
    return {op, std::nullopt, word(ctx->name()), whole};
  }

  ast::Spatial spatial(P::SpatialContext* ctx) {
    if (auto* c = dynamic_cast<P::InsideLayerContext*>(ctx)) {
      return {ast::SpatialOp::inside, std::nullopt, word(c->name()), span(ctx)};
    }
    if (auto* c = dynamic_cast<P::OutsideLayerContext*>(ctx)) {
      return {ast::SpatialOp::outside, std::nullopt, word(c->name()), span(ctx)};
    }
    if (auto* c = dynamic_cast<P::OverlapsLayerContext*>(ctx)) {
      ast::OptionalBox<ast::QuantityLit> least;
      if (auto* m = c->overlapMinimum()) {
        least = quantity(m->quantity());
        check_overlap_minimum(*least, sink_);
      }
      return {ast::SpatialOp::overlaps, std::move(least), word(c->name()), span(ctx)};
    }
    if (auto* c = dynamic_cast<P::ClearOfLayerContext*>(ctx)) {
      return {ast::SpatialOp::clear, std::nullopt, word(c->name()), span(ctx)};
    }
    auto* c = dynamic_cast<P::WithinLayerContext*>(ctx);
    ast::QuantityLit distance = quantity(c->quantity());
    check_distance(distance, sink_);
    return {ast::SpatialOp::within, std::move(distance), word(c->name()), span(ctx)};
  }

  void metadata(P::MetadataContext* ctx, ast::Metadata& m) {
    if (auto* c = dynamic_cast<P::BecauseMetaContext*>(ctx)) {
      if (m.because) return repeated_metadata(ctx, ast::Keyword::because);
      m.because = string(c->STRING());
    } else if (auto* c = dynamic_cast<P::CiteMetaContext*>(ctx)) {
      m.cites.push_back(string(c->STRING()));
    } else if (auto* c = dynamic_cast<P::QuoteMetaContext*>(ctx)) {
      m.quotes.push_back(string(c->STRING()));
    } else if (auto* c = dynamic_cast<P::WeightMetaContext*>(ctx)) {
      if (m.weight) return repeated_metadata(ctx, ast::Keyword::weight);
      const std::string text = c->NUMBER()->getText();
      double value = 0;
      std::from_chars(text.data(), text.data() + text.size(), value);
      m.weight = ast::Weight{value, text, span(c->NUMBER())};
    } else if (auto* c = dynamic_cast<P::EffectiveMetaContext*>(ctx)) {
      if (m.effective) return repeated_metadata(ctx, ast::Keyword::effective);
      m.effective = effectivity(c->effectivity());
    } else if (auto* c = dynamic_cast<P::RestatesMetaContext*>(ctx)) {
      if (m.restates) return repeated_metadata(ctx, ast::Keyword::restates);
      m.restates = word(c->name());
    }
  }

  void repeated_metadata(P::MetadataContext* ctx, ast::Keyword k) {
    const std::string kw(ast::spell(k, keyword_lang_));
    sink_.error("syntax.repeated-metadata", span(ctx),
                {"`" + kw + "` is given twice for this rule", "此规则的“" + kw + "”重复出现"});
  }

  // ---- conditions ---------------------------------------------------------------------
  ast::ExprId add(ast::ExprNode node, Span span) {
    out_.exprs.push_back(ast::Expr{std::move(node), span, false});
    return static_cast<ast::ExprId>(out_.exprs.size() - 1);
  }

  // `c0 and c1 or c2 …`: runs joined by `and` become one node each, and
  // those are joined by `or`.
  ast::ExprId expr(P::ExprContext* ctx) {
    std::vector<ast::ExprId> disjuncts;
    std::vector<ast::ExprId> conjuncts;
    auto close_conjunction = [&] {
      disjuncts.push_back(conjuncts.size() == 1 ? conjuncts[0] : logic(ast::LogicOp::logical_and, conjuncts));
      conjuncts.clear();
    };
    for (antlr4::tree::ParseTree* child : ctx->children) {
      if (auto* operand = dynamic_cast<P::CompareExprContext*>(child)) {
        conjuncts.push_back(compare_expr(operand));
      } else if (static_cast<TerminalNode*>(child)->getSymbol()->getType() == L::OR) {
        close_conjunction();
      }
    }
    close_conjunction();
    return disjuncts.size() == 1 ? disjuncts[0] : logic(ast::LogicOp::logical_or, disjuncts);
  }

  ast::ExprId logic(ast::LogicOp op, const std::vector<ast::ExprId>& operands) {
    const Span whole = cover(out_.exprs[operands.front()].span, out_.exprs[operands.back()].span);
    return add(ast::LogicExpr{op, operands}, whole);
  }

  ast::ExprId compare_expr(P::CompareExprContext* ctx) {
    const ast::ExprId lhs = arith(ctx->arith(0));
    if (ctx->list() != nullptr || ctx->name() != nullptr) return member(lhs, ctx->list(), ctx->name(), ctx);
    if (P::CompareOpContext* op = ctx->compareOp()) {
      return add(ast::CompareExpr{compare_op(op), lhs, arith(ctx->arith(1))}, span(ctx));
    }
    return lhs;
  }

  // `FACT in [a, b]` or `FACT in TABLE`, after `any`/`all`/`no` for a set fact.
  ast::ExprId member(ast::ExprId subject, P::ListContext* list, P::NameContext* table, ParserRuleContext* ctx,
                     ast::Quantifier quantifier = ast::Quantifier::none) {
    ast::MemberExpr node{subject, {}, ast::ListStyle::brackets, std::nullopt, quantifier};
    if (table != nullptr) {
      node.table = word(table);
    } else {
      node.style = list->LBRACK() ? ast::ListStyle::brackets : ast::ListStyle::braces;
      for (P::ListItemContext* item : list->listItem()) node.items.push_back(list_item(item));
    }
    return add(std::move(node), span(ctx));
  }

  static ast::Quantifier quantifier(P::QuantifierContext* q) {
    switch (q->getStart()->getType()) {
      case L::ANY: return ast::Quantifier::any;
      case L::ALL: return ast::Quantifier::all;
      default: return ast::Quantifier::no;
    }
  }

  static ast::CompareOp compare_op(P::CompareOpContext* op) {
    switch (op->getStart()->getType()) {
      case L::EQ: return ast::CompareOp::eq;
      case L::NEQ: return ast::CompareOp::ne;
      case L::LT: return ast::CompareOp::lt;
      case L::LE: return ast::CompareOp::le;
      case L::GT: return ast::CompareOp::gt;
      default: return ast::CompareOp::ge;
    }
  }

  // `-a * b + not c / d`: prefix operators bind to their primary; runs joined
  // by `*` `/` become one node each, and those are joined by `+` `-`.
  ast::ExprId arith(P::ArithContext* ctx) {
    ast::ArithExpr sum;
    ast::ArithExpr product;
    std::vector<ast::UnaryOp> prefix;
    Span prefix_start;
    bool after_operand = false;
    auto close_product = [&] {
      sum.operands.push_back(product.operands.size() == 1 ? product.operands[0] : add_chain(std::move(product)));
      product = {};
    };
    for (antlr4::tree::ParseTree* child : ctx->children) {
      if (auto* p = dynamic_cast<P::PrimaryContext*>(child)) {
        const ast::ExprId operand = primary(p);
        product.operands.push_back(prefix.empty() ? operand : prefixed(prefix, operand, prefix_start));
        prefix.clear();
        after_operand = true;
        continue;
      }
      const antlr4::Token* token = static_cast<TerminalNode*>(child)->getSymbol();
      const std::size_t type = token->getType();
      if (!after_operand) {
        if (prefix.empty()) prefix_start = span(token);
        prefix.push_back(type == L::NOT ? ast::UnaryOp::logical_not : ast::UnaryOp::negate);
      } else if (type == L::STAR || type == L::SLASH) {
        product.ops.push_back(type == L::STAR ? ast::ArithOp::mul : ast::ArithOp::div);
      } else {
        close_product();
        sum.ops.push_back(type == L::PLUS ? ast::ArithOp::add : ast::ArithOp::sub);
      }
      after_operand = false;
    }
    close_product();
    return sum.operands.size() == 1 ? sum.operands[0] : add_chain(std::move(sum));
  }

  ast::ExprId add_chain(ast::ArithExpr chain) {
    const Span whole = cover(out_.exprs[chain.operands.front()].span, out_.exprs[chain.operands.back()].span);
    return add(std::move(chain), whole);
  }

  ast::ExprId prefixed(const std::vector<ast::UnaryOp>& ops, ast::ExprId operand, const Span& first_op) {
    return add(ast::UnaryExpr{ops, operand}, cover(first_op, out_.exprs[operand].span));
  }

  ast::ExprId primary(P::PrimaryContext* ctx) {
    if (auto* c = dynamic_cast<P::ParenExprContext*>(ctx)) {
      const ast::ExprId inner = expr(c->expr());
      out_.exprs[inner].parenthesized = true;
      out_.exprs[inner].span = span(ctx);
      return inner;
    }
    if (auto* c = dynamic_cast<P::IsKindContext*>(ctx)) return add(ast::IsKindExpr{word(c->name())}, span(ctx));
    if (auto* c = dynamic_cast<P::SiteExprContext*>(ctx)) {
      ast::Spatial where = c->spatial() != nullptr ? spatial(c->spatial()) : layer_side(c->layerSideZh(), span(ctx));
      return add(ast::SiteExpr{std::move(where), std::nullopt}, span(ctx));
    }
    if (auto* c = dynamic_cast<P::GeometryExprContext*>(ctx)) {
      ast::Spatial where = c->spatial() != nullptr ? spatial(c->spatial()) : layer_side(c->layerSideZh(), span(ctx));
      return add(ast::SiteExpr{std::move(where), word(c->name())}, span(ctx));
    }
    if (auto* c = dynamic_cast<P::NameExprContext*>(ctx)) return add(ast::NameRef{word(c->name())}, span(ctx));
    if (auto* c = dynamic_cast<P::LookupExprContext*>(ctx)) {
      return add(ast::LookupExpr{ast::Lookup{word(c->name(0)), word(c->name(1))}}, span(ctx));
    }
    if (auto* c = dynamic_cast<P::QuantifiedExprContext*>(ctx)) {
      const ast::ExprId subject = add(ast::NameRef{word(c->name(0))}, span(c->name(0)));
      return member(subject, c->list(), c->list() != nullptr ? nullptr : c->name(1), ctx, quantifier(c->quantifier()));
    }
    return literal(ctx->getStart(), ctx);
  }

  ast::ExprId list_item(P::ListItemContext* ctx) {
    if (P::NameContext* n = ctx->name()) return add(ast::NameRef{word(n)}, span(ctx));
    return literal(ctx->getStart(), ctx);
  }

  // A literal: a quantity, string, date or truth value starting at `first`.
  ast::ExprId literal(antlr4::Token* first, ParserRuleContext* ctx) {
    switch (first->getType()) {
      case L::NUMBER: return add(ast::QuantityExpr{quantity(ctx->getRuleContext<P::QuantityContext>(0))}, span(ctx));
      case L::STRING: return add(ast::StringExpr{string(ctx->getToken(L::STRING, 0))}, span(ctx));
      case L::DATE: return add(ast::DateExpr{date(ctx->getToken(L::DATE, 0))}, span(ctx));
      default: return add(ast::BoolExpr{first->getType() == L::TRUE}, span(ctx));
    }
  }

  antlr4::CharStream& input_;
  DiagnosticSink& sink_;
  const ErrorStrategy* strategy_;
  Lang keyword_lang_;
  ast::File& out_;
};

}  // namespace

void build_ast(P::FileContext* tree, antlr4::CharStream& input, DiagnosticSink& sink, const ErrorStrategy* strategy,
               Lang keyword_lang, ast::File& out) {
  Builder(input, sink, strategy, keyword_lang, out).file(tree);
}

}  // namespace zhunru::syntax
