#include "audit/encoder.hpp"

#include "audit/z3_terms.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <set>

#include "base/dates.hpp"
#include "model/industry_classification.hpp"

namespace zhunru::auditing {
namespace {

/// Whether layer `part` lies within layer `whole`: the same layer, or one
/// that is (through `=`) an intersection taking `whole` as an operand.
bool lies_within(const model::Model& m, model::LayerId part, model::LayerId whole) {
  if (part == whole) return true;
  if (part >= m.layers.size() || m.layers[part].of.empty()) return false;  // a map layer: nothing below it
  std::vector<model::LayerId> todo{part};
  std::vector<bool> seen(m.layers.size(), false);  // a forged snapshot may hold a cycle
  while (!todo.empty()) {
    const model::LayerId l = todo.back();
    todo.pop_back();
    if (l == whole) return true;
    if (l >= m.layers.size() || seen[l]) continue;
    seen[l] = true;
    todo.insert(todo.end(), m.layers[l].of.begin(), m.layers[l].of.end());
  }
  return false;
}

/// Whether spatial atom `a` holding makes `b` hold, for every site (both of
/// inside, within, overlaps). Overlapping touches, and touching is within
/// any distance; a larger least share or area implies a smaller one. Within
/// and overlapping hold of a layer as soon as they hold of a part of it (`a`'s
/// layer an intersection or a filter of `b`'s) — but not `inside`: the
/// vertices an intersection computes may lie a rounding outside its
/// operands, and a site drawn on them would prove the claim false.
bool implies(const model::Model& m, const model::SiteSpatial& a, const model::SiteSpatial& b) {
  using Op = ast::SpatialOp;
  using By = model::OverlapMeasure;
  if (a.geometry != b.geometry || !lies_within(m, a.layer, b.layer)) return false;
  if (b.op == Op::within) return a.op == Op::inside || a.op == Op::overlaps || (a.op == Op::within && a.amount <= b.amount);
  if (a.op != Op::overlaps || b.op != Op::overlaps) return false;
  return b.by == By::any || (a.by == b.by && a.amount >= b.amount);
}

bool has_values(const model::Fact& f) {
  return f.kind == model::FactKind::enumeration || f.kind == model::FactKind::enum_set;
}

}  // namespace

Domains Domains::of(const std::vector<const model::Model*>& models) {
  Domains d;
  std::set<std::string> mentioned;
  for (const model::Model* m : models) {
    for (const model::CondNode& c : m->conds) {
      if (const auto* in = std::get_if<model::IndustryIn>(&c)) mentioned.insert(in->codes.begin(), in->codes.end());
      if (const auto* in = std::get_if<model::TextIn>(&c)) {
        auto& list = d.texts[m->facts[in->fact].name];
        for (const std::string& v : in->values) {
          if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
        }
      }
    }
  }
  for (auto& [fact, list] : d.texts) list.push_back("（审计生成：其他取值）");
  // An enumeration's values, in the order of the first model declaring it,
  // that every model declaring it as an enumeration has: a project giving
  // another value is refused by some version. (A fact one version lacks is
  // left out of the witness; the diff's check of it says so.)
  const auto enumeration_in = [](const model::Model& m, const std::string& name) -> const model::Fact* {
    const auto it = std::find_if(m.facts.begin(), m.facts.end(), [&](const model::Fact& g) { return g.name == name; });
    return it != m.facts.end() && has_values(*it) ? &*it : nullptr;
  };
  for (const model::Model* first : models) {
    for (const model::Fact& f : first->facts) {
      if (!has_values(f) || d.enums.count(f.name)) continue;
      std::vector<std::string> common;
      for (const model::EnumValue& v : f.values) {
        const bool everywhere = std::all_of(models.begin(), models.end(), [&](const model::Model* m) {
          const model::Fact* other = enumeration_in(*m, f.name);
          return !other || std::any_of(other->values.begin(), other->values.end(),
                                       [&](const model::EnumValue& w) { return w.name == v.name; });
        });
        if (everywhere) common.push_back(v.name);
      }
      d.enums.emplace(f.name, std::move(common));
    }
  }
  // One cell per distinct answer the rules can give: GB/T 4754 classes
  // (4-digit codes, what a real project has) grouped by which mentioned
  // codes cover them, each cell named by its first class. Every cell is a
  // real code, and the evaluator judges a class exactly as Z3 does (a
  // coarse project code can be unknown; docs/audit.md).
  const std::vector<std::string> codes(mentioned.begin(), mentioned.end());
  std::set<std::vector<bool>> seen;
  for (const model::IndustryEntry& e : model::IndustryClassification::gbt4754_2017().under("")) {
    if (e.level != 4) continue;
    std::vector<bool> covered(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) covered[i] = e.code.starts_with(codes[i]);
    if (seen.insert(std::move(covered)).second) d.industry_cells.emplace_back(e.code);
  }
  return d;
}

Encoder::Encoder(z3::context& ctx, const model::Model& model, std::int32_t as_of_day, std::shared_ptr<const Domains> domains)
    : ctx_(ctx), m_(model), as_of_day_(as_of_day),
      domains_(domains ? std::move(domains) : std::make_shared<const Domains>(Domains::of({&model}))),
      conds_(model.conds.size()), nums_(model.nums.size()) {}

z3::expr Encoder::cond(model::CondId id) {
  if (!conds_[id]) conds_[id] = encode_cond(id);
  return *conds_[id];
}

z3::expr Encoder::num(model::NumId id) {
  if (!nums_[id]) nums_[id] = encode_num(id);
  return *nums_[id];
}

// Where value `value` of enumeration `f` lies in the shared domain; none
// when some version lacks it.
std::optional<int> Encoder::enum_index(const model::Fact& f, std::uint32_t value) const {
  const auto& list = domains_->enums.at(f.name);
  const auto at = std::find(list.begin(), list.end(), f.values[value].name);
  if (at == list.end()) return std::nullopt;
  return static_cast<int>(at - list.begin());
}

z3::expr Encoder::var(model::FactId fact) {
  if (const auto it = vars_.find(fact); it != vars_.end()) return it->second;
  const model::Fact& f = m_.facts[fact];
  // Named by kind and dimension as well: a fact whose type changed between
  // two versions is two variables, not one read two ways.
  const std::string name = fmt::format("fact:{}:{}:{}", f.name, static_cast<int>(f.kind), f.unit.dimension.canonical_unit());
  z3::expr v = ctx_.bool_val(false);
  switch (f.kind) {
    case model::FactKind::boolean: v = ctx_.bool_const(name.c_str()); break;
    case model::FactKind::number:
    case model::FactKind::quantity: v = ctx_.real_const(name.c_str()); break;
    case model::FactKind::date:  // whole days
    case model::FactKind::enumeration:
    case model::FactKind::industry:
    case model::FactKind::text: v = ctx_.int_const(name.c_str()); break;
    case model::FactKind::enum_set:
    case model::FactKind::amounts: break;  // no one variable: items_, amounts_
  }
  vars_.emplace(fact, v);
  return v;
}

bool Encoder::any_in_force(const model::Fact& f) const {
  return std::any_of(f.values.begin(), f.values.end(), [&](const model::EnumValue& v) { return v.in_force_on(as_of_day_); });
}

z3::expr_vector Encoder::background() {
  z3::expr_vector out(ctx_);
  for (const auto& [fact, v] : vars_) {
    const model::Fact& f = m_.facts[fact];
    std::size_t n = 0;
    if (f.kind == model::FactKind::enumeration) n = domains_->enums.at(f.name).size();
    if (f.kind == model::FactKind::industry) n = domains_->industry_cells.size();
    if (f.kind == model::FactKind::text) n = domains_->texts.count(f.name) ? domains_->texts.at(f.name).size() : 1;
    if (n > 0) {
      out.push_back(v >= 0);
      out.push_back(v < static_cast<int>(n));
    }
    // A project file cannot give a negative quantity (project.negative-quantity).
    if (f.kind == model::FactKind::quantity) out.push_back(v >= 0);
    // Nor a value of a dated enumeration out of force (eval.value-not-in-force).
    // With none in force the project can only leave the fact out; excluding
    // every value would make nothing satisfiable, so nothing is excluded.
    if (f.kind == model::FactKind::enumeration && any_in_force(f)) {
      for (std::uint32_t i = 0; i < f.values.size(); ++i) {
        if (f.values[i].in_force_on(as_of_day_)) continue;
        if (const auto at = enum_index(f, i)) out.push_back(v != *at);
      }
    }
  }
  for (const auto& [fact, items] : items_) {
    const model::Fact& f = m_.facts[fact];
    const auto& domain = domains_->enums.at(f.name);
    for (const auto& [at, has] : items) {
      if (!any_in_force(f)) break;
      const auto value = f.find_value(domain[static_cast<std::size_t>(at)]);
      if (value && !f.values[*value].in_force_on(as_of_day_)) out.push_back(!has);
    }
  }
  for (const auto& [fact, amounts] : amounts_) {
    if (m_.facts[fact].unit.text.empty()) continue;  // `number per`: any number
    for (const auto& [at, v] : amounts) out.push_back(v >= 0);
  }
  for (const auto& [ka, a] : atoms_) {
    for (const auto& [kb, b] : atoms_) {
      if (ka != kb && implies(m_, a.first, b.first)) out.push_back(z3::implies(a.second, b.second));
    }
  }
  return out;
}

z3::expr Encoder::encode_num(model::NumId id) {
  return std::visit(
      [&](const auto& n) -> z3::expr {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, model::NumConst>) {
          return ctx_.real_val(fmt::format("{:.17g}", n.value).c_str());
        } else if constexpr (std::is_same_v<T, model::NumFact>) {
          const z3::expr v = var(n.fact);
          if (m_.facts[n.fact].kind == model::FactKind::boolean) return z3::ite(v, ctx_.real_val(1), ctx_.real_val(0));
          if (m_.facts[n.fact].kind == model::FactKind::date) return z3::to_real(v);
          return v;
        } else if constexpr (std::is_same_v<T, model::NumNeg>) {
          return -num(n.operand);
        } else if constexpr (std::is_same_v<T, model::NumItem>) {
          return amount(n);
        } else {
          const z3::expr l = num(n.lhs);
          const z3::expr r = num(n.rhs);
          switch (n.op) {
            case model::ArithOp::add: return l + r;
            case model::ArithOp::sub: return l - r;
            case model::ArithOp::mul: return l * r;
            case model::ArithOp::div: return l / r;
          }
          return l;
        }
      },
      m_.num(id));
}

