#include "check/context.hpp"

#include <algorithm>

#include "base/edit_distance.hpp"
#include "base/utf8.hpp"
#include "quantity/unit_later.hpp"

namespace zhunru::check {

Context::Context(const std::vector<ParsedFile>& files, const CheckOptions& opts) : options(opts) {
  for (const ParsedFile& f : files) {
    sources_.emplace(f.source->id(), f.source);
    for (const std::uint32_t line : f.syntax_error_lines) {
      if (line >= 1 && line <= f.source->line_count()) unread_.push_back(f.source->line(line));
    }
  }
}

bool Context::echoes_syntax_error(const Span& span) const {
  if (unread_.empty()) return false;
  // A diagnostic about one name (`x` is not declared, `x` is not a fact…)
  // whose name is on a line the parser could not read: x may be declared there.
  const std::string_view name = written(span);
  const bool one_word = !name.empty() && name.find_first_of(" \t") == std::string_view::npos;
  // Past this many broken lines the ruleset is too broken to tell: every such
  // diagnostic waits for the syntax to be fixed (and no search grows with it).
  constexpr std::size_t kSearchedLines = 1000;
  if (!one_word || unread_.size() > kSearchedLines) return one_word;
  return std::any_of(unread_.begin(), unread_.end(),
                     [&](std::string_view line) { return line.find(name) != std::string_view::npos; });
}

namespace {

// Where in `span` the error at `column` (code points into the text `span`
// covers) lies: from there to the end, as the parser points.
Span from_column(const Span& span, std::size_t column, bool exact) {
  Span at = span;
  if (exact && span.begin.line == span.end.line) at.begin.column += static_cast<std::uint32_t>(column);
  if (at.begin.column >= at.end.column) at.begin = span.begin;
  return at;
}

}  // namespace

Quantity Context::quantity(const ast::QuantityLit& lit) {
  if (!lit.pending) return lit.quantity;
  const Quantity& q = lit.quantity;
  const std::string_view source = written(lit.span);  // as written, so the error points into it
  const auto read = parse_quantity(source.empty() ? zhunru::quantity::pending_text(q) : std::string(source), model.unit_set);
  if (read) return *read;
  if (unread_units_.emplace(lit.span.file, lit.span.begin.line, lit.span.begin.column).second) {
    error("syntax.quantity", from_column(lit.span, read.error().column, !source.empty()), read.error().message);
  }
  return Quantity{};
}

Unit Context::unit(const Unit& as_written, const Span& span, bool pending) {
  if (!pending) return as_written;
  const auto read = parse_unit(as_written.text, model.unit_set);
  if (read) return *read;
  if (unread_units_.emplace(span.file, span.begin.line, span.begin.column).second) {
    error("syntax.unit", from_column(span, read.error().column, written(span) == as_written.text), read.error().message);
  }
  return as_written;
}

DiagnosticSink& Context::sink(FileId file) {
  auto it = sinks_.find(file);
  if (it == sinks_.end()) it = sinks_.emplace(file, DiagnosticSink(*sources_.at(file), options.max_errors)).first;
  return it->second;
}

std::string_view Context::written(const Span& span) const {
  const auto it = sources_.find(span.file);
  if (it == sources_.end() || span.begin.line != span.end.line || span.end.column <= span.begin.column) return {};
  const std::string_view line = it->second->line(span.begin.line);
  const std::size_t from = utf8::offset_of(line, span.begin.column - 1);
  const std::size_t to = utf8::offset_of(line, span.end.column - 1);
  if (from >= to || to > line.size()) return {};
  return line.substr(from, to - from);
}

SourceLocation Context::locate(const Span& span) const {
  const auto it = sources_.find(span.file);
  return it == sources_.end() ? SourceLocation{} : it->second->locate(span);
}

model::RuleSource Context::rule_source(const Span& span) {
  SourceLocation at = locate(span);
  const auto [it, added] = file_numbers_.try_emplace(at.file, static_cast<std::uint32_t>(model.files.size()));
  if (added) model.files.push_back(std::move(at.file));
  return {it->second, at.line, at.column, at.end_line, at.end_column};
}

Diagnostic& Context::error(std::string code, const Span& span, LocalizedText message, LocalizedText help) {
  if (echoes_syntax_error(span)) return unreported_ = Diagnostic{};
  return sink(span.file).error(std::move(code), span, std::move(message), std::move(help));
}

Diagnostic& Context::warning(std::string code, const Span& span, LocalizedText message, LocalizedText help) {
  if (echoes_syntax_error(span)) return unreported_ = Diagnostic{};
  return sink(span.file).warning(std::move(code), span, std::move(message), std::move(help));
}

void Context::note(Diagnostic& on, const Span& span, LocalizedText message) {
  on.notes.push_back({locate(span), std::move(message)});
}

std::vector<Diagnostic> Context::take_diagnostics() {
  std::vector<Diagnostic> all;
  for (auto& [file, sink] : sinks_) {
    for (Diagnostic& d : sink.take()) all.push_back(std::move(d));
  }
  return all;
}

model::CondId Context::add(model::CondNode node) {
  const auto [it, added] = cond_ids_.try_emplace(std::move(node), static_cast<model::CondId>(model.conds.size()));
  if (added) model.conds.push_back(it->first);
  return it->second;
}

model::CondId Context::values_test(model::FactId fact, std::vector<std::uint32_t> values) {
  const model::Fact& f = model.facts[fact];
  if (f.kind == model::FactKind::enum_set) return add(model::EnumHas{fact, f.with_values_under(std::move(values))});
  return add(model::EnumIn{fact, f.with_values_under(std::move(values))});
}

bool Context::shallow_enough(model::CondId root, const Span& span) {
  if (kinds_too_deep) return true;  // the compile fails already; each rule testing the kind would repeat it
  const auto d = depth.of(root);
  if (!d || *d <= model::kMaxConditionDepth) return true;  // a loop among kinds is reported on its own
  const std::string limit = std::to_string(model::kMaxConditionDepth);
  error("check.too-deep", span,
        {"this condition nests " + std::to_string(*d) + " deep, counting each step of a chain of arithmetic and "
             "the kinds it tests; zhunru allows " + limit,
         "此条件嵌套 " + std::to_string(*d) + " 层（算术链的每一步和所引用类别的条件都计入），上限为 " + limit + " 层"},
        {"declare a long sum as a fact of its own, or write a kind's condition out instead of building kinds on kinds",
         "请把过长的求和声明为单独的事实，或直接写出类别的条件，不要层层引用类别"});
  return false;
}

model::NumId Context::add(model::NumNode node) {
  const auto [it, added] = num_ids_.try_emplace(node, static_cast<model::NumId>(model.nums.size()));
  if (added) model.nums.push_back(node);
  return it->second;
}

std::optional<Symbol> Context::lookup(const std::string& name) const {
  if (const auto it = symbols.find(name); it != symbols.end()) return it->second;
  if (const auto it = labels.find(name); it != labels.end() && it->second.size() == 1) return it->second.front();
  return std::nullopt;
}

LocalizedText Context::suggest(const std::string& name) const {
  if (const auto it = labels.find(name); it != labels.end() && it->second.size() > 1) {
    std::vector<std::string> named;
    for (const Symbol& s : it->second) named.push_back(name_of(s));
    std::sort(named.begin(), named.end());
    std::string en, zh;
    for (const std::string& n : named) {
      en += (en.empty() ? "" : ", ") + q(n);
      zh += (zh.empty() ? "" : "、") + qz(n);
    }
    return {q(name) + " is the label of " + en + ": write the name", qz(name) + " 是 " + zh + " 共用的标签：请写名称"};
  }
  std::vector<std::string> names;
  for (const auto& [n, symbol] : symbols) names.push_back(n);
  for (const auto& [label, named] : labels) names.push_back(label);  // 设计产了 → 设计产能
  std::sort(names.begin(), names.end());
  const std::vector<std::string_view> views(names.begin(), names.end());
  const auto best = closest_near_miss(name, views);
  if (!best) return {};
  return {"did you mean " + q(names[*best]) + "?", "是否应为" + qz(names[*best]) + "？"};
}

const std::string& Context::name_of(const Symbol& s) const {
  switch (s.kind) {
    case Symbol::Kind::fact: return model.facts[s.index].name;
    case Symbol::Kind::kind: return model.kinds[s.index].name;
    case Symbol::Kind::layer: return model.layers[s.index].name;
    case Symbol::Kind::geometry: return model.geometries[s.index].name;
    case Symbol::Kind::table: break;
  }
  return model.tables[s.index].name;
}

}  // namespace zhunru::check
