// The binary encoding of a snapshot's payload: fixed-width little-endian
// numbers, length-prefixed strings and lists, a flag before an optional, an
// index before a variant's alternative. A struct is encoded by listing its
// members once in a `fields(io, value)` function that both the Writer and
// the Reader call, so the two directions cannot drift apart.
//
// The Reader is for bytes anyone may have crafted (the payload's checksum
// proves nothing against a deliberate forgery): every read is bounds-checked,
// every enumerator range-checked, and a list's count is believed only as far
// as the bytes left could hold it (and reserved for only up to 1 GiB) —
// memory grows with the bytes actually decoded, not with a count read from
// the file. Anything wrong throws Damaged; the loader turns that into a
// refusal.
#pragma once

#include <algorithm>
#include <bit>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "base/utf8.hpp"
#include "zhunru/quantity.hpp"

namespace zhunru {

/// `fields(io, Is<S> auto& s)` takes an S to write (const) or to read.
template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

}  // namespace zhunru

namespace zhunru::snapshot {

/// The payload does not decode: cut short, or a value out of its range.
class Damaged : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How many enumerators `E` has, for range checks on reading; specialised
/// next to the fields of the structs that hold them (snapshot_model.cpp).
template <class E>
struct EnumCount;

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsShared : std::false_type {};
template <class T>
struct IsShared<std::shared_ptr<const T>> : std::true_type {};
template <class T>
struct IsVariant : std::false_type {};
template <class... T>
struct IsVariant<std::variant<T...>> : std::true_type {};

/// Numbers whose every bit pattern is a value, stored as their bytes: a
/// list of them is written and read in one copy.
template <class T>
struct IsNumberList : std::false_type {};
template <class T>
struct IsNumberList<std::vector<T>>
    : std::bool_constant<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>> {};

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

  void raw(std::string_view bytes) {
    count(bytes.size());
    out_.append(bytes);
  }
  /// A text that may hold any bytes (a file path), where operator() takes
  /// UTF-8 text; written alike.
  void bytes(const std::string& text) { raw(text); }

  /// A length-prefixed blob whose bytes `fill` writes through this Writer
  /// (read back by Reader::raw()): a part of the payload a loader can hand
  /// to another thread without decoding what comes before it.
  template <class Fill>
  void blob(Fill&& fill) {
    const std::size_t at = out_.size();
    fixed(std::uint32_t{0});
    fill(*this);
    const std::size_t n = out_.size() - at - sizeof(std::uint32_t);
    if (n > UINT32_MAX) throw std::length_error("a part too long for a snapshot");
    const auto length = static_cast<std::uint32_t>(n);
    std::memcpy(out_.data() + at, &length, sizeof length);
  }

 private:
  template <class T>
  void fixed(T v) {
    static_assert(std::endian::native == std::endian::little, "snapshots are written little-endian");
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void count(std::size_t n) {
    if (n > UINT32_MAX) throw std::length_error("a list too long for a snapshot");
    fixed(static_cast<std::uint32_t>(n));
  }

  template <class T>
  void put(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      fixed(static_cast<std::uint8_t>(v));
    } else if constexpr (std::is_enum_v<T>) {
      fixed(static_cast<std::uint8_t>(v));
    } else if constexpr (std::is_arithmetic_v<T>) {
      fixed(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      raw(v);
    } else if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
      fixed(static_cast<std::int32_t>(static_cast<int>(v.year())));
      fixed(static_cast<std::uint8_t>(static_cast<unsigned>(v.month())));
      fixed(static_cast<std::uint8_t>(static_cast<unsigned>(v.day())));
    } else if constexpr (IsNumberList<T>::value) {
      count(v.size());  // the same bytes as item by item, in one copy
      out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(typename T::value_type));
    } else if constexpr (IsVector<T>::value) {
      count(v.size());
      for (const auto& item : v) put(item);
    } else if constexpr (IsOptional<T>::value) {
      fixed(static_cast<std::uint8_t>(v.has_value()));
      if (v) put(*v);
    } else if constexpr (IsShared<T>::value) {  // as an optional: a flag, then the value
      fixed(static_cast<std::uint8_t>(v != nullptr));
      if (v) put(*v);
    } else if constexpr (IsVariant<T>::value) {
      fixed(static_cast<std::uint8_t>(v.index()));
      std::visit([this](const auto& alternative) { this->put(alternative); }, v);
    } else {
      fields(*this, v);  // a struct: its members, found by ADL
    }
  }

  std::string& out_;
};

