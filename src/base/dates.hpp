// Calendar dates as zhunru reads and writes them: ISO 8601 `YYYY-MM-DD`,
// and days since 1970-01-01 for comparing them as numbers.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhunru {

/// `2024-07-01`.
std::string iso_date(const std::chrono::year_month_day& date);

/// Reads exactly `YYYY-MM-DD` (ten characters, digits and two dashes) naming
/// a day that exists; nullopt otherwise (`2024-02-30`, `2024-1.-05`, `+024-01-01`).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

/// Days since 1970-01-01 (negative before).
std::int32_t days_since_epoch(const std::chrono::year_month_day& date);

}  // namespace zhunru
