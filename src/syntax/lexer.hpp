// The generated lexer, with one change: its DFA caches transitions on every
// code point, not only on ASCII.
//
// ANTLR's lexer simulator caches DFA edges for code points below 128 only
// ("forces unicode to stay in ATN"), so each Chinese character of a rule
// file re-ran the ATN closure: Chinese text lexed several times slower than
// ASCII. The ANTLR maintainers' advice (antlr/antlr4#1613) is to subclass the
// simulator and widen the edge cache, which is what this does. Edges live in
// ANTLR's shared DFA, guarded by ANTLR's own edge lock, so lexers on several
// threads stay safe; each lexer also keeps a lock-free copy of the edges it
// has used, since taking the lock for every character costs more than the
// lookup itself.
#pragma once

#include "ZhunruLexer.h"
#include "antlr4-runtime.h"

namespace zhunru::syntax {

class Lexer final : public grammar::ZhunruLexer {
 public:
  explicit Lexer(antlr4::CharStream* input);
  ~Lexer() override;
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

 private:
  antlr4::atn::PredictionContextCache context_cache_;
};

}  // namespace zhunru::syntax
