#include "cli/command_inputs.hpp"

#include "base/dates.hpp"
#include "base/file_io.hpp"

namespace zhunru::cli {

Expected<std::optional<std::chrono::year_month_day>, LocalizedText> parse_as_of(const std::optional<std::string>& text) {
  using R = Expected<std::optional<std::chrono::year_month_day>, LocalizedText>;
  if (!text) return std::optional<std::chrono::year_month_day>();
  const auto date = parse_iso_date(*text);
  if (!date) {
    return R::failure({"--as-of must be a date such as 2025-01-01; found `" + *text + "`",
                       "--as-of 应为日期，如 2025-01-01；此处为“" + *text + "”"});
  }
  return std::optional(*date);
}

std::optional<LocalizedText> unreadable_ruleset(const std::string& path) {
  if (const auto files = find_rule_files(path); !files) return files.error();
  return std::nullopt;
}

}  // namespace zhunru::cli
