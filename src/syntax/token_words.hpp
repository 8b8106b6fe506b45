// Tokens and sets of expected tokens, described in a rule author's words
// ("a unit class — priority, key or general") instead of ANTLR token names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/localized.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru::syntax {

/// How a token type is quoted. Keywords are quoted in the language the file
/// is written in (`keyword_lang`); a token that exists in one language only
/// says so, so the other language's twin can stand in for it.
struct TokenWord {
  std::string_view en;        // English spelling, or empty
  std::string_view zh;        // Chinese spelling, or empty
  LocalizedText description;  // for non-keywords: "a name" / "名称"
};

/// The word for token type `type` (ZhunruLexer::*, or EOF).
TokenWord token_word(std::size_t type);

/// What the codes of a scope's list name, by the word before the list:
/// `units`/`单元` units, `districts`/`区县` districts, `cities`/`市级` cities,
/// `provinces`/`省级` provinces.
TierLevel region_level(std::size_t type);

/// `projects` (English file) or `项目` (Chinese file), quoted for a message.
LocalizedText quote_token(std::size_t type, Lang keyword_lang);

/// Describes a set of expected token types as one phrase, e.g.
/// "a unit class — priority, key or general — or `units [...]`".
LocalizedText describe_expected(const std::vector<std::size_t>& expected, Lang keyword_lang);

/// The expected keyword that `written` most plausibly misspells (`prority`
/// for `priority`), as its token type and its spelling in `keyword_lang`.
struct Misspelling {
  std::size_t type;
  std::string_view spelling;
};
std::optional<Misspelling> misspelt_keyword(std::string_view written, const std::vector<std::size_t>& expected,
                                            Lang keyword_lang);

/// Every keyword spelling (words, not punctuation) of `lang`, longest first:
/// for spotting Chinese keywords glued to names and misspelt keywords.
const std::vector<std::string_view>& keyword_spellings(Lang lang);

}  // namespace zhunru::syntax
