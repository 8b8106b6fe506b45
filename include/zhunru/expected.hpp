// A value or an error: how zhunru's library reports failure without
// exceptions. The surface of C++23's std::expected:
//
//   auto project = zhunru::load_project_json(*ruleset, text);
//   if (!project) { for (const auto& e : project.error()) std::cerr << e.code << ": " << e.message.en << '\n'; }
//   else use(project.value());
//
// Reading the value of a failure (value(), *, ->) or the error of a success
// throws zhunru::BadExpectedAccess, whose what() names the error, instead
// of failing somewhere deep in the standard library.
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace zhunru {

/// Thrown when a result is read as what it is not. A programming error in
/// the caller: check has_value() (or the bool conversion) first.
class BadExpectedAccess : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {
// The error as text for BadExpectedAccess, where zhunru knows how to say it
// (a describe_error overload found by ADL); "" otherwise.
template <class E>
std::string describe_for_access(const E& error) {
  if constexpr (requires { describe_error(error); }) {
    return describe_error(error);
  } else {
    return std::string();
  }
}
}  // namespace detail

/// Holds either a T or an E.
template <class T, class E>
class Expected {
 public:
  using value_type = T;
  using error_type = E;

  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  static Expected failure(E error) { return Expected(std::in_place_index<1>, std::move(error)); }

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  [[nodiscard]] const T& value() const& { return std::get<0>(checked_value()); }
  [[nodiscard]] T& value() & { return std::get<0>(checked_value()); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(checked_value())); }

  [[nodiscard]] const E& error() const& {
    if (has_value()) throw BadExpectedAccess("zhunru: error() read on a result that holds a value");
    return std::get<1>(state_);
  }
  [[nodiscard]] E&& error() && {
    if (has_value()) throw BadExpectedAccess("zhunru: error() read on a result that holds a value");
    return std::get<1>(std::move(state_));
  }

  /// The value, or `fallback` converted to T when this is a failure.
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) && {
    return has_value() ? std::get<0>(std::move(state_)) : static_cast<T>(std::forward<U>(fallback));
  }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  template <std::size_t I, class U>
  Expected(std::in_place_index_t<I> tag, U&& u) : state_(tag, std::forward<U>(u)) {}

  const std::variant<T, E>& checked_value() const {
    if (!has_value()) fail();
    return state_;
  }
  std::variant<T, E>& checked_value() {
    if (!has_value()) fail();
    return state_;
  }
  [[noreturn]] void fail() const {
    const std::string why = detail::describe_for_access(std::get<1>(state_));
    throw BadExpectedAccess("zhunru: value() read on a failed result" + (why.empty() ? "" : ": " + why) +
                            " (check has_value() first)");
  }

  std::variant<T, E> state_;
};

}  // namespace zhunru
