#include "syntax/error_strategy.hpp"

#include "ZhunruLexer.h"
#include "ZhunruParser.h"
#include "syntax/syntax_problem.hpp"
#include "syntax/token_span.hpp"
#include "syntax/token_words.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;
using P = grammar::ZhunruParser;

// How a rule recovers from an error inside it.
enum class Recovery {
  statement,  // skip to the end of the statement (`;`)
  header,     // skip to the block's `{`
  block,      // ANTLR's own follow-set recovery (loops of statements)
  unwind,     // let the enclosing statement recover
};

Recovery recovery_for(std::size_t rule) {
  switch (rule) {
    case P::RuleRuleDecl:
    case P::RuleRulesetDecl:
    case P::RuleFactDecl:
    case P::RuleEnumDecl:
    case P::RuleGeometryDecl:
    case P::RuleTableDecl:
    case P::RuleKindDecl:
    case P::RuleLayerDecl:
    case P::RuleUnitsDecl:
    case P::RuleUnitDecl: return Recovery::statement;
    case P::RuleTierHeader: return Recovery::header;
    case P::RuleFile:
    case P::RuleItem:
    case P::RuleTierBlock:
    case P::RuleTierItem:
    case P::RuleSection: return Recovery::block;
    default: return Recovery::unwind;
  }
}

bool starts_statement(std::size_t type) {
  switch (type) {
    case L::RULESET: case L::FACT: case L::ENUMERATION: case L::GEOMETRY: case L::TABLE: case L::KIND: case L::LAYER: case L::UNITS: case L::UNIT: case L::MEASURE_ZH:
    case L::NATION: case L::PROVINCE: case L::CITY: case L::DISTRICT: case L::SPATIAL_LAYOUT: case L::EMISSION_CONTROL:
    case L::RISK_CONTROL: case L::RESOURCE_EFFICIENCY: case L::BAN: case L::REQUIRE:
    case L::LIMIT: case L::ALLOW: case L::ENCOURAGE: return true;
    default: return false;
  }
}

antlr4::Token* previous_on_channel(antlr4::TokenStream* tokens, antlr4::Token* t) {
  for (auto i = static_cast<std::ptrdiff_t>(t->getTokenIndex()) - 1; i >= 0; --i) {
    antlr4::Token* p = tokens->get(static_cast<std::size_t>(i));
    if (p->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return p;
  }
  return nullptr;
}

antlr4::Token* next_on_channel(antlr4::TokenStream* tokens, antlr4::Token* t) {
  if (t->getType() == antlr4::Token::EOF) return nullptr;
  for (std::size_t i = t->getTokenIndex() + 1; i < tokens->size(); ++i) {
    antlr4::Token* n = tokens->get(i);
    if (n->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return n;
  }
  return nullptr;
}

TokenInfo info(antlr4::Token* t, FileId file) {
  const bool eof = t->getType() == antlr4::Token::EOF;
  return TokenInfo{t->getType(), eof ? std::string() : t->getText(), token_span(t, file)};
}

// The innermost `{` of the current parse that has no `}` yet.
std::optional<Span> open_brace(antlr4::ParserRuleContext* ctx, FileId file) {
  for (; ctx != nullptr; ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent)) {
    antlr4::tree::TerminalNode* open = ctx->getToken(L::LBRACE, 0);
    if (open != nullptr && ctx->getToken(L::RBRACE, 0) == nullptr) return token_span(open->getSymbol(), file);
  }
  return std::nullopt;
}

// A statement starts here when its first token opens a line: a keyword
// that begins one, or `ID :` (a rule id).
bool at_statement_start(antlr4::Parser* parser) {
  antlr4::TokenStream* tokens = parser->getTokenStream();
  antlr4::Token* t = tokens->LT(1);
  antlr4::Token* prev = previous_on_channel(tokens, t);
  const bool line_start = prev == nullptr || prev->getLine() < t->getLine();
  if (!line_start) return false;
  if (starts_statement(t->getType())) return true;
  return t->getType() == L::ID && tokens->LA(2) == L::COLON;
}

}  // namespace

void ErrorStrategy::mark_broken(const antlr4::ParserRuleContext* ctx) {
  for (; ctx != nullptr; ctx = dynamic_cast<const antlr4::ParserRuleContext*>(ctx->parent)) {
    if (!broken_.insert(ctx).second) break;  // its ancestors are marked already
  }
}

void ErrorStrategy::reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  mark_broken(parser->getContext());
  DefaultErrorStrategy::reportError(parser, e);
}

// No alternative fits. The expected set is what could start the choice, so
// when the choice began at a name (`bna two-high …`, `CQ-01 ban …`) that
// name is what the author has to change: report it there.
void ErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  antlr4::Token* start = e.getStartToken();
  const bool blame_start = start != nullptr && start != e.getOffendingToken() && start->getType() == L::ID;
  report(parser, blame_start ? start : e.getOffendingToken(), e.getExpectedTokens(), false);
}

void ErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void ErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  report(parser, e.getOffendingToken(), parser->getExpectedTokens(), false);
}

