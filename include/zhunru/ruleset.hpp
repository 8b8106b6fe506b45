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

namespace zhunru {

class SourceSet;  // the loaded source files, kept to quote lines in messages

/// One fact a project may state, as the ruleset declares it.
struct FactInfo {
  std::string name;        // "capacity"
  std::string label;       // "设计产能"
  std::string type;        // "bool", "number", "quantity", "one of", "industry", "text", "date"
  std::string unit;        // for quantities: the declared unit, e.g. "t/a"
  std::vector<std::string> values;  // for "one of": value names
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
  /// Units in the ruleset's unit map (0 when it declares none).
  [[nodiscard]] std::size_t map_unit_count() const;

  [[nodiscard]] const Data& data() const { return *data_; }

 private:
  std::unique_ptr<const Data> data_;
};

struct CompileOptions {
  bool strict = false;             // require an explicit id on every rule
  std::size_t max_errors = 50;     // per file
  bool repair_maps = false;        // make invalid map features valid, as if every map said `repair`
  bool lint_maps = false;          // also report overlapping units (slower on large maps; `zhunru check` does)
};

/// A source held in memory: a .rules file, or a map (.geojson/.json) that a
/// `units from`/`layer … from` path names. `path` names it in messages and
/// in the content hash; map paths resolve against these paths.
struct SourceText {
  std::string path;
  std::string text;
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
};

/// Compiles every `.rules` file under `directory` (or the one file named),
/// loading the maps they declare from files under `directory`.
CompileResult compile_directory(const std::filesystem::path& directory, const CompileOptions& options = {});
/// Compiles sources held in memory, as one ruleset; maps come only from
/// `sources`, never from disk.
CompileResult compile_sources(const std::vector<SourceText>& sources, const CompileOptions& options = {});

}  // namespace zhunru
