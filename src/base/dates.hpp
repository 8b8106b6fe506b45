// Days since 1970-01-01, for comparing dates as numbers; reading and writing
// them is public (zhunru/dates.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "zhunru/dates.hpp"  // iso_date, parse_iso_date

namespace zhunru {

/// Days since 1970-01-01 (negative before).
std::int32_t days_since_epoch(const std::chrono::year_month_day& date);
/// The day `days` after 1970-01-01.
std::chrono::year_month_day date_from_days(std::int32_t days);

}  // namespace zhunru
