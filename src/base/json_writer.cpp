#include "base/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <cstdlib>

#include "base/utf8.hpp"

namespace zhunru {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // One branch-free pass finds whether anything needs escaping or checking;
  // most strings (names, codes, ids) need neither and are copied whole.
  unsigned char high = 0;
  bool escape = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    high |= c;
    escape |= c < 0x20 || c == '"' || c == '\\';
  }
  // Invalid UTF-8 (never from validated input, but a Decision is a plain
  // struct): repaired, not thrown about.
  std::string repaired;
  if (high >= 0x80 && utf8::first_invalid(text)) {
    std::vector<utf8::InvalidSequence> invalid;
    repaired = utf8::repair(text, invalid);
    text = repaired;
  }
  if (!escape) {
    const std::size_t at = out.size();
    out.resize(at + text.size() + 2);
    char* p = out.data() + at;
    p[0] = '"';
    std::memcpy(p + 1, text.data(), text.size());
    p[text.size() + 1] = '"';
    return;
  }
  out.push_back('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(text.substr(plain));
  out.push_back('"');
}

void append_json_number(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  if (number == 0.0) {
    out += std::signbit(number) ? "-0.0" : "0.0";
    return;
  }
  // Shortest round-trip digits and the decimal exponent, from to_chars'
  // scientific form ("-1.2345e+02"), laid out as nlohmann lays them out.
  char buf[40];
  const auto result = std::to_chars(buf, buf + sizeof buf, number, std::chars_format::scientific);
  const std::string_view sci(buf, static_cast<std::size_t>(result.ptr - buf));
  const std::size_t e = sci.find('e');
  std::string_view mantissa = sci.substr(0, e);
  if (mantissa.starts_with('-')) {
    out.push_back('-');
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = 0;
  const std::string_view exponent_text = sci.substr(e + (sci[e + 1] == '+' ? 2 : 1));  // from_chars takes no '+'
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;  // the decimal point sits after n digits
  if (k <= n && n <= 15) {     // 1234e7 → 12340000000.0
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= 15) {  // 1234e-2 → 12.34
    out.append(digits, 0, static_cast<std::size_t>(n));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-4 < n && n <= 0) {  // 1234e-6 → 0.001234
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {  // 1e-07, 1.5e+20: at least two exponent digits, as nlohmann writes them
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    const int shown = n - 1;
    out += shown < 0 ? "e-" : "e+";
    const int magnitude = std::abs(shown);
    if (magnitude < 10) out.push_back('0');
    out += std::to_string(magnitude);
  }
}

void JsonWriter::newline_indent() {
  if (indent_ == 0) return;
  out_.push_back('\n');
  out_.append(has_items_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the document itself
  if (has_items_.back() != 0) out_.push_back(',');
  has_items_.back() = 1;
  newline_indent();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_.push_back(':');
  if (indent_ != 0) out_.push_back(' ');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  has_items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  has_items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool any = has_items_.back() != 0;
  has_items_.pop_back();
  if (any) newline_indent();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool any = has_items_.back() != 0;
  has_items_.pop_back();
  if (any) newline_indent();
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  append_json_number(out_, number);
  return *this;
}

JsonWriter& JsonWriter::value(bool truth) {
  before_value();
  out_ += truth ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t count) {
  before_value();
  out_ += std::to_string(count);
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const std::string& s : items) value(s);
  return end_array();
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

}  // namespace zhunru
