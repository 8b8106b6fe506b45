// Embedding example: zhunru's public quantity API from another C++ program.
//
//   convert_quantity "30万 吨/年" t/a      →  300000 t/a
//   convert_quantity "6000 kg/a" 万t/a     →  0.0006 万t/a
//   convert_quantity "5 km" t/a            →  error: cannot convert …
//
// Uses only <zhunru/quantity.hpp>; link with the zhunru library.
#include <zhunru/quantity.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: convert_quantity QUANTITY UNIT   (e.g. \"30万 吨/年\" t/a)\n";
    return 2;
  }
  const auto quantity = zhunru::parse_quantity(argv[1]);
  if (!quantity) {
    std::cerr << "error: " << quantity.error().message.en << " (at character " << quantity.error().column << ")\n";
    return 1;
  }
  const auto unit = zhunru::parse_unit(argv[2]);
  if (!unit) {
    std::cerr << "error: " << unit.error().message.en << '\n';
    return 1;
  }
  // `value` is in the canonical unit of the quantity's dimension (t/a for
  // 吨/年), multipliers included; convert from there.
  const zhunru::Unit canonical{quantity->dimension().canonical_unit(), 1.0, quantity->dimension()};
  const auto converted = zhunru::convert(quantity->value, canonical, *unit);
  if (!converted) {
    std::cerr << "error: " << converted.error().message.en << '\n';
    return 1;
  }
  std::cout << converted.value() << ' ' << unit->text << '\n';
  return 0;
}
