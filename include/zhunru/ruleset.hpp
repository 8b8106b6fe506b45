// Compiling a ruleset: .rules sources in, an immutable compiled ruleset and
// diagnostics out.
//
//   auto compiled = zhunru::compile_directory("rules/chongqing");
//   if (!compiled.ok()) { std::cerr << compiled.render(zhunru::Lang::zh); return 1; }
//   std::shared_ptr<const zhunru::Ruleset> rules = compiled.ruleset;
//
// Bad rules never throw: every problem is a Diagnostic. A compiled Ruleset is
// immutable; any number of threads may evaluate projects against it at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/diagnostic.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru {

class SourceSet;  // the loaded source files, kept to quote lines in messages

// What a compiled ruleset declares, for forms, schemas, maps and bindings
// (docs/embedding.md). Copies: they outlive nothing and change nothing.

/// One fact a project may state, as the ruleset declares it.
struct FactInfo {
  std::string name;        // "capacity"
  std::string label;       // "设计产能"
  std::string type;        // "bool", "number", "quantity", "one of", "industry", "text", "date", "set of", "amounts"
  std::string unit;        // for quantities: the declared unit, e.g. "t/a"
  std::vector<std::string> values;        // for "one of" and "set of": value names; for "amounts": its set fact's
  std::vector<std::string> value_labels;  // parallel to values: "新建"; "" when none
  std::vector<std::string> value_parents; // parallel to values: the value each is a kind of ("new" for "relocation"); "" when none
  std::string per;                        // for "amounts": the set fact it gives a number for each value of ("products")
};

/// A named class of projects (`kind chemical "化工项目" = …`).
struct KindInfo {
  std::string name;
  std::string label;
};

/// A map layer rules may name (`layer river "长江干流" from "…"`).
struct LayerInfo {
  std::string name;
  std::string label;
  std::string path;            // as the ruleset writes it; empty for an intersection
  std::size_t features = 0;
  std::vector<std::string> of; // `layer X = A and B`: the layers it is where they meet; `= A where …`: A
  std::string where;           // `= A where …`: the test of A's features' properties, as written in English keywords
  std::vector<std::string> by_facts;  // the facts `where` compares properties with: the layer is picked per project
};

/// A geometry a project gives beside its site (`geometry outfall "排污口";`).
struct GeometryInfo {
  std::string name;
  std::string label;
};

/// A unit of measure the ruleset declares (`unit 重量箱 "weight box" = 50 kg;`):
/// facts and rules may be written in it, and so may a project's values.
struct UnitOfMeasureInfo {
  std::string name;             // "重量箱"
  std::string label;            // "weight box"
  std::string definition;       // as declared: "50 kg", "1 a / 300"
  double canonical = 1.0;       // one of it in `canonical_unit`: 0.05
  std::string canonical_unit;   // "t" (Dimension::canonical_unit)
};

/// A reference table the ruleset ships (`table hazardous "危险化学品目录" from
/// "tables/hc.csv" column "CAS号";`), which rules look facts up in.
struct TableInfo {
  std::string name;
  std::string label;
  std::string path;            // as the ruleset writes it; empty for a filtered table
  std::string column;          // the column looked up
  std::string of;              // `= T where …`: T
  std::string where;           // its test, as written in English keywords
  std::size_t values = 0;      // distinct values in the column (after the test)
  std::optional<std::chrono::year_month_day> effective_from;
  std::optional<std::chrono::year_month_day> effective_until;
  std::string number_column;   // a table of numbers: the column of each value's number ("" otherwise)
  std::string number_unit;     // its unit as written ("" for plain numbers)
};

/// A tier of the list: the city, a district, a unit.
struct TierInfo {
  TierLevel level = TierLevel::city;
  std::string code;            // 510000, 500000, 500103, ZH50010320001; "" for the nation
  std::string name;
  std::string parent;          // the code of the tier it refines; "" for the top (and for the nation)
  std::optional<TierLevel> parent_level;   // that tier's level; none for the top
  std::size_t rules = 0;
};

/// A rule, with its parts as the rule author wrote them (in the file's own keywords).
struct RuleInfo {
  std::string id;
  TierLevel tier = TierLevel::city;
  std::string tier_code;
  ControlDimension dimension = ControlDimension::spatial_layout;
  RuleForm form = RuleForm::ban;
  std::string subject;         // "new chemical projects"; "" for every project
  std::string scope;           // "in priority units"
  std::string where;
  std::string unless;
  std::string requirement;     // require/limit: what must hold
  std::string because;
  std::vector<std::string> cites;
  std::vector<std::string> quotes;
  std::vector<std::string> layers;  // the layers its spatial scope names (`within 1 km of yangtze`), each once
  double weight = 1.0;
  std::string source;          // file:line
};

