// Pass 2: kinds. Each kind's condition is typed; a kind that uses itself,
// directly or through others, is refused (its meaning would be undefined).
#include <algorithm>
#include <functional>

#include "check/conditions.hpp"
#include "check/passes.hpp"

namespace zhunru::check {
namespace {

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
  // Depth-first search for cycles; each cycle is reported once, at its first kind.
  enum class Mark { none, active, done };
  std::vector<Mark> mark(ctx.model.kinds.size(), Mark::none);
  std::vector<model::KindId> path;
  std::function<void(model::KindId)> visit = [&](model::KindId k) {
    if (mark[k] == Mark::done) return;
    if (mark[k] == Mark::active) {
      const auto start = std::find(path.begin(), path.end(), k);
      std::string cycle;
      for (auto it = start; it != path.end(); ++it) cycle += ctx.model.kinds[*it].name + " → ";
      cycle += ctx.model.kinds[k].name;
      ctx.error("check.kind-cycle", spans[k],
                {"kind " + q(ctx.model.kinds[k].name) + " is defined in terms of itself: " + cycle,
                 "类别" + qz(ctx.model.kinds[k].name) + "的定义引用了自身：" + cycle});
      return;
    }
    if (!typed[k]) {
      mark[k] = Mark::done;
      return;
    }
    mark[k] = Mark::active;
    path.push_back(k);
    std::vector<model::KindId> used;
    kinds_used(ctx.model, ctx.model.kinds[k].condition, used);
    for (model::KindId u : used) visit(u);
    path.pop_back();
    mark[k] = Mark::done;
  };
  for (model::KindId k = 0; k < ctx.model.kinds.size(); ++k) visit(k);
}

}  // namespace zhunru::check
