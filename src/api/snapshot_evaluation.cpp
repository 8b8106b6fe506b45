#include "api/snapshot_evaluation.hpp"

#include "base/side_by_side.hpp"
#include "compile/verify_program.hpp"

namespace zhunru::snapshot {
template <> struct EnumCount<ir::Op> { static constexpr unsigned value = 13; };
template <> struct EnumCount<ir::NumOp> { static constexpr unsigned value = 8; };
}  // namespace zhunru::snapshot

// Each struct's members, listed once for writing and reading (found by ADL).
namespace zhunru::ir {

void fields(auto& io, Is<Node> auto& n) { io(n.op, n.cmp, n.a, n.b, n.mask); }
void fields(auto& io, Is<NumNode> auto& n) { io(n.op, n.a, n.b, n.value); }
void fields(auto& io, Is<Rule> auto& r) {
  io(r.subject, r.where, r.unless, r.requirement, r.spatial_at, r.spatial_count, r.units_at, r.units_count, r.from_day,
     r.until_day, r.class_mask, r.has_units);
}
void fields(auto& io, Is<Program> auto& p) {
  io(p.nodes, p.nums, p.children, p.string_sets, p.value_sets, p.kinds, p.scope_tests, p.scope_units);
  // slot_count is the model's fact count, set on adopting.
}
void fields(auto& io, Is<RuleIndex::Filed> auto& f) { io(f.code, f.rule); }
void fields(auto& io, Is<RuleIndex::Buckets> auto& b) {
  io(b.all, b.all_at, b.any, b.any_at, b.filed, b.filed_at, b.codes);
}

}  // namespace zhunru::ir

namespace zhunru::snapshot {

void write_evaluation(Writer& out, const Ruleset::Data& data) {
  out(data.program, data.rules, data.index.buckets(), data.rule_order());
}

StoredEvaluation read_evaluation(Reader& in) {
  StoredEvaluation s;
  in(s.program, s.rules, s.index, s.order);
  return s;
}

void adopt_evaluation(Ruleset::Data& data, StoredEvaluation stored) {
  const model::Model& m = data.model;
  stored.program.slot_count = m.facts.size();
  const ir::ProgramShape shape{m.facts.size(), m.kinds.size(), m.layers.size(), m.geometries.size(), m.rules.size()};
  // Three independent checks, side by side; each writes only its own result.
  std::optional<std::string> program_damage;
  std::optional<std::string> index_damage;
  bool in_order = false;
  side_by_side([&] { program_damage = ir::damaged(stored.program, stored.rules, shape); },
               [&] {
                 index_damage = ir::RuleIndex::damaged(stored.index, m.tiers.size(), m.rules.size());
                 if (!index_damage) data.index = ir::RuleIndex(m, std::move(stored.index));
               },
               [&] { in_order = data.index_names(stored.order); });
  if (program_damage) throw Damaged("the snapshot's program: " + *program_damage);
  if (index_damage) throw Damaged(*index_damage);
  if (!in_order) throw Damaged("the snapshot's rules are not in order of their ids");
  data.program = std::move(stored.program);
  data.rules = std::move(stored.rules);
}

}  // namespace zhunru::snapshot
