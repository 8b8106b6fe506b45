// Differential: the front end's fast path (syntax/fast_parser) against the
// ANTLR parser. Wherever the fast path answers, ANTLR must parse the same
// text without a word into the same tree — nodes, spans, arena order,
// comments and keyword language — or the target aborts. Internal, like the
// snapshot target: it includes src/.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/source_file.hpp"
#include "syntax/fast_parser.hpp"
#include "syntax/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 20)) return 0;
  const zhunru::SourceFile source(0, "fuzz.rules", std::string_view(reinterpret_cast<const char*>(data), size));
  const std::optional<zhunru::syntax::ParseResult> fast = zhunru::syntax::parse_clean(source, {});
  if (!fast) return 0;
  zhunru::syntax::ParseOptions antlr_only;
  antlr_only.fast_path = false;
  const zhunru::syntax::ParseResult antlr = zhunru::syntax::parse(source, antlr_only);
  if (!antlr.diagnostics.empty() || !(antlr.file == fast->file) || antlr.keyword_lang != fast->keyword_lang) {
    std::abort();
  }
  return 0;
}