z3::expr Encoder::industry_in(const model::IndustryIn& in) {
  std::vector<int> members;
  const auto& cells = domains_->industry_cells;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string& cell = cells[i];
    const bool member = std::any_of(in.codes.begin(), in.codes.end(), [&](const std::string& c) {
      return in.exact ? cell == c : cell.starts_with(c);
    });
    if (member) members.push_back(static_cast<int>(i));
  }
  return one_of_values(var(in.fact), std::move(members));
}

z3::expr Encoder::text_in(const model::TextIn& in) {
  const z3::expr v = var(in.fact);
  std::vector<int> members;
  const auto texts = domains_->texts.find(m_.facts[in.fact].name);
  if (texts == domains_->texts.end()) return ctx_.bool_val(false);
  const auto& list = texts->second;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (std::find(in.values.begin(), in.values.end(), list[i]) != in.values.end()) members.push_back(static_cast<int>(i));
  }
  return one_of_values(v, std::move(members));
}

z3::expr Encoder::enum_has(const model::EnumHas& has) {
  const model::Fact& f = m_.facts[has.fact];
  items_[has.fact];  // made even when no value is tested: the witness then gives []
  std::vector<z3::expr> any;
  for (std::uint32_t value : has.values) {
    if (const auto at = enum_index(f, value)) any.push_back(item(has.fact, *at, value));
  }
  return any_of(ctx_, any);
}

