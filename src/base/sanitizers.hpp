// Whether this build runs under ThreadSanitizer.
//
// Debian's oneTBB is not built for TSan, so the happens-before edges of its
// scheduler are invisible to it and every hand-off between its threads is
// reported as a race (docs/robustness.md). Work that only uses oneTBB to
// spread independent pieces over cores can run them one after another under
// TSan instead, so that the rest of the suite stays checkable.
#pragma once

namespace zhunru {

#if defined(__SANITIZE_THREAD__)
inline constexpr bool kUnderThreadSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
inline constexpr bool kUnderThreadSanitizer = true;
#else
inline constexpr bool kUnderThreadSanitizer = false;
#endif
#else
inline constexpr bool kUnderThreadSanitizer = false;
#endif

}  // namespace zhunru
