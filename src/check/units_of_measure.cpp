// `unit NAME ["LABEL"] = AMOUNT [/ N];`: the ruleset's own units of measure
// (重量箱 for flat glass, 蒸吨 for boilers, an operating day). They are read
// before any fact, table or rule, which may be written in them in any file. A
// unit may be defined by another declared unit, in any order: declarations
// are read in rounds, each reading those whose units are known by then.
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/passes.hpp"
#include "format/printer.hpp"
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

bool is_built_in(const std::string& name) {
  if (quantity::find_atomic_unit(name)) return true;
  for (const quantity::Multiplier& m : quantity::multipliers()) {
    if (m.symbol == name) return true;
  }
  return false;
}

// One declaration read with the units known so far. An error marked
// unknown_unit may name a declared unit not read yet.
Expected<UnitDefinition, QuantityError> read_definition(const ast::UnitDecl& d, const UnitSet& known) {
  using Result = Expected<UnitDefinition, QuantityError>;
  Quantity amount = d.amount.quantity;
  if (d.amount.pending) {
    auto read = parse_quantity(amount.number_text + amount.multiplier + " " + amount.unit.text, known);
    if (!read) return Result::failure(read.error());
    amount = *read;
  }
  double factor = amount.value;
  if (d.divisor) factor /= d.divisor->quantity.value;
  return UnitDefinition{d.name.text, factor, amount.dimension()};
}

class UnitReader {
 public:
  explicit UnitReader(Context& ctx) : ctx_(ctx) {}

  void read(std::vector<const ast::UnitDecl*> decls) {
    std::vector<const ast::UnitDecl*> todo = named_well(decls);
    while (!todo.empty()) {
      std::vector<const ast::UnitDecl*> later;
      std::vector<QuantityError> why_later;
      const std::size_t known_before = known_.size();
      for (const ast::UnitDecl* d : todo) {
        if (!readable(*d)) continue;
        auto def = read_definition(*d, ctx_.model.unit_set);
        if (def) accept(*d, std::move(*def));
        else if (def.error().unknown_unit) {
          later.push_back(d);
          why_later.push_back(def.error());
        } else {
          ctx_.error("syntax.quantity", d->amount.span, def.error().message);
        }
      }
      if (known_.size() == known_before) {
        for (std::size_t i = 0; i < later.size(); ++i) report_unread(*later[i], why_later[i], later);
        return;
      }
      auto set = UnitSet::with(known_);
      if (!set) {  // named_well and accept refused what with() refuses; kept as a guard
        ctx_.error("check.unit-value", later.empty() ? todo.front()->span : later.front()->span, set.error());
        return;
      }
      ctx_.model.unit_set = std::move(*set);
      todo = std::move(later);
    }
  }

 private:
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
      if (is_built_in(name)) {
        ctx_.error("check.unit-taken", d->name.span,
                   {q(name) + " is a built-in unit or multiplier; a declared unit needs a name of its own",
                    qz(name) + " 是内置单位或倍数词；声明的计量单位须另取名称"},
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

  void accept(const ast::UnitDecl& d, UnitDefinition def) {
    if (d.divisor && d.divisor->quantity.value == 0.0) {
      ctx_.error("check.divide-by-zero", d.divisor->span, {"division by zero", "除数为零"});
      return;
    }
    if (!(def.factor > 0.0) || !std::isfinite(def.factor)) {
      ctx_.error("check.unit-value", d.amount.span,
                 {"a unit must be worth a positive amount: " + q(d.name.text) + " = " + written(d),
                  "计量单位的换算值须为正数：" + qz(d.name.text) + " = " + written(d)});
      return;
    }
    ctx_.model.units_of_measure.push_back(
        {def, d.label ? d.label->value : "", written(d), ctx_.locate(d.span)});
    known_.push_back(std::move(def));
  }

  // Never read: its unit is unknown, or it is defined through itself.
  void report_unread(const ast::UnitDecl& d, const QuantityError& why, const std::vector<const ast::UnitDecl*>& stuck) {
    const std::string& unit_text = d.amount.quantity.unit.text;
    for (const ast::UnitDecl* other : stuck) {
      if (unit_text.find(other->name.text) == std::string::npos) continue;
      ctx_.error("check.unit-cycle", d.amount.span,
                 {"the unit " + q(d.name.text) + " is defined through " + q(other->name.text) +
                      ", which is defined through it in turn",
                  "计量单位" + qz(d.name.text) + "由" + qz(other->name.text) + "定义，而后者又由它定义"},
                 {"define one of them by built-in units", "请用内置单位定义其中之一"});
      return;
    }
    ctx_.error("syntax.quantity", d.amount.span, why.message);
  }

  Context& ctx_;
  std::vector<UnitDefinition> known_;
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
