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
/// is made ahead. ReadAhead keeps a copy of what it handed out until the next
/// take and drops it on that other core: for a shared handle (the consumer
/// done with it by then), the last reference — freeing a large tree costs as
/// much as making it — goes there.
template <class T>
class ReadAhead {
 public:
  ReadAhead(std::size_t n, std::function<T(std::size_t)> make) : n_(n), make_(std::move(make)) {}
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead() {
    try {
      group_.wait();
    } catch (...) {  // the consumer stopped early (it threw); what was made ahead is not wanted
    }
  }

  T take(std::size_t i) {
    group_.wait();
    T got = ahead_index_ == i && ahead_ ? std::move(*ahead_) : make_(i);
    ahead_.reset();
    ahead_index_ = i + 1;
    retiring_ = std::move(handed_out_);
    handed_out_ = got;
    const auto work = [this, next = i + 1] {
      retiring_ = T();
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
  T handed_out_{};  // a copy of the last result taken
  T retiring_{};    // the one before: dropped on the other core
  std::size_t ahead_index_ = 0;
  tbb::task_group group_;
};

}  // namespace zhunru
