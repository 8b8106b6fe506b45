// The C API's errors, and the guard every entry point runs its body in: no
// C++ exception crosses into C; each becomes a status and a zhunru_error.
#pragma once

#include <new>
#include <stdexcept>
#include <string>

#include "zhunru/localized.hpp"
#include "zhunru/zhunru.h"

struct zhunru_error {
  zhunru_status status = ZHUNRU_ERROR_INTERNAL;
  std::string code;
  zhunru::LocalizedText message;
};

namespace zhunru::c_api {

/// Thrown inside an entry point to fail it with this status, code and message.
struct Failure : std::exception {
  Failure(zhunru_status status, std::string code, LocalizedText message)
      : status(status), code(std::move(code)), message(std::move(message)) {}
  [[nodiscard]] const char* what() const noexcept override { return message.en.c_str(); }
  zhunru_status status;
  std::string code;
  LocalizedText message;
};

/// A NULL or otherwise unusable argument.
[[noreturn]] void invalid_argument(LocalizedText message);
/// Throws invalid_argument when `pointer` is NULL, naming the parameter.
void require(const void* pointer, const char* name);

/// Writes the error (when the caller asked for one) and returns its status.
zhunru_status fail(zhunru_error** error, zhunru_status status, std::string code, LocalizedText message) noexcept;

/// Runs `body` (which returns nothing and writes its outputs), mapping every
/// exception to a status and an error.
template <class Body>
zhunru_status guarded(zhunru_error** error, Body&& body) noexcept {
  if (error != nullptr) *error = nullptr;
  try {
    body();
    return ZHUNRU_OK;
  } catch (const Failure& f) {
    return fail(error, f.status, f.code, f.message);
  } catch (const std::bad_alloc&) {
    return fail(error, ZHUNRU_ERROR_OUT_OF_MEMORY, "c-api.out-of-memory", {"out of memory", "内存不足"});
  } catch (const std::exception& e) {
    return fail(error, ZHUNRU_ERROR_INTERNAL, "internal",
                {std::string("internal error: ") + e.what(), std::string("内部错误：") + e.what()});
  } catch (...) {
    return fail(error, ZHUNRU_ERROR_INTERNAL, "internal", {"internal error", "内部错误"});
  }
}

/// A copy of `text` the caller frees with zhunru_string_free.
char* copy_out(const std::string& text);

/// The shape of every call with one output: `*out` is NULL unless the call
/// succeeds; `make` runs in the guard, after `out` is checked, and returns
/// what `*out` receives (a string from copy_out, a new ruleset handle).
template <class Out, class Make>
zhunru_status answered(zhunru_error** error, Out** out, const char* name, Make&& make) noexcept {
  if (out != nullptr) *out = nullptr;
  return guarded(error, [&] {
    require(out, name);
    *out = make();
  });
}

}  // namespace zhunru::c_api
