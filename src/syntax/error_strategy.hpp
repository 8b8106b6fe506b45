// ANTLR error handling for zhunru: reports syntax errors in the language's
// own words and recovers at statement level, so one typo costs one statement,
// not the rest of the file.
#pragma once

#include <unordered_set>

#include "antlr4-runtime.h"
#include "diagnostics/sink.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::syntax {

/// Thrown out of the parser once the file's error limit is reached.
struct ParseAbort {};

class ErrorStrategy final : public antlr4::DefaultErrorStrategy {
 public:
  /// `muted_after`: token indices after which errors are not reported (an
  /// unterminated string already explains why its statement is cut short).
  ErrorStrategy(DiagnosticSink& sink, Lang keyword_lang, std::unordered_set<std::size_t> muted_after)
      : sink_(sink), keyword_lang_(keyword_lang), muted_after_(std::move(muted_after)) {}

  /// True when an error was found inside `ctx`; the AST builder skips it.
  [[nodiscard]] bool is_broken(const antlr4::ParserRuleContext* ctx) const { return broken_.count(ctx) != 0; }

  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  void sync(antlr4::Parser* parser) override;
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void report(antlr4::Parser* parser, antlr4::Token* found, const antlr4::misc::IntervalSet& expected, bool extraneous);
  bool substitute_misspelling(antlr4::Parser* parser, const antlr4::misc::IntervalSet& expected);
  void mark_broken(const antlr4::ParserRuleContext* ctx);
  void skip_statement(antlr4::Parser* parser, bool stop_at_brace);

  DiagnosticSink& sink_;
  Lang keyword_lang_;
  std::unordered_set<std::size_t> muted_after_;
  std::unordered_set<const antlr4::ParserRuleContext*> broken_;
};

}  // namespace zhunru::syntax
