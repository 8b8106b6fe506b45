// `unit NAME ["LABEL"] = AMOUNT [/ N];`: the ruleset's own units of measure
// (重量箱 for flat glass, 蒸吨 for boilers, an operating day). They are read
// before any fact, table or rule, which may be written in them in any file. A
// unit may be defined by another declared unit, in any order: declarations
// are read in rounds, each reading those whose units are known by then.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/passes.hpp"
#include "format/printer.hpp"
#include "quantity/unit_later.hpp"
#include "quantity/unit_registry.hpp"

namespace zhunru::check {
namespace {

// Each round rebuilds the parser's tables; the cap bounds that work.
constexpr std::size_t kMaxUnits = 1000;

std::string written(const ast::UnitDecl& d) {
  std::string out = format::Printer::quantity(d.amount.quantity);
  if (d.divisor) out += " / " + d.divisor->quantity.number_text;
  return out;
}

// One declaration read with the units known so far. An error marked
// unknown_unit may name a declared unit not read yet.
Expected<UnitDefinition, QuantityError> read_definition(const ast::UnitDecl& d, const UnitSet& known) {
  using Result = Expected<UnitDefinition, QuantityError>;
  Quantity amount = d.amount.quantity;
  if (d.amount.pending) {
    auto read = parse_quantity(quantity::pending_text(amount), known);
    if (!read) return Result::failure(read.error());
    amount = *read;
  }
  double factor = amount.value;
  if (d.divisor) factor /= d.divisor->quantity.value;
  return UnitDefinition{d.name.text, factor, amount.dimension()};
}

// The declared units a declaration's amount is written in: each term of
// its unit (`kgce/重量箱`), with or without a leading multiplier (`万重量箱`).
std::vector<std::size_t> units_used(const ast::UnitDecl& d, const std::unordered_map<std::string, std::size_t>& declared) {
  std::vector<std::size_t> out;
  if (!d.amount.pending) return out;  // built-in units only
  const std::string& text = d.amount.quantity.unit.text;
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t slash = std::min(text.find('/', from), text.size());
    std::string term = text.substr(from, slash - from);
    while (!term.empty() && term.back() == ' ') term.pop_back();
    while (!term.empty() && term.front() == ' ') term.erase(0, 1);
    if (const auto it = declared.find(term); it != declared.end()) out.push_back(it->second);
    for (const quantity::Multiplier& m : quantity::multipliers()) {
      if (!term.starts_with(m.symbol)) continue;
      if (const auto it = declared.find(term.substr(m.symbol.size())); it != declared.end()) out.push_back(it->second);
    }
    from = slash + 1;
  }
  return out;
}

// Reads each declaration once, after the declared units it is written in
// (a depth-first order over "is written in"), with a parser of just those
// units; the ruleset's parser of them all is built once, at the end.
class UnitReader {
 public:
  explicit UnitReader(Context& ctx) : ctx_(ctx) {}

  void read(std::vector<const ast::UnitDecl*> decls) {
    decls_ = named_well(decls);
    for (std::size_t i = 0; i < decls_.size(); ++i) index_.emplace(decls_[i]->name.text, i);
    uses_.resize(decls_.size());
    for (std::size_t i = 0; i < decls_.size(); ++i) uses_[i] = units_used(*decls_[i], index_);
    state_.assign(decls_.size(), State::unvisited);
    definitions_.resize(decls_.size());
    for (std::size_t i = 0; i < decls_.size(); ++i) visit(i);
    if (auto set = UnitSet::with(known_)) ctx_.model.unit_set = std::move(*set);  // accept() refused what with() refuses
  }

 private:
  enum class State : std::uint8_t { unvisited, visiting, read, failed };

  // Depth-first: the units `i` is written in, then `i`. The chain is at most
  // kMaxUnits long, so the recursion is bounded.
  void visit(std::size_t i) {
    if (state_[i] != State::unvisited) return;
    state_[i] = State::visiting;
    for (const std::size_t used : uses_[i]) {
      if (state_[used] == State::visiting) {
        report_cycle(*decls_[i], *decls_[used]);
        state_[i] = State::failed;
        return;
      }
      visit(used);
      if (state_[used] == State::failed) {  // its error is reported; this one would only echo it
        state_[i] = State::failed;
        return;
      }
    }
    state_[i] = read_one(i) ? State::read : State::failed;
  }

  bool read_one(std::size_t i) {
    const ast::UnitDecl& d = *decls_[i];
    if (!readable(d)) return false;
    std::vector<UnitDefinition> used;
    for (const std::size_t u : uses_[i]) used.push_back(*definitions_[u]);
    auto def = read_definition(d, UnitSet::with(std::move(used)).value_or(UnitSet{}));
    if (!def) {  // read again with every unit read so far, for the "did you mean"
      const auto again = read_definition(d, UnitSet::with(known_).value_or(UnitSet{}));
      ctx_.error("syntax.quantity", d.amount.span, again ? def.error().message : again.error().message);
      return false;
    }
    if (!accept(d, *def)) return false;
    definitions_[i] = std::move(*def);
    return true;
  }

