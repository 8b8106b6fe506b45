// Independent pieces of work spread over the cores with oneTBB — or run one
// after another under ThreadSanitizer, which cannot see oneTBB's hand-offs
// (base/sanitizers.hpp). One place for that choice, for every caller.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_group.h>

#include <cstddef>
#include <functional>
#include <optional>

#include "base/sanitizers.hpp"

namespace zhunru {

/// Runs every function in `work` (two or more), side by side.
template <class... F>
void side_by_side(const F&... work) {
  static_assert(sizeof...(F) >= 2, "side_by_side runs two or more pieces of work");
  if constexpr (kUnderThreadSanitizer) {
    (work(), ...);
  } else {
    tbb::parallel_invoke(work...);
  }
}

/// Runs `work(i)` for every i in [0, n), each i on whichever core is free.
template <class F>
void for_each_index(std::size_t n, const F& work) {
  if constexpr (kUnderThreadSanitizer) {
    for (std::size_t i = 0; i < n; ++i) work(i);
  } else {
    tbb::parallel_for(std::size_t{0}, n, work);
  }
}

/// The results of `make(0)`, `make(1)`, … taken in order by one consumer,
/// each made on another core while the consumer works on the one before:
/// `take(i)` returns `make(i)` and starts making `make(i + 1)`. Only one result
/// is ever made ahead, so at most two are alive at once. `retired`, the
/// consumer's last reference to what it is done with, is destroyed on that
/// other core too (freeing a large tree costs as much as making it).
template <class T>
class ReadAhead {
 public:
  ReadAhead(std::size_t n, std::function<T(std::size_t)> make) : n_(n), make_(std::move(make)) {}
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead() { group_.wait(); }

  T take(std::size_t i, T retired = T()) {
    group_.wait();
    T got = ahead_index_ == i && ahead_ ? std::move(*ahead_) : make_(i);
    ahead_.reset();
    ahead_index_ = i + 1;
    retiring_.emplace(std::move(retired));
    const auto work = [this, next = i + 1] {
      retiring_.reset();
      if (next < n_) ahead_.emplace(make_(next));
    };
    if constexpr (kUnderThreadSanitizer) {
      work();
    } else {
      group_.run(work);
    }
    return got;
  }

 private:
  std::size_t n_;
  std::function<T(std::size_t)> make_;
  std::optional<T> ahead_;
  std::optional<T> retiring_;
  std::size_t ahead_index_ = 0;
  tbb::task_group group_;
};

}  // namespace zhunru
