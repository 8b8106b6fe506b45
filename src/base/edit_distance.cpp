#include "base/edit_distance.hpp"

#include <algorithm>
#include <vector>

#include "base/utf8.hpp"

namespace zhunru {

// Optimal string alignment: Levenshtein plus adjacent transpositions.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(a.size(), b.size());
}

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
  return edit_distance(utf8::decode(a_utf8), utf8::decode(b_utf8));
}

std::optional<std::size_t> edit_distance_within(std::u32string_view a, std::u32string_view b, std::size_t k) {
  // Each edit changes the length by at most one: a longer gap needs no table.
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > k) return std::nullopt;
  const std::size_t d = edit_distance(a, b);
  if (d > k) return std::nullopt;
  return d;
}

namespace {

/// The distance from `written` to `intended` when it is a near miss.
std::optional<std::size_t> near_miss_distance(std::u32string_view written, std::u32string_view intended) {
  const auto d = edit_distance_within(written, intended, written.size() <= 3 ? 1U : 2U);
  if (!d || *d == 0) return std::nullopt;
  return d;
}

}  // namespace

bool near_miss(std::string_view written, std::string_view intended) {
  return near_miss_distance(utf8::decode(written), utf8::decode(intended)).has_value();
}

std::optional<std::size_t> closest_near_miss(std::string_view written, const std::vector<std::string_view>& candidates) {
  std::vector<std::u32string> decoded;
  decoded.reserve(candidates.size());
  std::size_t longest = 0;
  for (const std::string_view c : candidates) {
    decoded.push_back(utf8::decode(c));
    longest = std::max(longest, decoded.back().size());
  }
  // A name longer than every candidate by more than two is no near miss of
  // any: said without decoding it (it may be a 64 MB member name). Counting
  // lead bytes never overcounts what decoding gives.
  if (utf8::length(written) > longest + 2) return std::nullopt;
  const std::u32string w = utf8::decode(written);
  std::optional<std::size_t> best;
  std::size_t best_distance = 0;
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const auto d = near_miss_distance(w, decoded[i]);
    if (d && (!best || *d < best_distance)) {
      best = i;
      best_distance = *d;
    }
  }
  return best;
}

}  // namespace zhunru
