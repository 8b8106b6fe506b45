// GB/T 4754-2017 国民经济行业分类, the industry codes rules and projects
// name: 20 sections (C), 97 divisions (C26), 473 groups (C261) and 1,381
// classes (C2614), compiled in from data/gbt4754-2017.csv (data/README.md
// says where it comes from and how it was checked).
//
// A project's code may be of any level. A coarse one does not say which
// class the project is: `C30` may or may not be `C3011`, so a rule about
// C3011 is unknown for it, never false (industry_match).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/localized.hpp"

namespace zhunru::model {

struct IndustryEntry {
  std::string_view code;   // C2614
  int level = 0;           // 1 section, 2 division, 3 group, 4 class
  std::string_view name;   // 有机化学原料制造
};

class IndustryClassification {
 public:
  /// The compiled-in table; immutable, safe to read from any thread.
  static const IndustryClassification& gbt4754_2017();

  [[nodiscard]] const IndustryEntry* find(std::string_view code) const;
  /// `prefix` and every entry under it, sorted by code (empty when none).
  [[nodiscard]] std::span<const IndustryEntry> under(std::string_view prefix) const;
  /// For a code not in the table: "did you mean C2614 (有机化学原料制造)?",
  /// found by code (one edit away, or the nearest level that exists) or by
  /// Chinese name (the text given is a name, or part of one). Empty when
  /// nothing is close.
  [[nodiscard]] LocalizedText suggestion(std::string_view written) const;
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  IndustryClassification();
  std::vector<IndustryEntry> entries_;   // sorted by code; views into the compiled-in text
};

/// "C2614 (有机化学原料制造)", or the code alone when it is not in the table.
std::string describe_industry(std::string_view code);

enum class IndustryMatch { no, yes, maybe };

/// Whether a project of industry `code` (a code of the table) is one of
/// `codes`: with `exact`, the same code (`industry = C3011`); otherwise the
/// code or one under it (`industry in [C30]`). `maybe` when `code` is
/// coarser than some of `codes` and not every class under it is covered.
IndustryMatch industry_match(std::string_view code, const std::vector<std::string>& codes, bool exact);

}  // namespace zhunru::model
