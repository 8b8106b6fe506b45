// Edit distance over code points (one Chinese character is one edit), with
// a swap of neighbours as one edit (`bna` → `ban`): for "did you mean".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhunru {

std::size_t edit_distance(std::u32string_view a, std::u32string_view b);
std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8);

/// edit_distance(a, b) when it is at most `k`, else nothing — decided from
/// the lengths alone when they differ by more than `k`, so that a huge
/// input (a name or unit from a hostile file) never builds the
/// length × length table.
std::optional<std::size_t> edit_distance_within(std::u32string_view a, std::u32string_view b, std::size_t k);

/// True when `written` is a plausible misspelling of `intended`: different,
/// and at most one edit away (two for words longer than three characters).
bool near_miss(std::string_view written, std::string_view intended);

/// The index of the candidate `written` most plausibly misspells (the
/// nearest near miss, the first of equals), if any.
std::optional<std::size_t> closest_near_miss(std::string_view written, const std::vector<std::string_view>& candidates);

}  // namespace zhunru
