// The atomic units zhunru knows: symbol → factor to the canonical unit and
// dimension. Composite units ("t/a", "万吨/年") are built from these by the
// quantity parser; nothing here knows about "/" or multipliers in units.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/quantity.hpp"

namespace zhunru::quantity {

/// One unit that cannot be split further, e.g. "km" or "吨标准煤".
/// "千米" is not atomic: it is the multiplier 千 and the atom 米.
struct AtomicUnit {
  std::string_view symbol;  // UTF-8, exactly as written in rules
  double factor;            // canonical value = value × factor
  Dimension dimension;
};

/// A Chinese multiplier written after a number or before a unit.
struct Multiplier {
  std::string_view symbol;  // "万", "亿", "千"
  double factor;
};

/// Every atomic unit, grouped by dimension in a stable order.
const std::vector<AtomicUnit>& atomic_units();

/// The multipliers 万 (1e4), 亿 (1e8) and 千 (1e3).
const std::vector<Multiplier>& multipliers();

/// The atomic unit spelled exactly `symbol`, built in or among `declared`
/// (a ruleset's own units), or nullptr.
const AtomicUnit* find_atomic_unit(std::string_view symbol, std::span<const AtomicUnit> declared = {});

/// Known unit spellings close to `written`, for "did you mean": atoms that
/// match ignoring ASCII case ("KM" → "km"), then atoms one edit away. One-edit
/// matches need a word of two or more code points, since every one-letter
/// unit is one edit from every other. A leading multiplier is also tried
/// apart ("万tt" → "万t"). At most three, best first; `declared` (a
/// ruleset's own units) are searched too.
std::vector<std::string> similar_units(std::string_view written, std::span<const AtomicUnit> declared = {});

}  // namespace zhunru::quantity
