// UTF-8 helpers: validation with repair, code-point counting, display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhunru::utf8 {

/// Where an invalid byte sequence was found (byte offset into the input).
struct InvalidSequence {
  std::size_t offset;         // in the input bytes
  std::size_t length;         // bytes replaced
  std::size_t output_offset;  // of the U+FFFD in the repaired text
};

/// Copies `bytes`, replacing every invalid sequence with U+FFFD, and records
/// where each one was. Overlong forms, surrogates and values past U+10FFFF are
/// invalid, as the standard says.
std::string repair(std::string_view bytes, std::vector<InvalidSequence>& invalid);

/// The first invalid sequence of `bytes` (output_offset is 0), or nullopt
/// when all of it is valid UTF-8. Reads without copying.
std::optional<InvalidSequence> first_invalid(std::string_view bytes);

/// Bytes for a message: "0xC9 0xE8 …", at most eight shown.
std::string hex_bytes(std::string_view bytes);

/// Decodes the code point starting at `pos` of valid UTF-8 and advances `pos`.
char32_t next(std::string_view text, std::size_t& pos);

/// Decodes valid UTF-8 into code points.
std::u32string decode(std::string_view text);

/// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

/// Number of code points in valid UTF-8 text.
std::size_t length(std::string_view text);

/// Byte offset of the code point with index `index` (clamped to the end).
std::size_t offset_of(std::string_view text, std::size_t index);

/// Columns a terminal gives the code point: 2 for East Asian wide and
/// full-width characters, 0 for combining marks, 1 otherwise.
int display_width(char32_t cp);

/// Display width of valid UTF-8 text (tabs count as one column).
std::size_t display_width(std::string_view text);

}  // namespace zhunru::utf8
