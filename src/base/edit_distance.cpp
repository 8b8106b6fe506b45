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

bool near_miss(std::string_view written, std::string_view intended) {
  const std::u32string w = utf8::decode(written);
  const std::size_t d = edit_distance(w, utf8::decode(intended));
  return d > 0 && d <= (w.size() <= 3 ? 1U : 2U);
}

std::optional<std::size_t> closest_near_miss(std::string_view written, const std::vector<std::string_view>& candidates) {
  std::optional<std::size_t> best;
  std::size_t best_distance = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!near_miss(written, candidates[i])) continue;
    const std::size_t d = edit_distance(written, candidates[i]);
    if (!best || d < best_distance) {
      best = i;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace zhunru
