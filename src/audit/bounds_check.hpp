// A query that is only bounds on separate variables (`capacity > 10`,
// `3 <= industry <= 7`, `nature = 0`, a Bool) is satisfiable exactly when
// every variable's bounds, with the background's, leave it a value — no need
// to ask Z3. Most first questions about a pair of rules ("can both apply?")
// are such conjunctions; on a 10,000-rule list they were a third of the
// solver's time. Anything else (a disjunction, a sum, a `!=`, a variable the
// background constrains otherwise) is left to Z3: this check only ever says
// "certainly satisfiable" or "ask Z3".
#pragma once

#include <z3++.h>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace zhunru::auditing {

class BoundsCheck {
 public:
  /// `background`: what every query is asked under (the solver's assertions).
  explicit BoundsCheck(const std::vector<z3::expr>& background);

  /// True only when the conjunction of `terms` (with the background) is satisfiable.
  [[nodiscard]] bool certainly_satisfiable(const std::vector<z3::expr>& terms) const;

  /// One side of an interval: a rational num/den (den > 0), strict or not.
  struct Bound {
    std::int64_t num = 0;
    std::int64_t den = 1;
    bool strict = false;
  };
  struct Interval {
    std::optional<Bound> low;
    std::optional<Bound> high;
    bool is_int = false;
    std::optional<bool> truth;  // a Bool variable: the value it is held to
  };
  using Intervals = std::unordered_map<unsigned, Interval>;  // by Z3 AST id

 private:
  Intervals background_;
  std::unordered_set<unsigned> opaque_;  // variables the background constrains beyond bounds
  bool usable_ = true;                   // false when the background itself is beyond bounds in a way we cannot place
};

}  // namespace zhunru::auditing
