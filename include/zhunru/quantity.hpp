// Quantities with units: "30万t/a", "30万 吨/年", "1 km", "85%", "0.5 tce/万元".
//
// The same parser reads quantity literals in .rules files and quantity strings
// in project fact files. Every quantity converts to the canonical unit of its
// dimension (length → m, mass rate → t/a, ...), so values of one dimension
// compare directly; values of different dimensions never compare.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru {

/// The independent dimensions quantities are built from. Coal-equivalent energy
/// (tce) and electricity (kWh) are kept apart on purpose: converting between
/// them needs a policy coefficient (当量值 or 等价值), not physics.
enum class BaseDimension : std::uint8_t {
  length,           // canonical m
  mass,             // canonical t
  time,             // canonical a (year = 365 d)
  coal_energy,      // canonical tce
  electric_energy,  // canonical kWh
  money,            // canonical 元
  sound_level,      // canonical dB
  ratio,            // canonical 1 (so 85% = 0.85); distinct from a plain number
};
inline constexpr std::size_t kBaseDimensionCount = 8;

/// A product of base dimensions with integer exponents (mass·time⁻¹ = mass rate).
class Dimension {
 public:
  constexpr Dimension() = default;  // dimensionless: a plain number
  static Dimension of(BaseDimension base);

  [[nodiscard]] int exponent(BaseDimension base) const { return exponents_[static_cast<std::size_t>(base)]; }
  [[nodiscard]] bool is_dimensionless() const { return *this == Dimension{}; }

  /// The unit values of this dimension are stored in: "t/a", "m", "m2", "t/m3".
  [[nodiscard]] std::string canonical_unit() const;
  /// A name for people: "mass rate" / "质量流率"; a formula when unnamed.
  [[nodiscard]] LocalizedText name() const;

  friend Dimension operator*(const Dimension& a, const Dimension& b);
  friend Dimension operator/(const Dimension& a, const Dimension& b);
  friend bool operator==(const Dimension&, const Dimension&) = default;

 private:
  std::array<std::int8_t, kBaseDimensionCount> exponents_{};
};

/// A unit as written, with its conversion to the canonical unit of its dimension.
struct Unit {
  std::string text;        // as written, e.g. "吨/年"; empty for a plain number
  double factor = 1.0;     // canonical value = value × factor
  Dimension dimension;
  friend bool operator==(const Unit&, const Unit&) = default;
};

/// A parsed quantity, keeping what was written next to what it means.
struct Quantity {
  double number = 0.0;      // the number as written
  std::string number_text;  // its digits as written, e.g. "0.50"
  std::string multiplier;   // "万", "亿", "千" attached to the number, or ""
  Unit unit;                // unit.text is "" for a plain number
  double value = 0.0;       // number × multiplier × unit.factor, in the canonical unit
  [[nodiscard]] const Dimension& dimension() const { return unit.dimension; }
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

/// Why a quantity or unit was refused, and where in the text (code points from 0).
struct QuantityError {
  std::size_t column = 0;
  LocalizedText message;
  bool unknown_unit = false;  // a unit word is none of the units known here
};

/// A unit a ruleset declares (`unit 重量箱 "weight box" = 50 kg;`): its
/// symbol, and one of it in the canonical unit of its dimension.
struct UnitDefinition {
  std::string symbol;
  double factor = 1.0;
  Dimension dimension;
  friend bool operator==(const UnitDefinition&, const UnitDefinition&) = default;
};

/// The units quantities may be written in: the built-in ones and those a
/// ruleset declares. Immutable; copies share one lexicon, so a ruleset's set
/// is read from many threads at once.
class UnitSet {
 public:
  UnitSet();  // the built-in units only
  // A moved-from set still holds its units (never a null lexicon): moving copies.
  UnitSet(const UnitSet&) = default;
  UnitSet(UnitSet&& other) noexcept : lexicon_(other.lexicon_) {}
  UnitSet& operator=(const UnitSet&) = default;
  UnitSet& operator=(UnitSet&& other) noexcept {
    lexicon_ = other.lexicon_;
    return *this;
  }
  ~UnitSet() = default;
  /// The built-in units and `declared`. Refused when a symbol is a built-in
  /// unit or multiplier, declared twice, or not one word (a space, `/`, a
  /// digit first), or a factor is not a positive finite number.
  static Expected<UnitSet, LocalizedText> with(std::vector<UnitDefinition> declared);
  [[nodiscard]] const std::vector<UnitDefinition>& declared() const;

  struct Lexicon;  // the parser's tables; private to the quantity parser
  [[nodiscard]] const Lexicon& lexicon() const { return *lexicon_; }

 private:
  explicit UnitSet(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  std::shared_ptr<const Lexicon> lexicon_;
};

/// Parses "number [multiplier] [unit]". Refuses non-finite numbers, unknown
/// units, full-width digits, thousands separators and trailing text.
Expected<Quantity, QuantityError> parse_quantity(std::string_view text);
/// The same, knowing also the units a ruleset declares.
Expected<Quantity, QuantityError> parse_quantity(std::string_view text, const UnitSet& units);

/// Parses a unit alone, as in `fact capacity : quantity t/a`.
Expected<Unit, QuantityError> parse_unit(std::string_view text);
Expected<Unit, QuantityError> parse_unit(std::string_view text, const UnitSet& units);

/// Converts `value` given in `from` into `to`. Both must share a dimension.
Expected<double, QuantityError> convert(double value, const Unit& from, const Unit& to);

}  // namespace zhunru
