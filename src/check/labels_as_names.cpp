// Labels written as names (issue #17): a rule author who reads Chinese
// writes `当 设计产能 > 10 t/a` or `禁止 新建 化工 项目` with the labels the
// schema gives (`fact capacity : … "设计产能"`, `kind chemical "化工项目"`)
// instead of copying English identifiers out of schema.rules. A name always
// wins over a label; a label two things share names neither (the author is
// told to write the name).
#include "check/passes.hpp"

namespace zhunru::check {
namespace {

constexpr std::string_view kProjects = "项目";

void add_label(Context& ctx, const std::string& label, Symbol symbol) {
  if (label.empty() || ctx.symbols.count(label) > 0) return;
  auto& list = ctx.labels[label];
  for (const Symbol& s : list) {
    if (s.kind == symbol.kind && s.index == symbol.index) return;
  }
  list.push_back(symbol);
}

/// A kind's label as a word of a subject: `化工项目`, and `化工` as in
/// `新建 化工 项目` — unless the word already names something there.
void add_kind_words(Context& ctx, const std::string& label, model::KindId id) {
  std::vector<std::string> words{label};
  if (label.size() > kProjects.size() && std::string_view(label).ends_with(kProjects)) {
    words.push_back(label.substr(0, label.size() - kProjects.size()));
  }
  for (const std::string& word : words) {
    if (ctx.symbols.count(word) > 0 || ctx.adjectives.count(word) > 0) continue;
    ctx.adjectives[word].push_back({id, std::nullopt, 0});
  }
}

}  // namespace

void index_labels(Context& ctx) {
  const model::Model& m = ctx.model;
  for (std::uint32_t i = 0; i < m.facts.size(); ++i) add_label(ctx, m.facts[i].label, {Symbol::Kind::fact, i});
  for (std::uint32_t i = 0; i < m.kinds.size(); ++i) add_label(ctx, m.kinds[i].label, {Symbol::Kind::kind, i});
  for (std::uint32_t i = 0; i < m.layers.size(); ++i) add_label(ctx, m.layers[i].label, {Symbol::Kind::layer, i});
  for (std::uint32_t i = 0; i < m.geometries.size(); ++i) add_label(ctx, m.geometries[i].label, {Symbol::Kind::geometry, i});
  for (std::uint32_t i = 0; i < m.tables.size(); ++i) add_label(ctx, m.tables[i].label, {Symbol::Kind::table, i});
  for (model::KindId i = 0; i < m.kinds.size(); ++i) {
    if (!m.kinds[i].label.empty()) add_kind_words(ctx, m.kinds[i].label, i);
  }
}

}  // namespace zhunru::check
