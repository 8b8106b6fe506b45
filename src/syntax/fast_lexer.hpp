// A lexer for clean files: the tokens ZhunruLexer makes, made without ANTLR.
//
// ANTLR's lexer and parser are most of a compile's time at national scale
// (a million rules): the lexer simulates its ATN per character and the
// runtime allocates a token object per token. This lexer reads the same
// tokens in one pass over the UTF-8 text, for the characters it knows:
// ASCII, the Chinese ideographs of the basic and extension-A blocks, and the
// full-width punctuation the grammar accepts. Anything else — another
// script's letters, a stray character, an unterminated or curly-quoted
// string — makes it give up (nullopt), and the ANTLR lexer, which reports
// such things in plain words, lexes the file instead. So it never has to be
// right about a character it does not know.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace zhunru::syntax {

struct FastToken {
  static constexpr std::uint32_t kEof = 0xFFFFFFFF;
  std::uint32_t type = kEof;  // a ZhunruLexer token type, or kEof
  std::uint32_t line = 1;     // from 1
  std::uint32_t column = 0;   // code points before it on its line, as ANTLR counts
  std::uint32_t length = 0;   // in code points
  std::uint32_t begin = 0;    // byte offsets into the text: [begin, end)
  std::uint32_t end = 0;
};

struct FastTokens {
  std::vector<FastToken> tokens;    // the parser's channel, ending with an EOF token
  std::vector<FastToken> comments;  // `#` and `//` comments
};

/// The tokens of `text` (valid UTF-8, at most 4 GiB), exactly as ZhunruLexer
/// makes them, or nullopt when the text holds anything this lexer does not
/// know.
std::optional<FastTokens> fast_lex(std::string_view text);

}  // namespace zhunru::syntax
