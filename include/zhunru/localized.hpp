// Text shown to people, in the two languages zhunru speaks.
#pragma once

#include <string>

namespace zhunru {

/// The language of messages (and, for `fmt`, of keywords).
enum class Lang { en, zh };

/// A message rendered in English and in Chinese. Both are filled at creation,
/// so a diagnostic can be printed in either language later.
struct LocalizedText {
  std::string en;
  std::string zh;

  [[nodiscard]] const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

/// The English text, for BadExpectedAccess (expected.hpp).
inline std::string describe_error(const LocalizedText& text) { return text.en; }

}  // namespace zhunru
