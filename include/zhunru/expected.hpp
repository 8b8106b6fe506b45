// A value or an error: how zhunru's library reports failure without exceptions.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace zhunru {

/// Holds either a T or an E. Minimal stand-in for C++23 std::expected.
template <class T, class E>
class Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  static Expected failure(E error) { return Expected(std::in_place_index<1>, std::move(error)); }

  [[nodiscard]] bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  [[nodiscard]] const T& value() const& { assert(has_value()); return std::get<0>(state_); }
  [[nodiscard]] T& value() & { assert(has_value()); return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { assert(has_value()); return std::get<0>(std::move(state_)); }
  [[nodiscard]] const E& error() const { assert(!has_value()); return std::get<1>(state_); }

  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  template <std::size_t I, class U>
  Expected(std::in_place_index_t<I> tag, U&& u) : state_(tag, std::forward<U>(u)) {}
  std::variant<T, E> state_;
};

}  // namespace zhunru
