// Helpers for tests of `fmt`.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "zhunru/format.hpp"

namespace zhunru::testing {

struct BothWays {
  std::string zh;  // `text` printed in Chinese keywords
  std::string en;  // that printed back in English keywords
};

/// `text` printed in Chinese keywords and back in English: the English must be
/// what printing `text` in English gives — nothing lost on the way.
inline BothWays formatted_both_ways(const std::string& text) {
  const FormatResult zh = format_source({"t.rules", text}, {Lang::zh});
  REQUIRE(zh.ok());
  const FormatResult en = format_source({"t.rules", *zh.text}, {Lang::en});
  REQUIRE(en.ok());
  const FormatResult again = format_source({"t.rules", text}, {Lang::en});
  REQUIRE(again.ok());
  CHECK(*en.text == *again.text);
  return {*zh.text, *en.text};
}

}  // namespace zhunru::testing