z3::expr Encoder::item(model::FactId fact, int at, std::uint32_t value) {
  auto& items = items_[fact];
  auto it = items.find(at);
  if (it == items.end()) {
    const model::Fact& f = m_.facts[fact];
    const std::string name = fmt::format("fact:{}:{}:has:{}", f.name, static_cast<int>(f.kind), f.values[value].name);
    it = items.emplace(at, ctx_.bool_const(name.c_str())).first;
  }
  return it->second;
}

z3::expr Encoder::amount(const model::NumItem& n) {
  const model::Fact& f = m_.facts[n.fact];
  const model::Fact& set = m_.facts[*f.per];
  const auto at = enum_index(set, n.value);
  // A value some version lacks: no project of every version has it, so its amount is free.
  const int key = at ? *at : -1 - static_cast<int>(n.value);
  auto& amounts = amounts_[n.fact];
  auto it = amounts.find(key);
  if (it == amounts.end()) {
    const std::string name = fmt::format("fact:{}:{}:{}:amount:{}", f.name, static_cast<int>(f.kind),
                                         f.unit.dimension.canonical_unit(), set.values[n.value].name);
    it = amounts.emplace(key, ctx_.real_const(name.c_str())).first;
  }
  return it->second;
}

z3::expr Encoder::spatial(const model::SiteSpatial& s) {
  const auto [atom, negated] = model::positive_form(s);
  const auto key =
      std::make_tuple(static_cast<int>(atom.op), static_cast<int>(atom.by), atom.layer, atom.amount, atom.geometry);
  auto it = atoms_.find(key);
  if (it == atoms_.end()) {
    const std::string of = atom.geometry == model::kSite ? "site" : m_.geometries[atom.geometry - 1].name;
    const std::string name = fmt::format("{}:{}:{}:{}:{}", of, std::get<0>(key), std::get<1>(key), m_.layers[s.layer].name,
                                         atom.amount);
    it = atoms_.emplace(key, std::make_pair(atom, ctx_.bool_const(name.c_str()))).first;
  }
  return negated ? !it->second.second : it->second.second;
}