  // Drops (and reports) declarations whose name is built in or declared twice.
  std::vector<const ast::UnitDecl*> named_well(std::vector<const ast::UnitDecl*>& decls) {
    if (decls.size() > kMaxUnits) {
      ctx_.error("check.too-many-units", decls[kMaxUnits]->span,
                 {"a ruleset may declare at most " + std::to_string(kMaxUnits) + " units of measure",
                  "一个清单最多声明 " + std::to_string(kMaxUnits) + " 个计量单位"});
      decls.resize(kMaxUnits);
    }
    std::vector<const ast::UnitDecl*> out;
    std::unordered_map<std::string, const ast::UnitDecl*> seen;
    for (const ast::UnitDecl* d : decls) {
      const std::string& name = d->name.text;
      if (quantity::is_built_in_word(name)) {
        ctx_.error("check.unit-taken", d->name.span,
                   {q(name) + " is a built-in unit or multiplier, or is read as one (`万吨` is 万 × 吨); a declared unit "
                       "needs a name of its own",
                    qz(name) + " 是内置单位或倍数词，或会被读作内置单位（“万吨”即 万 × 吨）；声明的计量单位须另取名称"},
                   {"see docs/quantities.md for the built-in units", "内置单位见 docs/quantities.md"});
        continue;
      }
      if (const auto [it, fresh] = seen.emplace(name, d); !fresh) {
        Diagnostic& e = ctx_.error("check.duplicate-name", d->name.span,
                                   {"the unit " + q(name) + " is declared twice", "计量单位" + qz(name) + "重复声明"});
        ctx_.note(e, it->second->name.span, {"first declared here", "首次声明于此"});
        continue;
      }
      out.push_back(d);
    }
    return out;
  }

  // The parser could not read the amount or divisor: reported already.
  static bool readable(const ast::UnitDecl& d) {
    if (d.amount.quantity.number_text.empty()) return false;
    return !d.divisor || !d.divisor->quantity.number_text.empty();
  }

  bool accept(const ast::UnitDecl& d, UnitDefinition def) {
    if (d.divisor && d.divisor->quantity.value == 0.0) {
      ctx_.error("check.divide-by-zero", d.divisor->span, {"division by zero", "除数为零"});
      return false;
    }
    if (!(def.factor > 0.0) || !std::isfinite(def.factor)) {
      ctx_.error("check.unit-value", d.amount.span,
                 {"a unit must be worth a positive amount: " + q(d.name.text) + " = " + written(d),
                  "计量单位的换算值须为正数：" + qz(d.name.text) + " = " + written(d)});
      return false;
    }
    if (!quantity::exponents_within_limit(def.dimension)) {
      ctx_.error("check.unit-value", d.amount.span,
                 {"the dimension of " + q(d.name.text) + " has an exponent beyond " +
                      std::to_string(quantity::kMaxDeclaredExponent) + ": declare it in simpler units",
                  "计量单位" + qz(d.name.text) + "的量纲指数超过 " + std::to_string(quantity::kMaxDeclaredExponent) + "：请用更简单的单位声明"});
      return false;
    }
    ctx_.model.units_of_measure.push_back({def, d.label ? d.label->value : "", written(d), ctx_.locate(d.span)});
    known_.push_back(std::move(def));
    return true;
  }

  void report_cycle(const ast::UnitDecl& d, const ast::UnitDecl& through) {
    const bool itself = &d == &through;
    ctx_.error("check.unit-cycle", d.amount.span,
               itself ? LocalizedText{"the unit " + q(d.name.text) + " is defined through itself",
                                      "计量单位" + qz(d.name.text) + "由自身定义"}
                      : LocalizedText{"the unit " + q(d.name.text) + " is defined through " + q(through.name.text) +
                                          ", which is defined through it in turn",
                                      "计量单位" + qz(d.name.text) + "由" + qz(through.name.text) + "定义，而后者又由它定义"},
               {"define one of them by built-in units", "请用内置单位定义其中之一"});
  }

  Context& ctx_;
  std::vector<const ast::UnitDecl*> decls_;
  std::unordered_map<std::string, std::size_t> index_;  // decls_, by name
  std::vector<std::vector<std::size_t>> uses_;           // by declaration: the declared units it is written in
  std::vector<State> state_;
  std::vector<std::optional<UnitDefinition>> definitions_;  // by declaration, once read
  std::vector<UnitDefinition> known_;                       // read so far, in order
};

}  // namespace

void declare_units_of_measure(Context& ctx, const std::vector<ParsedFile>& files) {
  std::vector<const ast::UnitDecl*> decls;
  for (const ParsedFile& f : files) {
    for (const ast::Item& item : f.file->items) {
      if (const auto* u = std::get_if<ast::UnitDecl>(&item)) decls.push_back(u);
    }
  }
  if (!decls.empty()) UnitReader(ctx).read(std::move(decls));
}

}  // namespace zhunru::check
