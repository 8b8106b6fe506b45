// Pass 2: kinds. Each kind's condition is typed; a kind that uses itself,
// directly or through others, is refused (its meaning would be undefined). A
// kind defined anew for periods holds by the definition in effect at the
// as-of date (none in effect: it does not hold).
#include <algorithm>
#include <limits>

#include "base/dates.hpp"

#include "check/conditions.hpp"
#include "check/depth_first.hpp"
#include "check/passes.hpp"

namespace zhunru::check {
namespace {

constexpr std::size_t kMaxKindDepth = 64;

/// The kinds a condition uses directly.
void kinds_used(const model::Model& m, model::CondId id, std::vector<model::KindId>& out) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, model::IsKind>) out.push_back(node.kind);
        if constexpr (std::is_same_v<T, model::Not>) kinds_used(m, node.operand, out);
        if constexpr (std::is_same_v<T, model::All> || std::is_same_v<T, model::Any>) {
          for (model::CondId c : node.operands) kinds_used(m, c, out);
        }
      },
      m.cond(id));
}

/// A kind's condition: its one definition, or each definition with its period
/// (`kind K effective D1 until D2 = …`), the periods apart from one another.
std::optional<model::CondId> definition(Context& ctx, const std::vector<Context::KindDefinition>& definitions) {
  const auto& first = definitions.front();
  if (!first.decl->effective) return ConditionChecker(ctx, *first.file).condition(first.decl->condition);
  std::vector<const Context::KindDefinition*> by_start;
  for (const auto& d : definitions) by_start.push_back(&d);
  std::stable_sort(by_start.begin(), by_start.end(), [](const auto* a, const auto* b) {
    return a->decl->effective->from.date < b->decl->effective->from.date;
  });
  std::vector<model::CondId> periods;
  bool ok = true;
  for (std::size_t i = 0; i < by_start.size(); ++i) {
    const ast::Effectivity& e = *by_start[i]->decl->effective;
    const std::int32_t from = days_since_epoch(e.from.date);
    const std::int32_t until = e.until ? days_since_epoch(e.until->date) : std::numeric_limits<std::int32_t>::max();
    if (i + 1 < by_start.size()) {
      const ast::Effectivity& next = *by_start[i + 1]->decl->effective;
      if (days_since_epoch(next.from.date) <= until) {
        Diagnostic& d = ctx.error("check.kind-periods", next.span,
                                  {"kind " + q(first.decl->name.text) + " has two definitions in effect on " +
                                       iso_date(next.from.date) + ": give each its own period",
                                   "类别" + qz(first.decl->name.text) + "在 " + iso_date(next.from.date) +
                                       " 有两个生效的定义：请为每个定义给出各自的时段"});
        ctx.note(d, e.span, {"the other definition's period", "另一个定义的时段"});
        ok = false;
      }
    }
    const auto c = ConditionChecker(ctx, *by_start[i]->file).condition(by_start[i]->decl->condition);
    if (!c) {
      ok = false;
      continue;
    }
    periods.push_back(ctx.add(model::All{{ctx.add(model::AsOfIn{from, until}), *c}}));
  }
  if (!ok) return std::nullopt;
  return periods.size() == 1 ? periods.front() : ctx.add(model::Any{std::move(periods)});
}

}  // namespace

void check_kinds(Context& ctx) {
  std::vector<bool> typed(ctx.model.kinds.size(), false);
  std::vector<Span> spans(ctx.model.kinds.size());
  for (model::KindId k = 0; k < ctx.model.kinds.size(); ++k) {
    spans[k] = ctx.kind_definitions[k].front().decl->name.span;
    if (const auto c = definition(ctx, ctx.kind_definitions[k])) {
      ctx.model.kinds[k].condition = *c;
      typed[k] = true;
    }
  }
  // Depth-first search, iterative so that no ruleset can exhaust the stack:
  // refuses cycles (each once, at the kind that closes it) and chains of
  // kinds deeper than kMaxKindDepth (which later stages walk recursively).
  const std::size_t n = ctx.model.kinds.size();
  std::vector<std::vector<model::KindId>> uses(n);
  for (model::KindId k = 0; k < n; ++k) {
    if (typed[k]) kinds_used(ctx.model, ctx.model.kinds[k].condition, uses[k]);
  }
  std::vector<std::size_t> depth(n, 1);
  std::vector<bool> too_deep(n, false);
  const auto cycle_at = [&](const std::vector<std::pair<model::KindId, std::size_t>>& path, model::KindId u) {
    std::string cycle;
    bool in_cycle = false;
    for (const auto& step : path) {
      in_cycle = in_cycle || step.first == u;
      if (in_cycle) cycle += ctx.model.kinds[step.first].name + " → ";
    }
    cycle += ctx.model.kinds[u].name;
    ctx.error("check.kind-cycle", spans[u],
              {"kind " + q(ctx.model.kinds[u].name) + " is defined in terms of itself: " + cycle,
               "类别" + qz(ctx.model.kinds[u].name) + "的定义引用了自身：" + cycle});
  };
  const auto finish = [&](model::KindId k) {
    for (model::KindId u : uses[k]) depth[k] = std::max(depth[k], depth[u] + 1);
    if (depth[k] == kMaxKindDepth + 1) {
      ctx.error("check.kind-depth", spans[k],
                {"kind " + q(ctx.model.kinds[k].name) + " is built on a chain of more than " +
                     std::to_string(kMaxKindDepth) + " kinds",
                 "类别" + qz(ctx.model.kinds[k].name) + "所依赖的类别链超过 " + std::to_string(kMaxKindDepth) + " 层"},
                {"flatten the chain: a kind may name its industries directly",
                 "请缩短依赖链：类别可以直接列出行业代码"});
    }
    // Too deep as a condition (every kind is typed, so depth through `is`
    // tests is known): reported once, at the kind that first passes the limit.
    bool inherited = depth[k] > kMaxKindDepth;  // reported as check.kind-depth
    for (model::KindId u : uses[k]) inherited = inherited || too_deep[u];
    too_deep[k] = inherited || (typed[k] && !ctx.shallow_enough(ctx.model.kinds[k].condition, spans[k]));
  };
  depth_first<model::KindId>(n, [&](model::KindId k) -> const std::vector<model::KindId>& { return uses[k]; }, cycle_at,
                             finish);
  ctx.kinds_too_deep = std::find(too_deep.begin(), too_deep.end(), true) != too_deep.end();
}

}  // namespace zhunru::check
