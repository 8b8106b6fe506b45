// Bytes given as a compiled snapshot: loaded when they are one, refused with
// a code and a reason otherwise — never a crash, never half a ruleset.
#include "common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const auto loaded = load_snapshot_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!loaded) {
    if (loaded.error().code.empty() || loaded.error().message.en.empty()) fuzz::fail("a refusal without a reason");
    return 0;
  }
  // A snapshot that loads judges like any ruleset.
  const auto project = load_project_json(**loaded, R"({"units": ["ZH50010320001"]})");
  if (project) fuzz::say(to_json(evaluate(**loaded, *project, {fuzz::as_of(), true}).value_or(Decision{})));
  return 0;
}
