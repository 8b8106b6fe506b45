#include "audit/bounds_check.hpp"

namespace zhunru::auditing {
namespace {

using Bound = BoundsCheck::Bound;
using Interval = BoundsCheck::Interval;
using Intervals = BoundsCheck::Intervals;

bool is_variable(const z3::expr& e) {
  return e.is_app() && e.is_const() && e.decl().decl_kind() == Z3_OP_UNINTERPRETED;
}

std::optional<Bound> rational(const z3::expr& e) {
  if (!e.is_numeral()) return std::nullopt;
  std::int64_t num = 0;
  std::int64_t den = 0;
  if (!e.numerator().is_numeral_i64(num) || !e.denominator().is_numeral_i64(den) || den <= 0) return std::nullopt;
  // Far from any limit a rule writes, and from int64's ends, which the
  // rounding to integers below would step past.
  constexpr std::int64_t kLargest = std::int64_t{1} << 62;
  if (num > kLargest || num < -kLargest) return std::nullopt;
  return Bound{num, den, false};
}

/// a < b (or <=, or ==) between rationals, exactly.
int compare(const Bound& a, const Bound& b) {
  const __int128 x = static_cast<__int128>(a.num) * b.den;
  const __int128 y = static_cast<__int128>(b.num) * a.den;
  return x < y ? -1 : (x > y ? 1 : 0);
}

void raise_low(Interval& i, Bound b) {
  if (!i.low || compare(b, *i.low) > 0 || (compare(b, *i.low) == 0 && b.strict)) i.low = b;
}

void lower_high(Interval& i, Bound b) {
  if (!i.high || compare(b, *i.high) < 0 || (compare(b, *i.high) == 0 && b.strict)) i.high = b;
}

std::int64_t floor_div(std::int64_t n, std::int64_t d) { return n >= 0 ? n / d : -((-n + d - 1) / d); }

bool nonempty(const Interval& i) {
  if (!i.low || !i.high) return true;
  if (i.is_int) {  // the least integer the low bound lets in against the greatest the high one does
    const std::int64_t f = floor_div(i.low->num, i.low->den);
    const std::int64_t lo = i.low->strict || f * i.low->den != i.low->num ? f + 1 : f;
    const std::int64_t g = floor_div(i.high->num, i.high->den);
    const std::int64_t hi = i.high->strict && g * i.high->den == i.high->num ? g - 1 : g;
    return lo <= hi;
  }
  const int c = compare(*i.low, *i.high);
  return c < 0 || (c == 0 && !i.low->strict && !i.high->strict);
}

/// Adds `e` (to hold when `positive`) to `into`; false when it is not a bound
/// on one variable, or on a variable in `opaque`.
bool add(const z3::expr& e, bool positive, Intervals& into, const std::unordered_set<unsigned>* opaque) {
  if (e.is_true()) return positive;
  if (e.is_false()) return !positive;
  if (e.is_not()) return add(e.arg(0), !positive, into, opaque);
  if (!e.is_app()) return false;
  const Z3_decl_kind k = e.decl().decl_kind();
  if (is_variable(e) && e.is_bool()) {
    if (opaque && opaque->count(e.id())) return false;
    Interval& i = into[e.id()];
    if (i.truth && *i.truth != positive) return false;  // a contradiction: Z3 says so
    i.truth = positive;
    return true;
  }
  if ((k == Z3_OP_AND && positive) || (k == Z3_OP_OR && !positive)) {
    for (unsigned a = 0; a < e.num_args(); ++a) {
      if (!add(e.arg(a), positive, into, opaque)) return false;
    }
    return true;
  }
  if (k == Z3_OP_OR && positive) {  // one disjunct left once the constant false ones go
    std::optional<z3::expr> only;
    for (unsigned a = 0; a < e.num_args(); ++a) {
      if (e.arg(a).is_false()) continue;
      if (only) return false;
      only = e.arg(a);
    }
    return only && add(*only, true, into, opaque);
  }
  if (e.num_args() != 2) return false;
  z3::expr var = e.arg(0);
  std::optional<Bound> value = rational(e.arg(1));
  bool flipped = false;
  if (!is_variable(var) || !value) {
    var = e.arg(1);
    value = rational(e.arg(0));
    flipped = true;
  }
  if (!is_variable(var) || !value || !var.is_arith()) return false;
  if (opaque && opaque->count(var.id())) return false;
  // The test as `var OP value`, then negated when it must fail.
  enum class Op { le, lt, ge, gt, eq } op;
  switch (k) {
    case Z3_OP_LE: op = flipped ? Op::ge : Op::le; break;
    case Z3_OP_LT: op = flipped ? Op::gt : Op::lt; break;
    case Z3_OP_GE: op = flipped ? Op::le : Op::ge; break;
    case Z3_OP_GT: op = flipped ? Op::lt : Op::gt; break;
    case Z3_OP_EQ: op = Op::eq; break;
    default: return false;
  }
  if (!positive) {
    if (op == Op::eq) return false;  // a disequality: two intervals, left to Z3
    op = op == Op::le ? Op::gt : op == Op::lt ? Op::ge : op == Op::ge ? Op::lt : Op::le;
  }
  Interval& i = into[var.id()];
  i.is_int = var.is_int();
  Bound b = *value;
  b.strict = op == Op::lt || op == Op::gt;
  if (op == Op::ge || op == Op::gt || op == Op::eq) raise_low(i, b);
  if (op == Op::le || op == Op::lt || op == Op::eq) lower_high(i, b);
  return true;
}

}  // namespace

BoundsCheck::BoundsCheck(const std::vector<z3::expr>& background) {
  for (const z3::expr& e : background) {
    Intervals one;
    if (add(e, true, one, nullptr)) {
      for (auto& [id, i] : one) {
        Interval& into = background_[id];
        into.is_int = i.is_int;
        if (i.low) raise_low(into, *i.low);
        if (i.high) lower_high(into, *i.high);
        if (i.truth) into.truth = i.truth;
      }
      continue;
    }
    // Not bounds: whatever it mentions is left to Z3.
    std::vector<z3::expr> todo{e};
    while (!todo.empty()) {
      const z3::expr x = todo.back();
      todo.pop_back();
      if (is_variable(x)) opaque_.insert(x.id());
      if (x.is_app()) {
        for (unsigned a = 0; a < x.num_args(); ++a) todo.push_back(x.arg(a));
      }
    }
  }
  for (const auto& [id, i] : background_) {
    if (!nonempty(i)) usable_ = false;  // an unsatisfiable background: let Z3 say so
  }
}

bool BoundsCheck::certainly_satisfiable(const std::vector<z3::expr>& terms) const {
  if (!usable_) return false;
  Intervals query;
  for (const z3::expr& t : terms) {
    if (!add(t, true, query, &opaque_)) return false;
  }
  for (auto& [id, i] : query) {
    if (const auto bg = background_.find(id); bg != background_.end()) {
      if (bg->second.truth && i.truth && *bg->second.truth != *i.truth) return false;
      if (bg->second.low) raise_low(i, *bg->second.low);
      if (bg->second.high) lower_high(i, *bg->second.high);
    }
    if (!nonempty(i)) return false;
  }
  return true;
}

}  // namespace zhunru::auditing
