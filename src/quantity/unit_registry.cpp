#include "quantity/unit_registry.hpp"

#include <algorithm>
#include <utility>

#include "base/edit_distance.hpp"
#include "base/utf8.hpp"

namespace zhunru::quantity {
namespace {

// The year is exactly 365 days, so 1 t/d = 365 t/a: a fixed year keeps every
// conversion exact and reproducible (leap years are ignored on purpose).
constexpr double kDaysPerYear = 365.0;
constexpr double kHoursPerYear = kDaysPerYear * 24.0;

// Power is stored as the energy it delivers running a whole year (kWh/a):
// 1 W = 0.001 kW × 8760 h/a.
constexpr double kWattInKWhPerYear = kHoursPerYear / 1000.0;

Dimension base(BaseDimension b) { return Dimension::of(b); }

std::vector<AtomicUnit> build_atomic_units() {
  const Dimension length = base(BaseDimension::length);
  const Dimension area = length * length;
  const Dimension volume = area * length;
  const Dimension mass = base(BaseDimension::mass);
  const Dimension time = base(BaseDimension::time);
  const Dimension coal = base(BaseDimension::coal_energy);
  const Dimension electricity = base(BaseDimension::electric_energy);
  const Dimension power = electricity / time;
  const Dimension money = base(BaseDimension::money);
  const Dimension sound = base(BaseDimension::sound_level);
  const Dimension ratio = base(BaseDimension::ratio);

  return {
      // length → m
      {"m", 1.0, length}, {"米", 1.0, length},
      {"km", 1e3, length}, {"公里", 1e3, length},
      {"cm", 1e-2, length}, {"厘米", 1e-2, length},
      {"mm", 1e-3, length}, {"毫米", 1e-3, length},
      // area → m2 (1 亩 = 10000/15 m2 by definition)
      {"m2", 1.0, area}, {"m²", 1.0, area}, {"平方米", 1.0, area},
      {"km2", 1e6, area}, {"km²", 1e6, area}, {"平方公里", 1e6, area}, {"平方千米", 1e6, area},
      {"ha", 1e4, area}, {"hm2", 1e4, area}, {"hm²", 1e4, area}, {"公顷", 1e4, area},
      {"亩", 10000.0 / 15.0, area},
      // volume → m3 (Nm3, the normal cubic metre of flue gas, is counted as m3:
      // emission limits are already stated per Nm3, so no state conversion)
      {"m3", 1.0, volume}, {"m³", 1.0, volume}, {"立方米", 1.0, volume},
      {"Nm3", 1.0, volume}, {"Nm³", 1.0, volume},
      {"L", 1e-3, volume}, {"升", 1e-3, volume},
      {"mL", 1e-6, volume}, {"毫升", 1e-6, volume},
      // mass → t (micro: Greek mu U+03BC and the micro sign U+00B5 both occur)
      {"t", 1.0, mass}, {"吨", 1.0, mass},
      {"kg", 1e-3, mass}, {"公斤", 1e-3, mass},
      {"g", 1e-6, mass}, {"克", 1e-6, mass},
      {"mg", 1e-9, mass}, {"毫克", 1e-9, mass},
      {"\u03bcg", 1e-12, mass}, {"\u00b5g", 1e-12, mass}, {"ug", 1e-12, mass}, {"微克", 1e-12, mass},
      // time → a (year = 365 d)
      {"a", 1.0, time}, {"年", 1.0, time}, {"yr", 1.0, time},
      {"月", 1.0 / 12.0, time},
      {"d", 1.0 / kDaysPerYear, time}, {"日", 1.0 / kDaysPerYear, time}, {"天", 1.0 / kDaysPerYear, time},
      {"h", 1.0 / kHoursPerYear, time}, {"小时", 1.0 / kHoursPerYear, time},
      {"min", 1.0 / (kHoursPerYear * 60.0), time}, {"分钟", 1.0 / (kHoursPerYear * 60.0), time},
      {"s", 1.0 / (kHoursPerYear * 3600.0), time}, {"秒", 1.0 / (kHoursPerYear * 3600.0), time},
      // coal-equivalent energy → tce ("千克标准煤" is atomic: "克标准煤" is no unit)
      {"tce", 1.0, coal}, {"吨标准煤", 1.0, coal}, {"吨标煤", 1.0, coal},
      {"kgce", 1e-3, coal}, {"千克标准煤", 1e-3, coal},
      // electricity → kWh ("千瓦时" is atomic: "瓦时" is no unit; 度 is the everyday kWh)
      {"kWh", 1.0, electricity}, {"千瓦时", 1.0, electricity}, {"度", 1.0, electricity},
      {"MWh", 1e3, electricity}, {"GWh", 1e6, electricity},
      // power → kWh/a
      {"W", kWattInKWhPerYear, power}, {"瓦", kWattInKWhPerYear, power},
      {"kW", 1e3 * kWattInKWhPerYear, power},
      {"MW", 1e6 * kWattInKWhPerYear, power}, {"兆瓦", 1e6 * kWattInKWhPerYear, power},
      {"GW", 1e9 * kWattInKWhPerYear, power},
      // money → 元 (万元 and 亿元 are multipliers on 元)
      {"元", 1.0, money},
      // sound level → dB (A-weighting is a way of measuring, not another unit)
      {"dB", 1.0, sound}, {"dBA", 1.0, sound}, {"dB(A)", 1.0, sound}, {"分贝", 1.0, sound},
      // ratio → 1: percent, full-width percent U+FF05, per mille U+2030
      {"%", 1e-2, ratio}, {"\uff05", 1e-2, ratio}, {"\u2030", 1e-3, ratio},
  };
}

char32_t ascii_lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c; }

bool equal_ignoring_case(const std::u32string& a, const std::u32string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char32_t x, char32_t y) { return ascii_lower(x) == ascii_lower(y); });
}