z3::expr Encoder::encode_cond(model::CondId id) {
  return std::visit(
      [&](const auto& c) -> z3::expr {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, model::BoolConst>) {
          return ctx_.bool_val(c.value);
        } else if constexpr (std::is_same_v<T, model::BoolFact>) {
          return var(c.fact);
        } else if constexpr (std::is_same_v<T, model::Compare>) {
          const z3::expr l = num(c.lhs);
          const z3::expr r = num(c.rhs);
          switch (c.op) {
            case ast::CompareOp::eq: return l == r;
            case ast::CompareOp::ne: return l != r;
            case ast::CompareOp::lt: return l < r;
            case ast::CompareOp::le: return l <= r;
            case ast::CompareOp::gt: return l > r;
            case ast::CompareOp::ge: return l >= r;
          }
          return ctx_.bool_val(false);
        } else if constexpr (std::is_same_v<T, model::EnumIn>) {
          std::vector<int> members;
          for (std::uint32_t value : c.values) {
            if (const auto at = enum_index(m_.facts[c.fact], value)) members.push_back(*at);
          }
          return one_of_values(var(c.fact), std::move(members));
        } else if constexpr (std::is_same_v<T, model::IndustryIn>) {
          return industry_in(c);
        } else if constexpr (std::is_same_v<T, model::TextIn>) {
          return text_in(c);
        } else if constexpr (std::is_same_v<T, model::EnumHas>) {
          return enum_has(c);
        } else if constexpr (std::is_same_v<T, model::Not>) {
          return !cond(c.operand);
        } else if constexpr (std::is_same_v<T, model::All>) {
          std::vector<z3::expr> all;
          for (model::CondId o : c.operands) all.push_back(cond(o));
          return all_of(ctx_, all);
        } else if constexpr (std::is_same_v<T, model::Any>) {
          std::vector<z3::expr> any;
          for (model::CondId o : c.operands) any.push_back(cond(o));
          return any_of(ctx_, any);
        } else if constexpr (std::is_same_v<T, model::IsKind>) {
          return cond(m_.kinds[c.kind].condition);  // the checker refuses cycles
        } else if constexpr (std::is_same_v<T, model::AsOfIn>) {
          return ctx_.bool_val(as_of_day_ >= c.from_day && as_of_day_ <= c.until_day);  // the audit's date
        } else {
          return spatial(c);
        }
      },
      m_.cond(id));
}

