#include "syntax/lexer.hpp"

namespace zhunru::syntax {
namespace {

using antlr4::dfa::DFAState;

class WideEdgeSimulator final : public antlr4::atn::LexerATNSimulator {
 public:
  using LexerATNSimulator::LexerATNSimulator;

 protected:
  DFAState* getExistingTargetState(DFAState* s, size_t t) override {
    if (t == antlr4::Token::EOF) return LexerATNSimulator::getExistingTargetState(s, t);
    _edgeLock.readLock();
    const auto it = s->edges.find(t - MIN_DFA_EDGE);
    DFAState* target = it == s->edges.end() ? nullptr : it->second;
    _edgeLock.readUnlock();
    return target;
  }

  void addDFAEdge(DFAState* p, size_t t, DFAState* q) override {
    if (t == antlr4::Token::EOF) return LexerATNSimulator::addDFAEdge(p, t, q);
    _edgeLock.writeLock();
    p->edges[t - MIN_DFA_EDGE] = q;
    _edgeLock.writeUnlock();
  }
};

}  // namespace

Lexer::Lexer(antlr4::CharStream* input) : ZhunruLexer(input) {
  auto* generated = getInterpreter<antlr4::atn::LexerATNSimulator>();
  auto* wide = new WideEdgeSimulator(this, getATN(), generated->_decisionToDFA, context_cache_);
  delete _interpreter;
  _interpreter = wide;
}

// The base destructor deletes the simulator; do it first, while the context
// cache it refers to still exists.
Lexer::~Lexer() {
  delete _interpreter;
  _interpreter = nullptr;
}

}  // namespace zhunru::syntax