// 0 for a case-only difference, 1 for one edit, 2 for "not close".
int closeness(const std::u32string& written, const std::u32string& atom) {
  if (equal_ignoring_case(written, atom)) return 0;
  if (written.size() >= 2 && edit_distance_within(written, atom, 1) == std::optional<std::size_t>(1)) return 1;
  return 2;
}

struct Candidate {
  int closeness;
  std::string spelling;
};

// Atoms close to `written`, each spelled with `prefix` in front.
void collect_close_atoms(std::string_view prefix, std::string_view written, std::span<const AtomicUnit> declared,
                         std::vector<Candidate>& out) {
  const std::u32string w = utf8::decode(written);
  const auto collect = [&](const AtomicUnit& atom) {
    const int c = closeness(w, utf8::decode(atom.symbol));
    if (c < 2) out.push_back({c, std::string(prefix) + std::string(atom.symbol)});
  };
  for (const AtomicUnit& atom : declared) collect(atom);
  for (const AtomicUnit& atom : atomic_units()) collect(atom);
}

}  // namespace

const std::vector<AtomicUnit>& atomic_units() {
  static const std::vector<AtomicUnit> units = build_atomic_units();
  return units;
}

const std::vector<Multiplier>& multipliers() {
  static const std::vector<Multiplier> all = {{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}};
  return all;
}

const AtomicUnit* find_atomic_unit(std::string_view symbol, std::span<const AtomicUnit> declared) {
  const auto spelled = [&](const AtomicUnit& u) { return u.symbol == symbol; };
  if (const auto it = std::find_if(declared.begin(), declared.end(), spelled); it != declared.end()) return &*it;
  const auto& units = atomic_units();
  const auto it = std::find_if(units.begin(), units.end(), spelled);
  return it == units.end() ? nullptr : &*it;
}

std::vector<std::string> similar_units(std::string_view written, std::span<const AtomicUnit> declared) {
  std::vector<Candidate> found;
  collect_close_atoms("", written, declared, found);
  for (const Multiplier& m : multipliers()) {
    if (written.size() > m.symbol.size() && written.starts_with(m.symbol)) {
      collect_close_atoms(m.symbol, written.substr(m.symbol.size()), declared, found);
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Candidate& a, const Candidate& b) { return a.closeness < b.closeness; });
  std::vector<std::string> result;
  for (const Candidate& c : found) {
    const bool repeated = std::find(result.begin(), result.end(), c.spelling) != result.end();
    if (!repeated && c.spelling != written && result.size() < 3) result.push_back(c.spelling);
  }
  return result;
}

}  // namespace zhunru::quantity
