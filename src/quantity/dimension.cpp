// Dimensions as exponent vectors over zhunru's base dimensions, with the
// canonical unit each is stored in and names people recognise.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/quantity.hpp"

namespace zhunru {
namespace {

// Canonical symbol of each base dimension, in BaseDimension order. A ratio is
// stored as a fraction, so its unit is "1".
constexpr std::array<std::string_view, kBaseDimensionCount> kBaseSymbols = {"m", "t", "a", "tce", "kWh", "元", "dB", "1"};

std::string_view symbol_of(std::size_t base) { return kBaseSymbols[base]; }

std::string superscript(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out = n < 0 ? "⁻" : "";
  for (const char c : std::to_string(n < 0 ? -n : n)) out += kDigits[static_cast<std::size_t>(c - '0')];
  return out;
}

// "m2" style: written the way rule authors type units.
std::string with_plain_exponent(std::size_t base, int exponent) {
  std::string out(symbol_of(base));
  if (exponent > 1) out += std::to_string(exponent);
  return out;
}

struct NamedDimension {
  Dimension dimension;
  LocalizedText name;
};

std::vector<NamedDimension> build_named_dimensions() {
  const auto L = Dimension::of(BaseDimension::length);
  const auto M = Dimension::of(BaseDimension::mass);
  const auto T = Dimension::of(BaseDimension::time);
  const auto C = Dimension::of(BaseDimension::coal_energy);
  const auto E = Dimension::of(BaseDimension::electric_energy);
  const auto Y = Dimension::of(BaseDimension::money);
  return {
      {L, {"length", "长度"}},
      {L * L, {"area", "面积"}},
      {L * L * L, {"volume", "体积"}},
      {M, {"mass", "质量"}},
      {T, {"time", "时间"}},
      {M / T, {"mass rate", "质量流率"}},
      {L * L * L / T, {"volume rate", "体积流率"}},
      {M / (L * L * L), {"concentration", "浓度"}},
      {C, {"coal-equivalent energy", "能源消费量"}},
      {C / T, {"energy rate", "年能耗"}},
      {C / Y, {"energy intensity", "能耗强度"}},
      {E, {"electricity", "电量"}},
      {E / T, {"power", "功率"}},
      {Y, {"money", "金额"}},
      {Dimension::of(BaseDimension::sound_level), {"sound level", "声级"}},
      {Dimension::of(BaseDimension::ratio), {"ratio", "比例"}},
      {Dimension{}, {"dimensionless", "无量纲"}},
  };
}

std::optional<LocalizedText> known_name(const Dimension& d) {
  static const std::vector<NamedDimension> named = build_named_dimensions();
  for (const auto& n : named) {
    if (n.dimension == d) return n.name;
  }
  return std::nullopt;
}

}  // namespace

Dimension Dimension::of(BaseDimension base) {
  Dimension d;
  d.exponents_[static_cast<std::size_t>(base)] = 1;
  return d;
}

// Exponents stay tiny (the parser refuses units past ±kMaxExponent), so the
// int8 sums cannot overflow.
Dimension operator*(const Dimension& a, const Dimension& b) {
  Dimension out;
  for (std::size_t i = 0; i < kBaseDimensionCount; ++i) {
    out.exponents_[i] = static_cast<std::int8_t>(a.exponents_[i] + b.exponents_[i]);
  }
  return out;
}

Dimension operator/(const Dimension& a, const Dimension& b) {
  Dimension out;
  for (std::size_t i = 0; i < kBaseDimensionCount; ++i) {
    out.exponents_[i] = static_cast<std::int8_t>(a.exponents_[i] - b.exponents_[i]);
  }
  return out;
}

// "t/a", "t/m3", "kWh/a", "m·t" (numerator products are rare and unparseable
// anyway), "1/a" when only denominators remain, "" for a plain number.
std::string Dimension::canonical_unit() const {
  std::string numerator;
  std::string denominator;
  for (std::size_t i = 0; i < kBaseDimensionCount; ++i) {
    const int e = exponents_[i];
    if (e > 0) {
      if (!numerator.empty()) numerator += "·";
      numerator += with_plain_exponent(i, e);
    }
    if (e < 0) {
      denominator += "/";
      denominator += with_plain_exponent(i, -e);
    }
  }
  if (numerator.empty() && !denominator.empty()) numerator.push_back('1');  // not `= "1"`: GCC 12 -Wrestrict false positive
  return numerator + denominator;
}

// Unnamed dimensions read as a formula, positive powers first: "t·m⁻³·a⁻¹".
// Symbols are the same in both languages.
LocalizedText Dimension::name() const {
  if (auto known = known_name(*this)) return *known;
  std::string formula;
  for (const bool positive : {true, false}) {
    for (std::size_t i = 0; i < kBaseDimensionCount; ++i) {
      const int e = exponents_[i];
      if (e == 0 || (e > 0) != positive) continue;
      if (!formula.empty()) formula += "·";
      formula += symbol_of(i);
      if (e != 1) formula += superscript(e);
    }
  }
  return {formula, formula};
}

}  // namespace zhunru