/// A name the ruleset declares and where (for editors: hover, completion,
/// go to definition in `zhunru lsp`).
struct Declaration {
  std::string name;          // "capacity", "chemical", "new", "CQ-SL-01"
  std::string label;         // "设计产能"; "" when none
  std::string what;          // "fact", "value", "kind", "layer", "geometry", "table", "unit of measure", "rule"
  std::string detail;        // fact: its type and unit ("quantity t/a"); value: its fact; rule: its form and cites
  SourceLocation location;   // where it is declared (a value: its fact's declaration)
};

class Ruleset {
 public:
  struct Data;  // the checked model and the compiled IR (private)
  explicit Ruleset(std::unique_ptr<const Data> data);
  ~Ruleset();
  Ruleset(const Ruleset&) = delete;
  Ruleset& operator=(const Ruleset&) = delete;

  [[nodiscard]] const std::string& title() const;
  [[nodiscard]] const std::string& version() const;
  /// "sha256:…" over every .rules file and every map it loads (path relative
  /// to the ruleset, and bytes).
  [[nodiscard]] const std::string& hash() const;
  [[nodiscard]] std::optional<std::chrono::year_month_day> effective_from() const;
  [[nodiscard]] std::optional<std::chrono::year_month_day> effective_until() const;
  [[nodiscard]] std::size_t rule_count() const;
  [[nodiscard]] std::vector<FactInfo> facts() const;
  [[nodiscard]] std::vector<KindInfo> kinds() const;
  [[nodiscard]] std::vector<LayerInfo> layers() const;
  [[nodiscard]] std::vector<GeometryInfo> geometries() const;
  [[nodiscard]] std::vector<TableInfo> tables() const;
  [[nodiscard]] std::vector<UnitOfMeasureInfo> units_of_measure() const;
  [[nodiscard]] std::vector<TierInfo> tiers() const;
  [[nodiscard]] std::vector<RuleInfo> rules() const;
  /// The rule with this id, if any (by an index built at compile time).
  [[nodiscard]] std::optional<RuleInfo> rule(std::string_view id) const;
  /// Every name declared — facts, their values, kinds, layers, geometries,
  /// tables, units of measure, rules — with where it is declared.
  [[nodiscard]] std::vector<Declaration> declarations() const;
  /// Units in the ruleset's unit map (0 when it declares none).
  [[nodiscard]] std::size_t map_unit_count() const;

  [[nodiscard]] const Data& data() const { return *data_; }

 private:
  std::unique_ptr<const Data> data_;
};

/// The ruleset described as one compact JSON document ending in a newline:
/// `title`, `version`, `hash`, `effective_from`/`effective_until`, `rules`
/// and `units` (counts), `facts` (with value labels), `kinds`, `layers`,
/// `tiers`, and with `with_rules` the list `rule_list`, each rule as
/// `applies` lists it (what `GET /v1/ruleset` answers, docs/service.md).
std::string describe_json(const Ruleset& ruleset, bool with_rules = true);

/// A source held in memory: a .rules file, or a map (.geojson/.json) that a
/// `units from`/`layer … from` path names. `path` names it in messages and
/// in the content hash; map paths resolve against these paths.
struct SourceText {
  std::string path;
  std::string text;
};

struct CompileOptions {
  bool strict = false;             // require an explicit id on every rule
  std::size_t max_errors = 50;     // per file
  bool repair_maps = false;        // make invalid map features valid, as if every map said `repair`
  bool lint_maps = false;          // also report overlapping units (slower on large maps; `zhunru check` does)
  /// compile_directory: texts read instead of the .rules files at these
  /// paths (an editor's unsaved buffers; `zhunru lsp`). Paths compare as
  /// given, lexically normalised: name them as the directory walk does.
  std::vector<SourceText> unsaved;
};

struct CompileResult {
  std::shared_ptr<const Ruleset> ruleset;       // null when there are errors
  std::vector<Diagnostic> diagnostics;          // errors and warnings, sorted by file and line
  std::shared_ptr<const SourceSet> sources;     // for render()
  std::size_t file_count = 0;
  std::size_t rule_count = 0;                   // rules read, including any that failed to check

  [[nodiscard]] bool ok() const { return ruleset != nullptr; }
  /// Every diagnostic as `file:line:col: error: …` with the source line and a caret.
  [[nodiscard]] std::string render(Lang lang) const;
  /// `{"ok", "files", "rules", "errors", "warnings", "diagnostics": [{"code",
  /// "severity", "file", "line", "column", "end_line", "end_column",
  /// "message": {"en", "zh"}, "help": {"en", "zh"} | null, "notes": […]}]}`.
  [[nodiscard]] std::string to_json() const;
};

/// Compiles every `.rules` file under `directory` (or the one file named),
/// loading the maps they declare from files under `directory`.
CompileResult compile_directory(const std::filesystem::path& directory, const CompileOptions& options = {});
/// Compiles sources held in memory, as one ruleset; maps come only from
/// `sources`, never from disk.
CompileResult compile_sources(const std::vector<SourceText>& sources, const CompileOptions& options = {});

}  // namespace zhunru