class Reader {
  static constexpr std::size_t kMaxReservedBytes = std::size_t{1} << 30;

 public:
  explicit Reader(std::string_view in) : in_(in) {}

  // The units a unit's text is read in: the ruleset's own, once they are read.
  const UnitSet* units = nullptr;

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  /// Bytes of a length-prefixed blob, viewed in place.
  std::string_view raw() {
    const std::size_t n = fixed<std::uint32_t>();
    return take(n);
  }

  /// A text that may hold any bytes (a file path): not checked for UTF-8.
  void bytes(std::string& text) { text = std::string(raw()); }

  /// A text written as a std::string, viewed in place (checked as UTF-8
  /// like every text read): for a reader that keeps it in a form of its own.
  std::string_view text() {
    const std::string_view t = raw();
    if (utf8::first_invalid(t)) throw Damaged("a text in the snapshot is not UTF-8");
    return t;
  }

  [[nodiscard]] bool at_end() const { return in_.empty(); }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size()) throw Damaged("the snapshot's payload is cut short");
    const std::string_view out = in_.substr(0, n);
    in_.remove_prefix(n);
    return out;
  }
  template <class T>
  T fixed() {
    T v;
    std::memcpy(&v, take(sizeof(T)).data(), sizeof(T));
    return v;
  }
  /// A list's length; each item takes at least one byte, so a count beyond
  /// the bytes left is damage, found before anything is allocated.
  std::size_t count() {
    const std::size_t n = fixed<std::uint32_t>();
    if (n > in_.size()) throw Damaged("a list in the snapshot is longer than the snapshot");
    return n;
  }

  template <class T>
  void get(T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      const auto b = fixed<std::uint8_t>();
      if (b > 1) throw Damaged("a yes/no value in the snapshot is neither");
      v = b == 1;
    } else if constexpr (std::is_enum_v<T>) {
      const auto e = fixed<std::uint8_t>();
      if (e >= EnumCount<T>::value) throw Damaged("a value in the snapshot is out of its range");
      v = static_cast<T>(e);
    } else if constexpr (std::is_arithmetic_v<T>) {
      v = fixed<T>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      // Text reaches answers: it is UTF-8, as every text zhunru reads must be.
      v = std::string(text());
    } else if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
      const auto y = fixed<std::int32_t>();
      const auto m = fixed<std::uint8_t>();
      const auto d = fixed<std::uint8_t>();
      v = std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
      if (!v.ok()) throw Damaged("a date in the snapshot is not a date");
    } else if constexpr (IsNumberList<T>::value) {
      const std::size_t n = count();
      const std::string_view bytes = take(n * sizeof(typename T::value_type));
      v.resize(n);
      if (n != 0) std::memcpy(v.data(), bytes.data(), bytes.size());  // an empty vector's data() may be null
    } else if constexpr (IsVector<T>::value) {
      const std::size_t n = count();
      v.clear();
      // Room for at most 1 GiB up front (a national list's rules fit): a
      // forged count cannot reserve more, and past it the list grows only
      // as items actually decode.
      v.reserve(std::min(n, kMaxReservedBytes / sizeof(typename T::value_type)));
      for (std::size_t i = 0; i < n; ++i) get(v.emplace_back());
    } else if constexpr (IsOptional<T>::value) {
      bool present = false;
      get(present);
      if (present) {
        get(v.emplace());
      } else {
        v.reset();
      }
    } else if constexpr (IsShared<T>::value) {
      bool present = false;
      get(present);
      v.reset();
      if (present) {
        auto value = std::make_shared<std::remove_const_t<typename T::element_type>>();
        get(*value);
        v = std::move(value);
      }
    } else if constexpr (IsVariant<T>::value) {
      get_alternative(v, fixed<std::uint8_t>(), std::make_index_sequence<std::variant_size_v<T>>{});
    } else {
      fields(*this, v);
    }
  }

  template <class V, std::size_t... I>
  void get_alternative(V& v, std::size_t index, std::index_sequence<I...>) {
    if (index >= sizeof...(I)) throw Damaged("a node in the snapshot is of no known kind");
    static_cast<void>(((index == I ? (get(v.template emplace<I>()), true) : false) || ...));
  }

  std::string_view in_;
};

}  // namespace zhunru::snapshot
