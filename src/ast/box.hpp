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

}  // namespace zhunru::ast
