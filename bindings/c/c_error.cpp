#include "c_error.hpp"

#include <cstdlib>
#include <cstring>

namespace zhunru::c_api {

void invalid_argument(LocalizedText message) {
  throw Failure(ZHUNRU_ERROR_INVALID_ARGUMENT, "c-api.invalid-argument", std::move(message));
}

void require(const void* pointer, const char* name) {
  if (pointer != nullptr) return;
  const std::string n(name);
  invalid_argument({"`" + n + "` must not be NULL", "参数 `" + n + "` 不能为 NULL"});
}

zhunru_status fail(zhunru_error** error, zhunru_status status, std::string code, LocalizedText message) noexcept {
  if (error == nullptr) return status;
  try {
    *error = new zhunru_error{status, std::move(code), std::move(message)};
  } catch (...) {
    *error = nullptr;  // no memory even for the error: the status still says why
  }
  return status;
}

char* copy_out(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

}  // namespace zhunru::c_api

extern "C" {

zhunru_status zhunru_error_status(const zhunru_error* error) {
  return error != nullptr ? error->status : ZHUNRU_ERROR_INVALID_ARGUMENT;
}

const char* zhunru_error_code(const zhunru_error* error) { return error != nullptr ? error->code.c_str() : ""; }

const char* zhunru_error_message(const zhunru_error* error, const char* lang) {
  if (error == nullptr) return "";
  const bool zh = lang != nullptr && std::strcmp(lang, "zh") == 0;
  return (zh ? error->message.zh : error->message.en).c_str();
}

void zhunru_error_free(zhunru_error* error) { delete error; }

void zhunru_string_free(char* text) { std::free(text); }

}  // extern "C"
