// A quantity literal whose unit is not built in is read in two steps: the
// parser keeps its number and the unit as written, and the checker reads the
// unit once it knows the units the ruleset declares (`unit 重量箱 = 50 kg;`),
// which may be in another file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhunru::quantity {

struct NumberAndUnitText {
  std::string number_text;  // the digits as written
  double number = 0.0;
  std::string multiplier;   // glued to the number, with a unit after it: "30万 重量箱", "30万重量箱"
  std::string unit_text;    // the rest, spaces at its ends trimmed
};

/// "8 kgce/重量箱" → {"8", 8, "", "kgce/重量箱"}; "3万重量箱" → {"3", 3, "万",
/// "重量箱"}; nothing when the number itself cannot be read or no unit follows it.
std::optional<NumberAndUnitText> split_number_and_unit(std::string_view text);

}  // namespace zhunru::quantity
