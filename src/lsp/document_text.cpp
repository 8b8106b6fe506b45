#include "lsp/document_text.hpp"

#include <array>
#include <cctype>
#include <utility>
#include <cstdio>

namespace zhunru::lsp {
namespace {

/// The length in bytes of the UTF-8 sequence led by `b` (1 for a stray byte).
std::size_t sequence_length(unsigned char b) {
  if (b >= 0xF0 && b < 0xF8) return 4;
  if (b >= 0xE0) return b < 0xF0 ? 3 : 1;
  if (b >= 0xC0) return 2;
  return 1;
}

/// The code point at `at` (U+FFFD for a broken sequence) and its length.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  const std::size_t n = sequence_length(b);
  if (n == 1 || at + n > s.size()) return {b < 0x80 ? b : 0xFFFD, 1};
  char32_t c = b & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) c = (c << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
  return {c, n};
}

bool is_word(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) || c == '-' || c == '_' || c == '.' || c == '/' || c == '%';
  // CJK symbols and punctuation, full-width forms' punctuation, quotes.
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0x2010 && c <= 0x206F) return false;  // general punctuation: “ ” — …
  return true;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view line_of(std::string_view text, std::uint32_t line) {
  std::size_t at = 0;
  for (std::uint32_t i = 0; i < line; ++i) {
    const std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return {};
    at = nl + 1;
  }
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  if (end > at && text[end - 1] == '\r') --end;
  return text.substr(at, end - at);
}

std::uint32_t utf16_column(std::string_view line, std::uint32_t column) {
  std::uint32_t units = 0;
  std::size_t at = 0;
  for (std::uint32_t i = 0; i < column && at < line.size(); ++i) {
    const auto [c, n] = decode(line, at);
    units += c > 0xFFFF ? 2 : 1;
    at += n;
  }
  return units;
}

std::size_t byte_of_utf16(std::string_view line, std::uint32_t column) {
  std::uint32_t units = 0;
  std::size_t at = 0;
  while (at < line.size() && units < column) {
    const auto [c, n] = decode(line, at);
    units += c > 0xFFFF ? 2 : 1;
    at += n;
  }
  return at;
}

std::optional<std::string> word_at(std::string_view line, std::uint32_t column) {
  // Outward from the cursor, one code point at a time: a line may be 64 MiB,
  // and nothing here is kept per code point.
  const std::size_t cursor = byte_of_utf16(line, column);
  const auto starts_at = [&](std::size_t at) {  // the start of the code point holding byte `at`
    while (at > 0 && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) --at;
    return at;
  };
  const auto word_here = [&](std::size_t at) { return at < line.size() && is_word(decode(line, at).first); };
  std::size_t here = cursor;
  if (!word_here(here)) {  // just after a word: the cursor at its end
    if (here == 0) return std::nullopt;
    here = starts_at(here - 1);
    if (!word_here(here)) return std::nullopt;
  }
  std::size_t from = here;
  while (from > 0 && word_here(starts_at(from - 1))) from = starts_at(from - 1);
  std::size_t to = here;
  while (word_here(to)) to += decode(line, to).second;
  std::string word(line.substr(from, to - from));
  while (!word.empty() && (word.back() == '.' || word.back() == '/')) word.pop_back();  // `fact.` ends a sentence
  if (word.empty()) return std::nullopt;
  return word;
}

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return std::nullopt;
  uri.remove_prefix(scheme.size());
  if (!uri.empty() && uri.front() != '/') {  // file://host/path: only the local host
    const std::size_t slash = uri.find('/');
    if (uri.substr(0, slash) != "localhost") return std::nullopt;
    uri.remove_prefix(slash == std::string_view::npos ? uri.size() : slash);
  }
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2])));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  if (out.empty() || out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

std::string uri_of_path(std::string_view path) {
  std::string out = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      std::array<char, 4> buf{};
      std::snprintf(buf.data(), buf.size(), "%%%02X", c);
      out += buf.data();
    }
  }
  return out;
}

}  // namespace zhunru::lsp
