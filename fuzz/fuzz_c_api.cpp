// The C API with fuzzed text in every role a caller fills with text: options
// of evaluate and screen, an applies query, a project, a batch. Whatever the
// bytes, each call keeps the API's promises: ZHUNRU_OK with an answer and no
// error, or another status with no answer and an error that has a code and
// messages in both languages.
#include <string>

#include "common.hpp"
#include "zhunru/zhunru.h"

namespace {

using zhunru::fuzz::fail;

const zhunru_ruleset* chongqing_handle() {
  static zhunru_ruleset* rs = [] {
    zhunru_ruleset* made = nullptr;
    const std::string dir = std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing";
    if (zhunru_compile_directory(dir.c_str(), nullptr, &made, nullptr) != ZHUNRU_OK) fail("rules/chongqing");
    return made;
  }();
  return rs;
}

/// The promises of one call: `status`, its answer(s) and its error.
void kept(const char* call, zhunru_status status, char* answer, zhunru_error* error) {
  if (status == ZHUNRU_OK) {
    if (answer == nullptr || error != nullptr) fail(std::string(call) + ": OK without an answer, or with an error");
  } else {
    if (answer != nullptr) fail(std::string(call) + ": an answer with a failure");
    if (error == nullptr || zhunru_error_status(error) != status || *zhunru_error_code(error) == '\0' ||
        *zhunru_error_message(error, "en") == '\0' || *zhunru_error_message(error, "zh") == '\0') {
      fail(std::string(call) + ": a failure without its code and messages");
    }
  }
  zhunru_string_free(answer);
  zhunru_error_free(error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const zhunru_ruleset* rs = chongqing_handle();
  const std::string text = zhunru::fuzz::text_of(data, size);  // NUL-terminated for the options
  static const std::string project = R"({"industry": "C2614", "units": ["ZH50011520001"]})";
  char* out = nullptr;
  zhunru_error* err = nullptr;
  // Each call first, then its promises: arguments are evaluated in no fixed order.
  zhunru_status status = zhunru_evaluate(rs, project.data(), project.size(), text.c_str(), &out, &err);
  kept("evaluate options", status, out, err);
  status = zhunru_evaluate(rs, text.data(), text.size(), R"({"as_of": "2025-06-01"})", &out, &err);
  kept("evaluate project", status, out, err);
  status = zhunru_applies(rs, text.c_str(), &out, &err);
  kept("applies", status, out, err);

  char* summary = nullptr;
  status = zhunru_screen(rs, text.data(), text.size(), R"({"as_of": "2025-06-01", "threads": 1, "verdict_only": true})",
                         &out, &summary, &err);
  if ((status == ZHUNRU_OK) != (summary != nullptr)) fail("screen: a summary without answers, or answers without one");
  zhunru_string_free(summary);
  kept("screen", status, out, err);
  status = zhunru_screen(rs, "", 0, text.c_str(), &out, nullptr, &err);
  kept("screen options", status, out, err);
  return 0;
}