std::vector<Encoder::SpatialValue> Encoder::spatial_values(const z3::model& m) const {
  std::vector<SpatialValue> out;
  for (const auto& [key, atom] : atoms_) out.push_back({atom.first, m.eval(atom.second, true).is_true()});
  return out;
}

std::vector<std::pair<model::SiteSpatial, z3::expr>> Encoder::spatial_atoms() const {
  std::vector<std::pair<model::SiteSpatial, z3::expr>> out;
  for (const auto& [key, atom] : atoms_) out.push_back(atom);
  return out;
}

std::vector<std::pair<std::string, std::string>> Encoder::facts(const z3::model& m) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [fact, v] : vars_) {
    const model::Fact& f = m_.facts[fact];
    const z3::expr value = m.eval(v, true);
    std::string json;
    switch (f.kind) {
      case model::FactKind::boolean: json = value.is_true() ? "true" : "false"; break;
      case model::FactKind::enumeration:
        json = "\"" + domains_->enums.at(f.name)[static_cast<std::size_t>(value.get_numeral_int())] + "\"";
        break;
      case model::FactKind::industry:
        json = "\"" + domains_->industry_cells[static_cast<std::size_t>(value.get_numeral_int())] + "\"";
        break;
      case model::FactKind::text:
      {
        const auto texts = domains_->texts.find(f.name);
        const auto i = static_cast<std::size_t>(value.get_numeral_int());
        json = nlohmann::json(texts != domains_->texts.end() && i < texts->second.size() ? texts->second[i] : "（审计生成：其他取值）").dump();
        break;
      }
      case model::FactKind::enum_set:
      case model::FactKind::amounts: continue;  // below
      case model::FactKind::number:
      case model::FactKind::quantity:
      case model::FactKind::date: {
        if (!value.is_numeral()) throw z3::exception("a witness value is not a number");
        const double x = Z3_get_numeral_double(ctx_, value);
        if (f.kind == model::FactKind::date) {
          const auto day = std::chrono::sys_days(std::chrono::days(static_cast<int>(x)));
          json = "\"" + iso_date(std::chrono::year_month_day(day)) + "\"";
        } else {
          const double in_declared = f.kind == model::FactKind::quantity ? x / f.unit.factor : x;
          json = fmt::format("{:.15g}", in_declared);
        }
        break;
      }
    }
    out.emplace_back(f.name, json);
  }
  for (const auto& [fact, items] : items_) {
    // The values the model has; those no rule tests are left out (none of them).
    const auto& domain = domains_->enums.at(m_.facts[fact].name);
    nlohmann::json values = nlohmann::json::array();
    for (const auto& [at, has] : items) {
      if (m.eval(has, true).is_true()) values.push_back(domain[static_cast<std::size_t>(at)]);
    }
    out.emplace_back(m_.facts[fact].name, values.dump());
  }
  for (const auto& [fact, amounts] : amounts_) {
    // The amounts of the values the set has (a project gives no other).
    const model::Fact& f = m_.facts[fact];
    const auto& domain = domains_->enums.at(m_.facts[*f.per].name);
    const auto set = items_.find(*f.per);
    nlohmann::ordered_json each = nlohmann::ordered_json::object();
    for (const auto& [at, v] : amounts) {
      if (at < 0 || set == items_.end()) continue;
      const auto has = set->second.find(at);
      if (has == set->second.end() || !m.eval(has->second, true).is_true()) continue;
      const z3::expr x = m.eval(v, true);
      if (!x.is_numeral()) throw z3::exception("a witness value is not a number");
      each[domain[static_cast<std::size_t>(at)]] = Z3_get_numeral_double(ctx_, x) / f.unit.factor;
    }
    out.emplace_back(f.name, each.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace zhunru::auditing
