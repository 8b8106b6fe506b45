// Writing JSON straight into a string: what every answer zhunru gives is
// written with (decisions, screening records, schemas). Building an
// nlohmann tree first cost three quarters of a decision's JSON path; this
// writes the same bytes (nlohmann's `dump(2)` layout and number format) or
// the same document on one line, with no tree and no allocation per value.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>

namespace zhunru {

/// Appends to `out`. While the writer lives, `out` may hold unwritten
/// room at its end (writes go by pointer, not through std::string's
/// out-of-line push_back); finish() — or the destructor — trims it. Touch
/// `out` only after finish().
class JsonWriter {
 public:
  /// `indent` 0: one line, no spaces (NDJSON); otherwise that many spaces a level.
  explicit JsonWriter(std::string& out, int indent = 2) : out_(out), size_(out.size()), indent_(indent) {}
  ~JsonWriter() { finish(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Trims `out` to what was written. Idempotent.
  void finish() { out_.resize(size_); }
  /// A line break between documents (NDJSON), outside any container.
  JsonWriter& end_line() {
    put('\n');
    return *this;
  }

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
  /// A signed integer, as nlohmann prints one (named apart: an int would fit several value() overloads).
  JsonWriter& integer(std::int64_t number);
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
  friend void append_json_string(std::string& out, std::string_view text);
  friend void append_json_number(std::string& out, double number);

  void before_value();
  void newline_indent();
  void write_string(std::string_view text);
  void write_checked(std::string_view text, bool high);
  void write_number(double number);
  template <class Integer>
  JsonWriter& write_integer(Integer number);
  void make_room(std::size_t n);

  /// Room for `n` more bytes, at the end of what was written.
  char* grow(std::size_t n) {
    if (size_ + n > out_.size()) [[unlikely]] make_room(n);
    char* at = out_.data() + size_;
    size_ += n;
    return at;
  }
  void put(char c) { *grow(1) = c; }
  void put(std::string_view s) {
    if (!s.empty()) std::memcpy(grow(s.size()), s.data(), s.size());
  }

  std::string& out_;
  std::size_t size_;
  int indent_;
  // Per open container: whether it has a member yet. Depth is bounded by the
  // code that writes (decisions nest four deep), never by input; held inline
  // up to 16 deep, so a writer allocates nothing of its own.
  boost::container::small_vector<unsigned char, 16> has_items_;
  bool after_key_ = false;
};

/// `text` as a JSON string literal appended to `out`, escaped as nlohmann
/// escapes it (UTF-8 kept; invalid bytes become U+FFFD rather than throwing).
void append_json_string(std::string& out, std::string_view text);

/// `number` as nlohmann prints a double: shortest round-trip digits, fixed
/// notation for exponents −4…15, at least one decimal ("1.0"), null when not finite.
void append_json_number(std::string& out, double number);

}  // namespace zhunru
