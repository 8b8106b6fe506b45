// Pass 2: kinds. Each kind's condition is typed; a kind that uses itself,
// directly or through others, is refused (its meaning would be undefined).
#include <algorithm>

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

}  // namespace

void check_kinds(Context& ctx, const std::vector<ParsedFile>& files) {
  std::vector<bool> typed(ctx.model.kinds.size(), false);
  std::vector<Span> spans(ctx.model.kinds.size());
  for (const ParsedFile& f : files) {
    ConditionChecker checker(ctx, *f.file);
    for (const ast::Item& item : f.file->items) {
      const auto* decl = std::get_if<ast::KindDecl>(&item);
      if (!decl) continue;
      const auto symbol = ctx.lookup(decl->name.text);
      if (!symbol || symbol->kind != Symbol::Kind::kind || ctx.declared_at.at(decl->name.text) != decl->name.span) {
        continue;  // a duplicate, reported already
      }
      spans[symbol->index] = decl->name.span;
      if (const auto c = checker.condition(decl->condition)) {
        ctx.model.kinds[symbol->index].condition = *c;
        typed[symbol->index] = true;
      }
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
