#include "base/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <cstdlib>

#include "base/utf8.hpp"

namespace zhunru {
namespace {

struct Scan {
  bool high = false;    // a byte ≥ 0x80: UTF-8 to validate
  bool escape = false;  // a byte < 0x20, `"` or `\\`
};

/// Bit tricks on 64-bit words: nonzero exactly when some byte is zero, or
/// less than 0x20 (Hacker's Delight; Anderson's "bit twiddling hacks").
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
constexpr std::uint64_t zero_bytes(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }
constexpr std::uint64_t bytes_below_0x20(std::uint64_t v) { return (v - kOnes * 0x20) & ~v & kHighs; }

/// Per byte: 1 when it must be escaped, 2 when it is ≥ 0x80.
constexpr auto kByteClass = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = static_cast<unsigned char>((c < 0x20 || c == '"' || c == '\\' ? 1 : 0) | (c >= 0x80 ? 2 : 0));
  }
  return table;
}();

Scan scan(std::string_view text) {
  std::uint64_t high = 0;
  std::uint64_t escape = 0;
  const auto test = [&](std::uint64_t w) {
    high |= w & kHighs;
    escape |= bytes_below_0x20(w) | zero_bytes(w ^ (kOnes * '"')) | zero_bytes(w ^ (kOnes * '\\'));
  };
  const auto load = [&](std::size_t at) {
    std::uint64_t w = 0;
    std::memcpy(&w, text.data() + at, 8);
    return w;
  };
  if (text.size() >= 8) {
    for (std::size_t i = 0; i + 8 <= text.size(); i += 8) test(load(i));
    test(load(text.size() - 8));  // the last bytes, in a word that overlaps the one before
  } else {
    // A few bytes: one at a time, by table (a padded word would stall on its store).
    unsigned char bits = 0;
    for (const char ch : text) bits |= kByteClass[static_cast<unsigned char>(ch)];
    high |= bits & 2U;
    escape |= bits & 1U;
  }
  // Both tests are exact for "some byte of the word": borrows may misplace
  // which byte, never whether one is there.
  return {high != 0, escape != 0};
}

}  // namespace

/// Strings that need checking or escaping: kept out of the fast path so it
/// stays small.
[[gnu::noinline]] void JsonWriter::write_checked(std::string_view text, bool high) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Invalid UTF-8 (never from validated input, but a Decision is a plain
  // struct): repaired, not thrown about.
  std::string repaired;
  if (high && utf8::first_invalid(text)) {
    std::vector<utf8::InvalidSequence> invalid;
    repaired = utf8::repair(text, invalid);
    text = repaired;
  }
  put('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    put(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        put(std::string_view(escaped, sizeof escaped));
      }
    }
  }
  put(text.substr(plain));
  put('"');
}

[[gnu::noinline]] void JsonWriter::make_room(std::size_t n) {
  // Exposes a little room at a time (resize zero-fills what it exposes, and a
  // writer may append to a long string: a batch's chunk of answers); the
  // string's own capacity still grows geometrically. 256 bytes, not more: a
  // short answer would otherwise spend more on zeroes than on its text.
  out_.resize(size_ + n + 256);
}

void JsonWriter::write_string(std::string_view text) {
  // One pass, eight bytes at a time, finds whether anything needs escaping
  // (a control byte, `"`, `\\`) or checking (a byte ≥ 0x80); most strings —
  // names, codes, ids — need neither and are copied whole.
  const Scan found = scan(text);
  if (found.high || found.escape) {
    write_checked(text, found.high);
    return;
  }
  char* at = grow(text.size() + 2);
  at[0] = '"';
  std::memcpy(at + 1, text.data(), text.size());
  at[text.size() + 1] = '"';
}

void append_json_string(std::string& out, std::string_view text) { JsonWriter(out, 0).write_string(text); }

void append_json_number(std::string& out, double number) { JsonWriter(out, 0).write_number(number); }

