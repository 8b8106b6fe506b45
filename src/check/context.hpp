// State shared by the checker's passes: the model under construction, the
// symbol tables, and one diagnostic sink per file.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/check.hpp"
#include "diagnostics/sink.hpp"
#include "format/printer.hpp"
#include "model/condition_depth.hpp"
#include "model/model.hpp"
#include "model/node_identity.hpp"

namespace zhunru::check {

/// What a name in a condition or subject refers to.
struct Symbol {
  enum class Kind { fact, kind, layer, geometry, table } kind;
  std::uint32_t index;
};

/// An adjective of a subject: a kind, or a value of an enumerated fact.
struct Adjective {
  std::optional<model::KindId> kind;
  std::optional<model::FactId> fact;
  std::uint32_t value = 0;
};

class Context {
 public:
  Context(const std::vector<ParsedFile>& files, const CheckOptions& options);

  model::Model model;
  model::ConditionDepth depth{model};                      // of conditions built so far
  bool kinds_too_deep = false;  // a kind was reported too deep: rules testing it are not measured again
  std::unordered_map<std::string, Symbol> symbols;         // facts, kinds and layers share one namespace
  std::unordered_map<std::string, std::vector<Adjective>> adjectives;
  // Labels written as names (`设计产能 > 10 t/a` for `capacity`): each label
  // no name takes, with what it labels — several when it is ambiguous
  // (check/labels_as_names.cpp).
  std::unordered_map<std::string, std::vector<Symbol>> labels;
  std::unordered_map<std::string, Span> declared_at;       // where each name was first declared
  // By KindId, each definition of the kind: one, or several each with its
  // period (`kind two-high effective 2021-05-30 = …`).
  struct KindDefinition {
    const ast::File* file;
    const ast::KindDecl* decl;
  };
  std::vector<std::vector<KindDefinition>> kind_definitions;
  // `enumeration NAME = {…}`: the values of each (a namespace of its own: types, not conditions).
  std::unordered_map<std::string, std::vector<model::EnumValue>> enumerations;
  // By TableId, the values of each table's column (check/tables.hpp); empty
  // for a table that could not be read.
  std::vector<std::vector<std::string>> table_values;
  // By TableId, a table of numbers' rows: each key and its number in the
  // canonical unit of `dimension`, sorted by key. `numeric` is false for a
  // table of values only; `rows` is empty for one that could not be read.
  struct TableNumbers {
    bool numeric = false;
    Dimension dimension;
    std::vector<std::pair<std::string, double>> rows;
  };
  std::vector<TableNumbers> table_numbers;
  struct TableDefinition {
    const ast::File* file;
    const ast::TableDecl* decl;
  };
  std::vector<TableDefinition> table_definitions;  // by TableId
  // By the TableId a name declares first, the tables of each of its dated
  // versions (`table T … effective D1 until D2;` declared again for another
  // period), that one included; absent for a table of one version.
  std::unordered_map<model::TableId, std::vector<model::TableId>> table_versions;
  std::vector<TableFile> table_files;   // read, for the content hash
  /// `lit` in the ruleset's units (model.unit_set). A literal whose unit is
  /// not built in (ast::QuantityLit::pending) is read now; when it cannot
  /// be, the error is reported once and the result has no number_text, as a
  /// literal the parser could not read.
  Quantity quantity(const ast::QuantityLit& lit);
  /// The unit of `quantity UNIT` or a table's numbers, read the same way.
  Unit unit(const Unit& as_written, const Span& span, bool pending);
  // Shown instead of names in the Chinese texts of English-keyword rules (check/display_names.cpp).
  format::Printer::DisplayNames display_zh;
  const CheckOptions& options;

  DiagnosticSink& sink(FileId file);
  [[nodiscard]] SourceLocation locate(const Span& span) const;
  /// The text `span` covers, when it lies on one line ("" otherwise).
  [[nodiscard]] std::string_view written(const Span& span) const;
  /// Where a rule spans: its file numbered in model.files (added when new).
  model::RuleSource rule_source(const Span& span);
  Diagnostic& error(std::string code, const Span& span, LocalizedText message, LocalizedText help = {});
  Diagnostic& warning(std::string code, const Span& span, LocalizedText message, LocalizedText help = {});
  void note(Diagnostic& on, const Span& span, LocalizedText message);
  [[nodiscard]] std::vector<Diagnostic> take_diagnostics();

  /// The id of `node`: an existing node that means the same, or `node` added.
  model::CondId add(model::CondNode node);
  /// The fact's value is one of `values` or under one; for a set fact
  /// (`set of`), one of its values is.
  model::CondId values_test(model::FactId fact, std::vector<std::uint32_t> values);
  /// False, after reporting `check.too-deep` at `span`, when `root` nests deeper
  /// than later stages may walk (model::kMaxConditionDepth). Call only once every
  /// kind `root` tests has its condition. Once a kind was too deep, true: each
  /// rule testing it would only repeat that error.
  bool shallow_enough(model::CondId root, const Span& span);
  model::NumId add(model::NumNode node);

  /// The declared name of what `s` refers to.
  [[nodiscard]] const std::string& name_of(const Symbol& s) const;
  /// What `name` names: a declared name, else a label only one thing has.
  [[nodiscard]] std::optional<Symbol> lookup(const std::string& name) const;
  /// "did you mean `x`?" among every declared name, or empty help.
  [[nodiscard]] LocalizedText suggest(const std::string& name) const;

 private:
  /// Whether a diagnostic at `span` may only echo a syntax error (ParsedFile::syntax_error_lines).
  [[nodiscard]] bool echoes_syntax_error(const Span& span) const;

  std::map<FileId, DiagnosticSink> sinks_;
  std::set<std::tuple<FileId, std::uint32_t, std::uint32_t>> unread_units_;  // reported once, by where they begin
  std::vector<std::string_view> unread_;   // the lines of syntax errors, in every file that has some
  Diagnostic unreported_;                  // what error() returns for a diagnostic not reported
  std::map<FileId, const SourceFile*> sources_;
  std::unordered_map<std::string, std::uint32_t> file_numbers_;  // model.files, by path
  // One node per meaning (model/node_identity.hpp): values are ids into model.conds / model.nums.
  std::unordered_map<model::CondNode, model::CondId, model::NodeIdentity, model::NodeIdentity> cond_ids_;
  std::unordered_map<model::NumNode, model::NumId, model::NodeIdentity, model::NodeIdentity> num_ids_;
};

/// "a fact", "a layer"… for messages about a name used where it does not fit.
inline LocalizedText what_it_is(const Symbol& s) {
  switch (s.kind) {
    case Symbol::Kind::fact: return {"fact", "事实"};
    case Symbol::Kind::kind: return {"kind", "类别"};
    case Symbol::Kind::layer: return {"layer", "图层"};
    case Symbol::Kind::geometry: return {"geometry", "几何"};
    case Symbol::Kind::table: return {"table", "名录"};
  }
  return {};
}

/// A name quoted in an English message (`name`) and in a Chinese one (“name”).
inline std::string q(const std::string& s) { return "`" + s + "`"; }
inline std::string qz(const std::string& s) { return "“" + s + "”"; }

}  // namespace zhunru::check