// ANTLR calls this both when dropping one stray token would fix the input
// and when it just resynchronises; only the first is an "extra" token. A `;`
// or `}` is structure, never called extra: what precedes it is incomplete.
void ErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  mark_broken(parser->getContext());
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  const antlr4::misc::IntervalSet expected = getExpectedTokens(parser);
  antlr4::TokenStream* tokens = parser->getTokenStream();
  const bool structural = tokens->LA(1) == L::SEMI || tokens->LA(1) == L::RBRACE;
  const bool extra = !structural && expected.contains(tokens->LA(2));
  report(parser, parser->getCurrentToken(), expected, extra);
}

void ErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  mark_broken(parser->getContext());
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), false);
}

void ErrorStrategy::report(antlr4::Parser* parser, antlr4::Token* found, const antlr4::misc::IntervalSet& expected,
                           bool extraneous) {
  const FileId file = sink_.file().id();
  antlr4::TokenStream* tokens = parser->getTokenStream();
  SyntaxProblem problem;
  problem.kind = extraneous && found->getType() != antlr4::Token::EOF ? SyntaxProblem::Kind::extraneous
                                                                       : SyntaxProblem::Kind::unexpected;
  problem.found = info(found, file);
  antlr4::Token* prev = previous_on_channel(tokens, found);
  if (prev != nullptr && muted_after_.count(prev->getTokenIndex()) != 0) return;
  if (prev != nullptr) problem.previous = info(prev, file);
  if (antlr4::Token* next = next_on_channel(tokens, found)) problem.next = info(next, file);
  for (const auto t : expected.toList()) problem.expected.push_back(t);
  problem.open_brace = open_brace(parser->getContext(), file);
  report_syntax_problem(sink_, problem, keyword_lang_);
  if (sink_.full()) throw ParseAbort{};
}

// A name one edit away from a keyword that fits here is taken to be that
// keyword: reported once, then parsing goes on as if it were spelt right, so
// `in prority units` costs one error, not a cascade.
bool ErrorStrategy::substitute_misspelling(antlr4::Parser* parser, const antlr4::misc::IntervalSet& expected) {
  antlr4::Token* t = parser->getCurrentToken();
  if (t->getType() != L::ID || inErrorRecoveryMode(parser)) return false;
  std::vector<std::size_t> types;
  for (const auto type : expected.toList()) types.push_back(type);
  const auto guess = misspelt_keyword(t->getText(), types, keyword_lang_);
  if (!guess) return false;
  mark_broken(parser->getContext());
  report(parser, t, expected, false);
  static_cast<antlr4::CommonToken*>(t)->setType(guess->type);
  return true;
}

void ErrorStrategy::sync(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  const antlr4::atn::ATN& atn = parser->getATN();
  const antlr4::misc::IntervalSet next = atn.nextTokens(atn.states[parser->getState()]);
  const std::size_t la = parser->getTokenStream()->LA(1);
  if (next.contains(la) || next.contains(antlr4::Token::EPSILON)) return;
  if (substitute_misspelling(parser, next)) return;
  DefaultErrorStrategy::sync(parser);
}

antlr4::Token* ErrorStrategy::recoverInline(antlr4::Parser* parser) {
  if (substitute_misspelling(parser, getExpectedTokens(parser))) {
    antlr4::Token* repaired = parser->getCurrentToken();
    parser->consume();
    return repaired;
  }
  return DefaultErrorStrategy::recoverInline(parser);
}

void ErrorStrategy::recover(antlr4::Parser* parser, std::exception_ptr e) {
  antlr4::ParserRuleContext* ctx = parser->getContext();
  switch (recovery_for(ctx->getRuleIndex())) {
    case Recovery::unwind:
      // Rethrown up to the enclosing statement; reports are muted meanwhile.
      throw antlr4::InputMismatchException(parser);
    case Recovery::block:
      DefaultErrorStrategy::recover(parser, e);
      return;
    case Recovery::header:
      skip_statement(parser, true);
      return;
    case Recovery::statement:
      skip_statement(parser, false);
      return;
  }
}

// Skips what is left of a broken statement: up to and including its `;`, or
// up to (not including) a `}`, the end of file, or the next statement when a
// `;` was forgotten. A header stops before its `{`.
void ErrorStrategy::skip_statement(antlr4::Parser* parser, bool stop_at_brace) {
  antlr4::TokenStream* tokens = parser->getTokenStream();
  const antlr4::Token* start = parser->getContext()->getStart();
  // Never stop where the statement began, or the caller would retry it forever.
  if (tokens->LT(1) == start && tokens->LA(1) != antlr4::Token::EOF) parser->consume();
  for (;;) {
    const std::size_t type = tokens->LA(1);
    if (type == antlr4::Token::EOF || type == L::RBRACE) return;
    if (stop_at_brace && type == L::LBRACE) return;
    if (type == L::SEMI) {
      if (stop_at_brace) return;
      // Past the end of the broken statement: what follows is checked afresh.
      parser->consume();
      endErrorCondition(parser);
      return;
    }
    if (at_statement_start(parser)) return;
    parser->consume();
  }
}

}  // namespace zhunru::syntax
