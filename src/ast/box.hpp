// A value held on the heap, with value semantics (copying copies the value).
//
// The AST keeps every condition node of a ruleset in one arena, and a variant
// is as large as its largest alternative: a spatial scope (248 bytes) or a
// quantity literal (152) made every node 280 bytes, most of them names and
// comparisons of a few dozen. Boxing those two alternatives keeps the nodes
// small — at national scale (1.15 M rules) the ASTs are most of the memory a
// compile needs.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace zhunru::ast {

template <class T>
class Box {
 public:
  Box(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, as the value itself
  Box(const Box& other) : value_(std::make_unique<T>(*other.value_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) value_ = std::make_unique<T>(*other.value_);
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  const T& operator*() const { return *value_; }
  T& operator*() { return *value_; }
  const T* operator->() const { return value_.get(); }
  T* operator->() { return value_.get(); }
  friend bool operator==(const Box& a, const Box& b) { return *a == *b; }

 private:
  std::unique_ptr<T> value_;
};

/// An optional value held on the heap: what `std::optional<T>` says, in the
/// space of one pointer. For members most nodes leave empty (a limit clause,
/// a table name, a rule's weight), so that the empty case costs 8 bytes
/// instead of the value's size.
template <class T>
class OptionalBox {
 public:
  OptionalBox() = default;
  OptionalBox(std::nullopt_t) {}                                          // NOLINT: as std::optional
  OptionalBox(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: as std::optional
  OptionalBox(const OptionalBox& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
  OptionalBox(OptionalBox&&) noexcept = default;
  OptionalBox& operator=(const OptionalBox& other) {
    if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
    return *this;
  }
  OptionalBox& operator=(OptionalBox&&) noexcept = default;
  ~OptionalBox() = default;

  explicit operator bool() const { return value_ != nullptr; }
  [[nodiscard]] bool has_value() const { return value_ != nullptr; }
  const T& operator*() const { return *value_; }
  T& operator*() { return *value_; }
  const T* operator->() const { return value_.get(); }
  T* operator->() { return value_.get(); }
  friend bool operator==(const OptionalBox& a, const OptionalBox& b) {
    return a && b ? *a == *b : a.has_value() == b.has_value();
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace zhunru::ast
