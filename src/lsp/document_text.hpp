// Positions in an editor's text: LSP counts columns in UTF-16 code units,
// zhunru's diagnostics in code points; a word under the cursor; file URIs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhunru::lsp {

/// Line `line` (from 0) of `text`, without its line break; "" past the end.
std::string_view line_of(std::string_view text, std::uint32_t line);

/// The UTF-16 column of code point `column` (both from 0) in `line`.
std::uint32_t utf16_column(std::string_view line, std::uint32_t column);

/// The byte offset in `line` of UTF-16 column `column` (clamped to the line).
std::size_t byte_of_utf16(std::string_view line, std::uint32_t column);

/// The name under (or just before) UTF-16 column `column` of `line`:
/// letters, digits, `-`, `_`, `.`, `/` and any character beyond ASCII but
/// Chinese punctuation. nullopt on a space or punctuation.
std::optional<std::string> word_at(std::string_view line, std::uint32_t column);

/// `file:///a/b%20c.rules` → `/a/b c.rules`; nullopt for other schemes.
std::optional<std::string> path_of_uri(std::string_view uri);
/// `/a/b c.rules` → `file:///a/b%20c.rules`.
std::string uri_of_path(std::string_view path);

}  // namespace zhunru::lsp
