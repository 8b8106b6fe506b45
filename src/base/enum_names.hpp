// Names of enumerators in English and Chinese, kept in one table per enum
// (indexed by the enumerator's value) so the two languages cannot drift.
#pragma once

#include <cstddef>
#include <string_view>

namespace zhunru {

struct EnumName {
  std::string_view en;
  std::string_view zh;
};

/// The entry for `value`; the last entry for a value out of range.
template <class E, std::size_t N>
constexpr const EnumName& enum_name(E value, const EnumName (&table)[N]) {
  const auto i = static_cast<std::size_t>(value);
  return table[i < N ? i : N - 1];
}

}  // namespace zhunru
