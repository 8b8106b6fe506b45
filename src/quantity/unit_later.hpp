// A quantity literal whose unit is not built in is read in two steps: the
// parser keeps its number and the unit as written, and the checker reads the
// unit once it knows the units the ruleset declares (`unit 重量箱 = 50 kg;`),
// which may be in another file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zhunru/quantity.hpp"

namespace zhunru::quantity {

struct NumberAndUnitText {
  std::string number_text;  // the digits as written
  double number = 0.0;
  std::string multiplier;   // glued to the number, with a unit after it: "30万 重量箱", "30万重量箱"
  std::string unit_text;    // the rest, spaces at its ends trimmed
};

/// The text a pending literal is read from: "30万 重量箱".
std::string pending_text(const Quantity& q);

/// A word the built-in units read as a unit (`t`, `万`, `万吨`): no name for a declared unit.
bool is_built_in_word(std::string_view word);

/// A declared unit's exponents stay within ±8, so that a unit of up to eight
/// terms of declared units (the quantity parser's cap) stays inside int8.
inline constexpr int kMaxDeclaredExponent = 8;
bool exponents_within_limit(const Dimension& d);

/// "8 kgce/重量箱" → {"8", 8, "", "kgce/重量箱"}; "3万重量箱" → {"3", 3, "万",
/// "重量箱"}; nothing when the number itself cannot be read or no unit follows it.
std::optional<NumberAndUnitText> split_number_and_unit(std::string_view text);

}  // namespace zhunru::quantity
