// The codes the domain speaks in: environmental control unit codes
// (ZH50010320001) and GB/T 4754-2017 industry codes (C, C26, C261, C2614).
// A leaf: the parser checks codes with it too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "zhunru/vocabulary.hpp"

namespace zhunru::model {

/// A unit named by its code: ZH + six-digit district + class digit + four digits.
struct UnitCode {
  std::string code;
  std::string district;           // the six digits after ZH
  UnitClass unit_class = UnitClass::general;
};

/// Reads a unit code; nullopt when it does not follow the national pattern.
std::optional<UnitCode> parse_unit_code(std::string_view code);


}  // namespace zhunru::model
