#include "model/codes.hpp"

#include <algorithm>

namespace zhunru::model {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<UnitCode> parse_unit_code(std::string_view code) {
  if (code.size() != 13 || !code.starts_with("ZH") || !all_digits(code.substr(2))) return std::nullopt;
  const char class_digit = code[8];
  if (class_digit < '1' || class_digit > '3') return std::nullopt;
  UnitCode unit;
  unit.code = std::string(code);
  unit.district = std::string(code.substr(2, 6));
  unit.unit_class = static_cast<UnitClass>(class_digit - '1');
  return unit;
}


}  // namespace zhunru::model
