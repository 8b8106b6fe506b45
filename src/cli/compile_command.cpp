// `zhunru compile RULESET -o FILE.zr`: compiles once and saves a snapshot
// that `eval`, `screen`, `applies` and `schema` accept in place of the
// directory (docs/screening.md#snapshots).
#include <chrono>
#include <fmt/format.h>
#include <ostream>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/snapshot.hpp"

namespace zhunru::cli {

int run_compile(const CompileCliOptions& options, std::ostream& out, std::ostream& err) {
  const LoadedRuleset loaded = load_ruleset(options.ruleset, options.repair_maps, "compile", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;
  const auto saved = save_snapshot(*loaded.ruleset, options.output);
  if (!saved) {
    err << "zhunru compile: " << saved.error().message.in(options.lang) << '\n';
    return kBadInput;
  }
  const Ruleset& rs = *loaded.ruleset;
  out << (options.lang == Lang::zh
              ? fmt::format("已写出 {}：{} {}，{} 条规则，{} 个单元（{}）\n", options.output, rs.title(), rs.version(),
                            rs.rule_count(), rs.map_unit_count(), rs.hash())
              : fmt::format("wrote {}: {} {}, {} rules, {} units ({})\n", options.output, rs.title(), rs.version(),
                            rs.rule_count(), rs.map_unit_count(), rs.hash()));
  return kSuccess;
}

}  // namespace zhunru::cli
