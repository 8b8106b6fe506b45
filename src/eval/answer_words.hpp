// The words of an answer for a person, shared by the text answer and the
// report: a chooser between the two languages, a rule's parts and their
// truth values in the reader's language.
#pragma once

#include <string>
#include <string_view>

#include "zhunru/decision.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru {

/// `w("requires", "要求")`, `w.name(Verdict::reject)`: the reader's language.
struct Words {
  Lang lang;
  [[nodiscard]] std::string operator()(std::string_view en, std::string_view zh) const {
    return std::string(lang == Lang::zh ? zh : en);
  }
  /// A verdict, status, tier, dimension or unit class in this language.
  template <class E>
  [[nodiscard]] std::string name(E value) const {
    return std::string(lang == Lang::zh ? name_zh(value) : name_of(value));
  }
  /// "city 500000", "市级 500000"; "nation" / "全国" alone (it has no code).
  [[nodiscard]] std::string tier(TierLevel level, const std::string& code) const {
    return code.empty() ? name(level) : name(level) + " " + code;
  }
};

/// "subject" → 主体, "scope" → 范围, "where" → 条件, "unless" → 除非, "requirement" → 要求.
inline std::string_view part_name(std::string_view part, Lang lang) {
  if (lang == Lang::en) return part;
  if (part == "subject") return "主体";
  if (part == "scope") return "范围";
  if (part == "where") return "条件";
  if (part == "unless") return "除非";
  return "要求";
}

/// true/false/unknown, or 是/否/未知.
inline std::string_view truth_name(Truth value, Lang lang) { return lang == Lang::zh ? name_zh(value) : name_of(value); }

}  // namespace zhunru
