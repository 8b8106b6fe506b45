// Helpers for tests that parse source text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/dump.hpp"
#include "base/source_file.hpp"
#include "syntax/fast_parser.hpp"
#include "syntax/parse.hpp"

namespace zhunru::testing {

inline syntax::ParseResult parse_text(std::string_view text, const std::string& path = "test.rules") {
  SourceSet sources;
  return syntax::parse(sources.add(path, text));
}

/// The AST dump of `text`, which must parse without diagnostics.
inline std::string dump_of(std::string_view text) {
  const auto result = parse_text(text);
  std::string errors;
  for (const auto& d : result.diagnostics) errors += d.message.en + "\n";
  return errors.empty() ? ast::dump(result.file) : "ERRORS:\n" + errors;
}

/// "line:col code: message" for every diagnostic, in English.
inline std::vector<std::string> diagnostics_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& d : parse_text(text).diagnostics) {
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code + ": " +
                  d.message.en);
  }
  return out;
}

/// Whether the front end's fast path answered for `text`, and whether it
/// built the tree ANTLR builds (with no diagnostics on either path).
struct ParsedPair {
  bool fast_answered = false;
  bool same_tree = false;
};
inline ParsedPair parse_both_paths(std::string_view text) {
  const SourceFile source(7, "both.rules", std::string(text));
  syntax::ParseOptions antlr_only;
  antlr_only.fast_path = false;
  const syntax::ParseResult slow = syntax::parse(source, antlr_only);
  const auto fast = syntax::parse_clean(source, syntax::ParseOptions{});
  if (!fast) return {};
  return {true, slow.diagnostics.empty() && fast->diagnostics.empty() && fast->file == slow.file};
}

}  // namespace zhunru::testing
