// Calendar dates as zhunru reads and writes them (`--as-of`, `effective`
// dates, answers): ISO 8601 `YYYY-MM-DD`.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zhunru {

/// `2024-07-01`.
std::string iso_date(const std::chrono::year_month_day& date);

/// Reads exactly `YYYY-MM-DD` (ten characters, digits and two dashes) naming
/// a day that exists; nullopt otherwise (`2024-02-30`, `2024-1.-05`, `+024-01-01`).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

}  // namespace zhunru
