#include "base/utf8.hpp"

#include <cstring>

namespace zhunru::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::uint64_t kHighBits = 0x8080808080808080;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// True when the eight bytes at `pos` are all ASCII.
bool eight_ascii(std::string_view s, std::size_t pos) {
  std::uint64_t word = 0;
  std::memcpy(&word, s.data() + pos, sizeof word);
  return (word & kHighBits) == 0;
}

// Length of a valid sequence starting at `pos`, or 0 when invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = b0 & 0x07; }
  else return 0;
  if (pos + len > s.size()) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if (!is_continuation(b)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// How many bytes one invalid sequence spans: a lead byte and the
// continuation bytes that follow it (at most 3), so one typo is one error.
std::size_t invalid_span(std::string_view s, std::size_t pos) {
  std::size_t n = 1;
  while (n < 4 && pos + n < s.size() && is_continuation(static_cast<unsigned char>(s[pos + n]))) ++n;
  return n;
}

}  // namespace

std::string repair(std::string_view bytes, std::vector<InvalidSequence>& invalid) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (const std::size_t len = valid_sequence_length(bytes, pos)) {
      out.append(bytes.substr(pos, len));
      pos += len;
      continue;
    }
    const std::size_t len = invalid_span(bytes, pos);
    invalid.push_back({pos, len, out.size()});
    append(out, kReplacement);
    pos += len;
  }
  return out;
}

std::string hex_bytes(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  constexpr std::size_t kShown = 8;
  std::string out;
  for (const char c : bytes.substr(0, kShown)) {
    const auto b = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += "0x";
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  if (bytes.size() > kShown) out += " …";
  return out;
}

std::optional<InvalidSequence> first_invalid(std::string_view bytes) {
  for (std::size_t pos = 0; pos < bytes.size();) {
    // ASCII runs are most of any JSON file: skipped eight bytes at a time
    // while no byte has its high bit set, then a byte at a time, not decoded.
    if (pos + 8 <= bytes.size() && eight_ascii(bytes, pos)) {
      pos += 8;
      continue;
    }
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t len = valid_sequence_length(bytes, pos);
    if (len == 0) return InvalidSequence{pos, invalid_span(bytes, pos), 0};
    pos += len;
  }
  return std::nullopt;
}

char32_t next(std::string_view text, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  std::size_t len = 1;
  char32_t cp = b0;
  if (b0 >= 0xF0) { len = 4; cp = b0 & 0x07; }
  else if (b0 >= 0xE0) { len = 3; cp = b0 & 0x0F; }
  else if (b0 >= 0xC0) { len = 2; cp = b0 & 0x1F; }
  for (std::size_t i = 1; i < len && pos + i < text.size(); ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  }
  pos += len;
  return cp;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(next(text, pos));
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += !is_continuation(static_cast<unsigned char>(c));
  return n;
}

std::size_t offset_of(std::string_view text, std::size_t index) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index && pos < text.size(); ++i) next(text, pos);
  return pos < text.size() ? pos : text.size();
}

int display_width(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F)) return 0;
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
                    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) width += static_cast<std::size_t>(display_width(next(text, pos)));
  return width;
}

}  // namespace zhunru::utf8
