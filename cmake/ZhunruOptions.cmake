# Compile options shared by every target we write ourselves.
# Generated ANTLR code gets its own, laxer flags (see ZhunruAntlr.cmake).
#
# Warnings are always on; turning them into errors is for our own
# development builds and CI (-DZHUNRU_WERROR=ON), never the default: a user
# or packager on another compiler or flag set must not fail on a warning we
# never saw.

add_library(zhunru_warnings INTERFACE)
target_compile_options(zhunru_warnings INTERFACE -Wall -Wextra)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # g++ 12 at -O2/-O3 reports `"literal" + std::string` as overlapping
  # memcpy (GCC bug 105651, a false positive inside libstdc++): off for g++ 12.
  target_compile_options(zhunru_warnings INTERFACE -Wno-restrict)
endif()
if(ZHUNRU_WERROR)
  target_compile_options(zhunru_warnings INTERFACE -Werror)
endif()

set(_zhunru_sanitizers 0)
foreach(opt ZHUNRU_SANITIZE ZHUNRU_TSAN ZHUNRU_FUZZ)
  if(${opt})
    math(EXPR _zhunru_sanitizers "${_zhunru_sanitizers} + 1")
  endif()
endforeach()
if(_zhunru_sanitizers GREATER 1)
  message(FATAL_ERROR "ZHUNRU_SANITIZE, ZHUNRU_TSAN and ZHUNRU_FUZZ are separate builds: choose one")
endif()

if(ZHUNRU_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(ZHUNRU_TSAN)
  # ThreadSanitizer: run the multi-threaded tests with TSAN_OPTIONS pointing
  # at tsan.supp (docs/robustness.md says why each suppression is there).
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

if(ZHUNRU_FUZZ)
  # libFuzzer targets (fuzz/): everything is instrumented for coverage and
  # checked by ASan+UBSan; only the targets link libFuzzer's main.
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ZHUNRU_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
