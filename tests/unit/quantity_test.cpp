// Quantities and units: parsing, canonical values, conversions and refusals.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "quantity/unit_registry.hpp"
#include "zhunru/quantity.hpp"

using zhunru::BaseDimension;
using zhunru::Dimension;
using zhunru::Quantity;
using zhunru::Unit;

namespace {

const Dimension kLength = Dimension::of(BaseDimension::length);
const Dimension kMass = Dimension::of(BaseDimension::mass);
const Dimension kTime = Dimension::of(BaseDimension::time);
const Dimension kMassRate = kMass / kTime;
const Dimension kRatio = Dimension::of(BaseDimension::ratio);

// Parses text that must be accepted; reports the refusal otherwise.
Quantity accepted(std::string_view text) {
  const auto q = zhunru::parse_quantity(text);
  INFO("text: ", std::string(text));
  if (!q) FAIL_CHECK("refused: ", q.error().message.en);
  REQUIRE(q.has_value());
  return q.value();
}

Unit unit(std::string_view text) {
  const auto u = zhunru::parse_unit(text);
  INFO("unit: ", std::string(text));
  if (!u) FAIL_CHECK("refused: ", u.error().message.en);
  REQUIRE(u.has_value());
  return u.value();
}

// Parses text that must be refused, and checks both messages exist.
zhunru::QuantityError refused(std::string_view text) {
  const auto q = zhunru::parse_quantity(text);
  INFO("text: ", std::string(text));
  REQUIRE_FALSE(q.has_value());
  CHECK_FALSE(q.error().message.en.empty());
  CHECK_FALSE(q.error().message.zh.empty());
  return q.error();
}

zhunru::QuantityError unit_refused(std::string_view text) {
  const auto u = zhunru::parse_unit(text);
  INFO("unit: ", std::string(text));
  REQUIRE_FALSE(u.has_value());
  CHECK_FALSE(u.error().message.en.empty());
  CHECK_FALSE(u.error().message.zh.empty());
  return u.error();
}

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("quantity") {
  TEST_CASE("mass rates with multipliers, in every spacing") {
    const Quantity a = accepted("30万t/a");
    CHECK(a.number == 30.0);
    CHECK(a.number_text == "30");
    CHECK(a.multiplier == "万");
    CHECK(a.unit.text == "t/a");
    CHECK(a.value == doctest::Approx(300000.0));
    CHECK(a.dimension() == kMassRate);

    const Quantity b = accepted("30万 吨/年");
    CHECK(b.multiplier == "万");
    CHECK(b.unit.text == "吨/年");
    CHECK(b.value == doctest::Approx(300000.0));
    CHECK(b.dimension() == kMassRate);

    // Detached, the multiplier belongs to the unit.
    const Quantity c = accepted("30 万t/a");
    CHECK(c.multiplier.empty());
    CHECK(c.unit.text == "万t/a");
    CHECK(c.unit.factor == doctest::Approx(1e4));
    CHECK(c.value == doctest::Approx(300000.0));

    const Quantity d = accepted("30万吨/年");
    CHECK(d.value == doctest::Approx(accepted("300000 t/a").value));

    CHECK(accepted("6000 kg/a").value == doctest::Approx(6.0));
    CHECK(accepted("1.5e3 t/a").value == doctest::Approx(1500.0));
    CHECK(accepted("1.5e3 t/a").number_text == "1.5e3");
    CHECK(accepted("2亿t/a").value == doctest::Approx(2e8));
    CHECK(accepted("3千t/a").value == doctest::Approx(3000.0));
  }

  TEST_CASE("the number keeps what was written") {
    const Quantity q = accepted("0.50 t");
    CHECK(q.number_text == "0.50");
    CHECK(q.number == doctest::Approx(0.5));
    CHECK(accepted("-3.5e2 kg").value == doctest::Approx(-0.35));
    CHECK(accepted("+7 t").number_text == "+7");
    CHECK(accepted("+7 t").value == doctest::Approx(7.0));
    CHECK(accepted("1E2 t").value == doctest::Approx(100.0));
    CHECK(accepted("5e-3 t").value == doctest::Approx(0.005));
  }

  TEST_CASE("plain numbers and bare multipliers are dimensionless") {
    const Quantity plain = accepted("42");
    CHECK(plain.unit.text.empty());
    CHECK(plain.dimension().is_dimensionless());
    CHECK(plain.value == doctest::Approx(42.0));

    const Quantity glued = accepted("5万");
    CHECK(glued.multiplier == "万");
    CHECK(glued.unit.text.empty());
    CHECK(glued.value == doctest::Approx(5e4));

    const Quantity spaced = accepted("5 万");
    CHECK(spaced.multiplier.empty());
    CHECK(spaced.unit.text == "万");
    CHECK(spaced.dimension().is_dimensionless());
    CHECK(spaced.value == doctest::Approx(5e4));
  }

  TEST_CASE("lengths, areas and volumes") {
    const Quantity km = accepted("5 千米");
    CHECK(km.unit.text == "千米");
    CHECK(km.value == doctest::Approx(5000.0));
    CHECK(km.dimension() == kLength);

    const Quantity glued = accepted("5千米");
    CHECK(glued.multiplier == "千");
    CHECK(glued.unit.text == "米");
    CHECK(glued.value == doctest::Approx(5000.0));

    CHECK(accepted("1 km").value == doctest::Approx(1000.0));
    CHECK(accepted("500 m").value == doctest::Approx(500.0));
    CHECK(accepted("3 公里").value == doctest::Approx(3000.0));
    CHECK(accepted("15 mm").value == doctest::Approx(0.015));
    CHECK(accepted("2 公顷").value == doctest::Approx(20000.0));
    CHECK(accepted("2 hm2").value == doctest::Approx(20000.0));
    CHECK(accepted("15 亩").value == doctest::Approx(10000.0));
    CHECK(accepted("1 平方千米").value == doctest::Approx(1e6));
    CHECK(accepted("3 m³").dimension() == kLength * kLength * kLength);
    CHECK(accepted("500 mL").value == doctest::Approx(5e-4));
    CHECK(accepted("2 Nm3").value == doctest::Approx(2.0));
  }

  TEST_CASE("concentrations in both micro signs") {
    const Dimension concentration = kMass / (kLength * kLength * kLength);
    const Quantity greek = accepted("10 \u03bcg/m3");
    const Quantity micro = accepted("10 \u00b5g/m3");
    CHECK(greek.dimension() == concentration);
    CHECK(greek.value == doctest::Approx(1e-11));
    CHECK(micro.value == doctest::Approx(greek.value));
    CHECK(accepted("10 ug/m3").value == doctest::Approx(greek.value));
    CHECK(accepted("10 微克/立方米").value == doctest::Approx(greek.value));

    const Quantity mgl = accepted("20 mg/L");
    CHECK(mgl.dimension() == concentration);
    CHECK(mgl.value == doctest::Approx(2e-5));  // 20e-9 t / 1e-3 m3
  }

  TEST_CASE("ratios are not plain numbers") {
    const Quantity pct = accepted("85%");
    CHECK(pct.value == doctest::Approx(0.85));
    CHECK(pct.number == 85.0);
    CHECK(pct.dimension() == kRatio);
    CHECK(pct.dimension() != accepted("0.85").dimension());
    CHECK(accepted("85 ％").value == doctest::Approx(0.85));
    CHECK(accepted("5‰").value == doctest::Approx(0.005));
  }

  TEST_CASE("energy, electricity, power, money and sound") {
    const Quantity intensity = accepted("0.5 tce/万元");
    CHECK(intensity.unit.text == "tce/万元");
    CHECK(intensity.value == doctest::Approx(5e-5));  // tce per 元
    CHECK(intensity.dimension() == Dimension::of(BaseDimension::coal_energy) / Dimension::of(BaseDimension::money));
    CHECK(intensity.dimension().name().zh == "能耗强度");

    CHECK(accepted("5千克标准煤").value == doctest::Approx(0.005));
    CHECK(accepted("5千克标准煤").multiplier.empty());
    CHECK(accepted("2万吨标准煤/年").value == doctest::Approx(2e4));
    CHECK(accepted("3 万度").value == doctest::Approx(3e4));
    CHECK(accepted("1 千瓦时").value == doctest::Approx(1.0));
    CHECK(accepted("1 MWh").value == doctest::Approx(1000.0));
    CHECK(accepted("1 kW").value == doctest::Approx(8760.0));  // kWh/a
    CHECK(accepted("1 千瓦").value == doctest::Approx(8760.0));
    CHECK(accepted("1 kW").dimension() == accepted("1 kWh/a").dimension());
    CHECK(accepted("2 亿元").value == doctest::Approx(2e8));
    CHECK(accepted("55 dB(A)").value == doctest::Approx(55.0));
    CHECK(accepted("55 分贝").dimension() == Dimension::of(BaseDimension::sound_level));
  }

  TEST_CASE("surrounding space: ASCII space, tab and U+3000") {
    CHECK(accepted("  5 t  ").value == doctest::Approx(5.0));
    CHECK(accepted("\t5\tt\t").value == doctest::Approx(5.0));
    const Quantity ideographic = accepted("\u30005\u3000吨\u3000");
    CHECK(ideographic.value == doctest::Approx(5.0));
    CHECK(ideographic.unit.text == "吨");
  }

  TEST_CASE("every registered atom reads as a unit with its own factor") {
    for (const auto& atom : zhunru::quantity::atomic_units()) {
      INFO("atom: ", std::string(atom.symbol));
      const auto u = zhunru::parse_unit(atom.symbol);
      REQUIRE(u.has_value());
      CHECK(u->text == atom.symbol);
      CHECK(u->factor == doctest::Approx(atom.factor));
      CHECK(u->dimension == atom.dimension);
      CHECK(zhunru::quantity::find_atomic_unit(atom.symbol) == &atom);
    }
  }

  TEST_CASE("no atom is a multiplier in front of another atom") {
    for (const auto& atom : zhunru::quantity::atomic_units()) {
      for (const auto& m : zhunru::quantity::multipliers()) {
        if (!atom.symbol.starts_with(m.symbol)) continue;
        INFO("atom: ", std::string(atom.symbol));
        CHECK(zhunru::quantity::find_atomic_unit(atom.symbol.substr(m.symbol.size())) == nullptr);
      }
    }
    CHECK(zhunru::quantity::find_atomic_unit("千米") == nullptr);
    CHECK(zhunru::quantity::find_atomic_unit("千克标准煤") != nullptr);
  }

  TEST_CASE("parse_unit reads a unit alone") {
    CHECK(unit("t/a").dimension == kMassRate);
    CHECK(unit("吨/年").dimension == kMassRate);
    CHECK(unit("吨/年").text == "吨/年");
    CHECK(unit("万t/a").factor == doctest::Approx(1e4));
    CHECK(unit("%").dimension == kRatio);
    CHECK(unit(" t/a ").text == "t/a");
    CHECK(unit("t/m3/a").dimension == kMass / (kLength * kLength * kLength) / kTime);
    CHECK(unit("kg/d").factor == doctest::Approx(0.365));
  }

  TEST_CASE("dimension equality") {
    CHECK(unit("t/a").dimension == unit("吨/年").dimension);
    CHECK(unit("t/a").dimension == unit("kg/d").dimension);
    CHECK(unit("t/a").dimension != unit("m").dimension);
    CHECK(unit("t/a").dimension != unit("t").dimension);
    CHECK(unit("tce").dimension != unit("kWh").dimension);
    CHECK(unit("m2").dimension == kLength * kLength);
    CHECK(unit("m2").dimension / kLength == kLength);
    CHECK((kLength / kLength).is_dimensionless());
    CHECK(kMassRate.exponent(BaseDimension::mass) == 1);
    CHECK(kMassRate.exponent(BaseDimension::time) == -1);
    CHECK(kMassRate.exponent(BaseDimension::length) == 0);
  }

  TEST_CASE("dimension names and canonical units") {
    CHECK(kMassRate.canonical_unit() == "t/a");
    CHECK(kMassRate.name() == zhunru::LocalizedText{"mass rate", "质量流率"});
    CHECK(kLength.canonical_unit() == "m");
    CHECK(kLength.name().zh == "长度");
    CHECK((kLength * kLength).canonical_unit() == "m2");
    CHECK((kLength * kLength).name().zh == "面积");
    CHECK(unit("mg/L").dimension.canonical_unit() == "t/m3");
    CHECK(unit("mg/L").dimension.name().zh == "浓度");
    CHECK(unit("m3/d").dimension.name().zh == "体积流率");
    CHECK(unit("tce/a").dimension.name().zh == "年能耗");
    CHECK(unit("kWh").dimension.name().zh == "电量");
    CHECK(unit("MW").dimension.canonical_unit() == "kWh/a");
    CHECK(unit("MW").dimension.name().zh == "功率");
    CHECK(unit("万元").dimension.name().zh == "金额");
    CHECK(unit("dB").dimension.name().zh == "声级");
    CHECK(unit("%").dimension.canonical_unit() == "1");
    CHECK(unit("%").dimension.name().zh == "比例");
    CHECK(Dimension{}.canonical_unit().empty());
    CHECK(Dimension{}.name().zh == "无量纲");
    CHECK(unit("tce").dimension.name().zh == "能源消费量");
    CHECK(unit("tce/万元").dimension.canonical_unit() == "tce/元");

    // Unnamed: a formula, the same in both languages.
    const Dimension odd = unit("t/m3/a").dimension;
    CHECK(odd.name().en == "t·m⁻³·a⁻¹");
    CHECK(odd.name().zh == odd.name().en);
    CHECK(odd.canonical_unit() == "t/m3/a");
  }

  TEST_CASE("conversions") {
    const auto t_per_day = zhunru::convert(1.0, unit("t/d"), unit("t/a"));
    REQUIRE(t_per_day.has_value());
    CHECK(*t_per_day == doctest::Approx(365.0));

    CHECK(*zhunru::convert(1.0, unit("km"), unit("m")) == doctest::Approx(1000.0));
    CHECK(*zhunru::convert(1.0, unit("公顷"), unit("m2")) == doctest::Approx(10000.0));
    CHECK(*zhunru::convert(30.0, unit("万吨/年"), unit("t/a")) == doctest::Approx(300000.0));
    CHECK(*zhunru::convert(0.5, unit("tce/万元"), unit("tce/元")) == doctest::Approx(5e-5));
    CHECK(*zhunru::convert(1.0, unit("tce/元"), unit("tce/万元")) == doctest::Approx(1e4));
    CHECK(*zhunru::convert(1.0, unit("a"), unit("月")) == doctest::Approx(12.0));
    CHECK(*zhunru::convert(1.0, unit("d"), unit("h")) == doctest::Approx(24.0));
    CHECK(*zhunru::convert(1.0, unit("MW"), unit("kWh/a")) == doctest::Approx(8.76e6));
    CHECK(*zhunru::convert(7.0, unit("km"), unit("km")) == doctest::Approx(7.0));

    const Quantity q = accepted("30万吨/年");
    CHECK(*zhunru::convert(q.value, Unit{"", 1.0, q.dimension()}, unit("t/a")) == doctest::Approx(300000.0));
  }

  TEST_CASE("conversions between dimensions are refused in both languages") {
    const auto bad = zhunru::convert(1.0, unit("t/a"), unit("m"));
    REQUIRE_FALSE(bad.has_value());
    CHECK(contains(bad.error().message.en, "mass rate"));
    CHECK(contains(bad.error().message.en, "length"));
    CHECK(contains(bad.error().message.zh, "质量流率"));
    CHECK(contains(bad.error().message.zh, "长度"));

    // Coal equivalent and electricity need a policy coefficient, not physics.
    const auto energy = zhunru::convert(1.0, unit("tce"), unit("kWh"));
    REQUIRE_FALSE(energy.has_value());
    CHECK(contains(energy.error().message.zh, "电量"));

    CHECK_FALSE(zhunru::convert(1.0, unit("%"), Unit{}).has_value());
  }

  TEST_CASE("empty text and text without a number") {
    CHECK(refused("").column == 0);
    CHECK(refused("   ").column == 0);
    const auto abc = refused("abc");
    CHECK(abc.column == 0);
    CHECK(contains(abc.message.en, "expected a number"));
    CHECK(contains(abc.message.en, "abc"));
    CHECK(refused("  t/a").column == 2);
    CHECK(refused("-").column == 0);
    CHECK(refused(".5 t").column == 0);
  }

  TEST_CASE("non-finite numbers") {
    for (const char* text : {"inf", "-inf", "Infinity", "nan", "NaN t"}) {
      const auto e = refused(text);
      CHECK(e.column == 0);
      CHECK(contains(e.message.en, "not a finite number"));
      CHECK(contains(e.message.zh, "有限"));
    }
    const auto huge = refused("1e999");
    CHECK(huge.column == 0);
    CHECK(contains(huge.message.en, "1e999"));
    CHECK(contains(huge.message.en, "not a finite number"));
    CHECK(contains(refused("1e-999").message.en, "too small"));
    CHECK(refused("  1e400 t").column == 2);
    // Finite number, infinite value.
    CHECK(contains(refused("1e308亿").message.en, "out of range"));
  }

  TEST_CASE("full-width digits and thousands separators") {
    const auto fw = refused("５００");
    CHECK(fw.column == 0);
    CHECK(fw.message.en == "full-width digits are not accepted: write 500");
    CHECK(contains(fw.message.zh, "500"));
    CHECK(refused("5００ t").column == 1);

    const auto sep = refused("1,000");
    CHECK(sep.column == 1);
    CHECK(sep.message.en == "thousands separators are not accepted: write 1000");
    CHECK(contains(sep.message.zh, "1000"));
    CHECK(refused("1，000 t").column == 1);
    CHECK(contains(refused("12,345,678 t").message.en, "12345678"));
  }

  TEST_CASE("unknown units name what was written and suggest close spellings") {
    const auto x = refused("5 t/x");
    CHECK(x.column == 4);
    CHECK(contains(x.message.en, "`x`"));
    CHECK(contains(x.message.zh, "“x”"));

    const auto upper = refused("5 KM");
    CHECK(upper.column == 2);
    CHECK(contains(upper.message.en, "did you mean `km`"));
    CHECK(contains(upper.message.zh, "“km”"));

    CHECK(contains(refused("5 tt/a").message.en, "did you mean `t`"));
    CHECK(contains(refused("5 Kwh").message.en, "`kWh`"));
    CHECK(contains(refused("30万tt").message.en, "`万t`"));
    CHECK(contains(refused("5千克标准煤x").message.en, "`千克标准煤`"));
    CHECK(refused("30万t/x").column == 5);
    CHECK(refused("5 tc").column == 2);  // not "t" followed by "c"
    CHECK_FALSE(contains(refused("5 q").message.en, "did you mean"));
    CHECK(refused("5 吨/x年").column == 4);
    // Two units run together, as a rate is said aloud: the `/` is suggested.
    const auto rate = refused("2 万吨年");
    CHECK(contains(rate.message.en, "did you mean `万吨/年`"));
    CHECK(contains(rate.message.zh, "“万吨/年”"));
    CHECK(contains(refused("5 kgh").message.en, "`kg/h`"));
  }

  TEST_CASE("spaces inside a unit and trailing text") {
    const auto spaced = refused("5 t / a");
    CHECK(spaced.column == 3);
    CHECK(contains(spaced.message.en, "`t/a`"));
    CHECK(refused("5 t/ a").column == 4);
    CHECK(refused("5 t /a").column == 3);

    const auto extra = refused("5 km extra");
    CHECK(extra.column == 5);
    CHECK(contains(extra.message.en, "extra"));
    CHECK(refused("5 5").column == 2);
    CHECK(refused("5 t/").column == 4);
    CHECK(refused("5 /a").column == 2);
    CHECK(refused("5.").column == 1);
    CHECK(refused("5 吨 多").column == 4);  // columns count code points, not bytes
  }

  TEST_CASE("invalid UTF-8 is refused, never a crash") {
    CHECK(refused("5 \xff").column == 2);
    CHECK(refused("\x80").column == 0);
    CHECK(refused("5 \xe4\xb8").column == 2);      // a cut-off 万
    CHECK(refused("5 吨\xc0\xaf").column == 3);    // overlong '/'
    CHECK(refused("5 \xed\xa0\x80").column == 2);  // a UTF-16 surrogate
    CHECK(unit_refused("t/\xfe").column == 2);
  }

  TEST_CASE("parse_unit refusals") {
    CHECK(unit_refused("").column == 0);
    CHECK(unit_refused("t / a").column == 1);
    CHECK(unit_refused("t/a x").column == 4);
    CHECK(unit_refused("5").column == 0);
    CHECK(contains(unit_refused("KM").message.en, "`km`"));
  }

  TEST_CASE("a unit has a bounded number of parts") {
    CHECK(accepted("1 t/a/a/a/a/a/a/a").dimension().exponent(BaseDimension::time) == -7);
    CHECK(refused("1 t/a/a/a/a/a/a/a/a").column == 2);
  }

  TEST_CASE("similar_units") {
    CHECK(zhunru::quantity::similar_units("KG") == std::vector<std::string>{"kg"});
    CHECK(zhunru::quantity::similar_units("x").empty());
    CHECK(zhunru::quantity::similar_units("平方公理") == std::vector<std::string>{"平方公里"});
    CHECK(zhunru::quantity::similar_units("万KG") == std::vector<std::string>{"万kg"});
    const auto many = zhunru::quantity::similar_units("ms");
    CHECK(many.size() == 3);  // capped
  }
}
