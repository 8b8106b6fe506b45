// zhunru::keywords(): the keyword table of the front end (ast/keyword.cpp),
// offered to editors without showing them the AST's types.
#include <algorithm>

#include "ast/keyword.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru {

std::vector<KeywordSpelling> keywords() {
  std::vector<KeywordSpelling> out;
  for (int k = 0; k < static_cast<int>(ast::Keyword::count_); ++k) {
    const ast::Spelling s = ast::spelling(static_cast<ast::Keyword>(k));
    const bool seen = std::any_of(out.begin(), out.end(), [&](const KeywordSpelling& o) { return o.en == s.en && o.zh == s.zh; });
    if (!seen) out.push_back({s.en, s.zh});
  }
  return out;
}

}  // namespace zhunru
