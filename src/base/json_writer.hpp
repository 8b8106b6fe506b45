// Writing JSON straight into a string: what every answer zhunru gives is
// written with (decisions, screening records, schemas). Building an
// nlohmann tree first cost three quarters of a decision's JSON path; this
// writes the same bytes (nlohmann's `dump(2)` layout and number format) or
// the same document on one line, with no tree and no allocation per value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhunru {

class JsonWriter {
 public:
  /// `indent` 0: one line, no spaces (NDJSON); otherwise that many spaces a level.
  explicit JsonWriter(std::string& out, int indent = 2) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The name of the next member of the open object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool truth);
  JsonWriter& value(std::size_t count);
  JsonWriter& null();
  /// A list of strings.
  JsonWriter& strings(const std::vector<std::string>& items);
  /// A value that is already JSON text, on one line (the caller vouches for it).
  JsonWriter& raw(std::string_view json);

  /// key(name).value(v), the common case.
  template <class T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

 private:
  void before_value();
  void newline_indent();

  std::string& out_;
  int indent_;
  // Per open container: whether it has a member yet. Depth is bounded by the
  // code that writes (decisions nest four deep), never by input.
  std::vector<unsigned char> has_items_;
  bool after_key_ = false;
};

/// `text` as a JSON string literal appended to `out`, escaped as nlohmann
/// escapes it (UTF-8 kept; invalid bytes become U+FFFD rather than throwing).
void append_json_string(std::string& out, std::string_view text);

/// `number` as nlohmann prints a double: shortest round-trip digits, fixed
/// notation for exponents −4…15, at least one decimal ("1.0"), null when not finite.
void append_json_number(std::string& out, double number);

}  // namespace zhunru
