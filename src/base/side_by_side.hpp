// Independent pieces of work spread over the cores with oneTBB — or run one
// after another under ThreadSanitizer, which cannot see oneTBB's hand-offs
// (base/sanitizers.hpp). One place for that choice, for every caller.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <cstddef>

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

}  // namespace zhunru