void JsonWriter::write_number(double number) {
  if (!std::isfinite(number)) {
    put("null");
    return;
  }
  if (number == 0.0) {
    put(std::signbit(number) ? "-0.0" : "0.0");
    return;
  }
  // Shortest round-trip digits and the decimal exponent, from to_chars'
  // scientific form ("-1.2345e+02"), laid out as nlohmann lays them out.
  char sci_buf[40];
  const auto result = std::to_chars(sci_buf, sci_buf + sizeof sci_buf, number, std::chars_format::scientific);
  const std::string_view sci(sci_buf, static_cast<std::size_t>(result.ptr - sci_buf));
  const std::size_t e = sci.find('e');
  std::string_view mantissa = sci.substr(0, e);
  if (mantissa.starts_with('-')) {
    put('-');
    mantissa.remove_prefix(1);
  }
  char digit_buf[24];
  int k = 0;
  for (char c : mantissa) {
    if (c != '.') digit_buf[k++] = c;
  }
  const std::string_view digits(digit_buf, static_cast<std::size_t>(k));
  int exponent = 0;
  const std::string_view exponent_text = sci.substr(e + (sci[e + 1] == '+' ? 2 : 1));  // from_chars takes no '+'
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  const int n = exponent + 1;  // the decimal point sits after n digits
  const auto zeros = [this](int count) {
    for (int i = 0; i < count; ++i) put('0');
  };
  if (k <= n && n <= 15) {  // 1234e7 → 12340000000.0
    put(digits);
    zeros(n - k);
    put(".0");
  } else if (0 < n && n <= 15) {  // 1234e-2 → 12.34
    put(digits.substr(0, static_cast<std::size_t>(n)));
    put('.');
    put(digits.substr(static_cast<std::size_t>(n)));
  } else if (-4 < n && n <= 0) {  // 1234e-6 → 0.001234
    put("0.");
    zeros(-n);
    put(digits);
  } else {  // 1e-07, 1.5e+20: at least two exponent digits, as nlohmann writes them
    put(digits[0]);
    if (k > 1) {
      put('.');
      put(digits.substr(1));
    }
    const int shown = n - 1;
    put(shown < 0 ? "e-" : "e+");
    const int magnitude = std::abs(shown);
    if (magnitude < 10) put('0');
    char exp_buf[8];
    const auto end = std::to_chars(exp_buf, exp_buf + sizeof exp_buf, magnitude).ptr;
    put(std::string_view(exp_buf, static_cast<std::size_t>(end - exp_buf)));
  }
}

void JsonWriter::newline_indent() {
  if (indent_ == 0) return;
  put('\n');
  const std::size_t spaces = has_items_.size() * static_cast<std::size_t>(indent_);
  std::memset(grow(spaces), ' ', spaces);
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the document itself
  if (has_items_.back() != 0) put(',');
  has_items_.back() = 1;
  newline_indent();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  write_string(name);
  put(':');
  if (indent_ != 0) put(' ');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  put('{');
  has_items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  put('[');
  has_items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool any = has_items_.back() != 0;
  has_items_.pop_back();
  if (any) newline_indent();
  put('}');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool any = has_items_.back() != 0;
  has_items_.pop_back();
  if (any) newline_indent();
  put(']');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  write_number(number);
  return *this;
}

JsonWriter& JsonWriter::value(bool truth) {
  before_value();
  put(truth ? "true" : "false");
  return *this;
}

template <class Integer>
JsonWriter& JsonWriter::write_integer(Integer number) {
  before_value();
  char buf[24];  // the longest 64-bit integer, sign included, is 20 characters
  const auto end = std::to_chars(buf, buf + sizeof buf, number).ptr;
  put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t count) { return write_integer(count); }
JsonWriter& JsonWriter::integer(std::int64_t number) { return write_integer(number); }

JsonWriter& JsonWriter::null() {
  before_value();
  put("null");
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& s : items) value(s);
  return end_array();
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  put(json);
  return *this;
}

}  // namespace zhunru
