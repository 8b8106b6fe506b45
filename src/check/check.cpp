#include "check/check.hpp"

#include <algorithm>

#include "check/passes.hpp"

namespace zhunru::check {

CheckResult check(const std::vector<ParsedFile>& files, const CheckOptions& options) {
  Context ctx(files, options);
  declare(ctx, files);
  check_kinds(ctx);
  collect_display_names(ctx);
  const auto block_tiers = link_tiers(ctx, files);
  resolve_restatements(ctx, check_rules(ctx, files, block_tiers));
  CheckResult result;
  result.diagnostics = ctx.take_diagnostics();
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  result.model = std::move(ctx.model);
  result.tables = std::move(ctx.table_files);
  return result;
}

}  // namespace zhunru::check
