#include "syntax/lexer.hpp"

#include <unordered_map>

namespace zhunru::syntax {
namespace {

using antlr4::dfa::DFAState;

struct EdgeKey {
  const DFAState* from;
  size_t symbol;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeKeyHash {
  size_t operator()(const EdgeKey& k) const noexcept {
    return std::hash<const void*>{}(k.from) * 31 + std::hash<size_t>{}(k.symbol);
  }
};

// Two levels of edge cache: this lexer's own map, read without a lock, in
// front of ANTLR's shared DFA, read under ANTLR's reader lock. A transition
// takes the lock once per lexer, not once per character.
class WideEdgeSimulator final : public antlr4::atn::LexerATNSimulator {
 public:
  using LexerATNSimulator::LexerATNSimulator;

 protected:
  DFAState* getExistingTargetState(DFAState* s, size_t t) override {
    if (t == antlr4::Token::EOF) return LexerATNSimulator::getExistingTargetState(s, t);
    if (const auto local = local_edges_.find({s, t}); local != local_edges_.end()) return local->second;
    _edgeLock.readLock();
    const auto it = s->edges.find(t - MIN_DFA_EDGE);
    DFAState* target = it == s->edges.end() ? nullptr : it->second;
    _edgeLock.readUnlock();
    if (target != nullptr) local_edges_.emplace(EdgeKey{s, t}, target);
    return target;
  }

  void addDFAEdge(DFAState* p, size_t t, DFAState* q) override {
    if (t == antlr4::Token::EOF) return LexerATNSimulator::addDFAEdge(p, t, q);
    _edgeLock.writeLock();
    p->edges[t - MIN_DFA_EDGE] = q;
    _edgeLock.writeUnlock();
    local_edges_.emplace(EdgeKey{p, t}, q);
  }

 private:
  std::unordered_map<EdgeKey, DFAState*, EdgeKeyHash> local_edges_;
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
