// Bytes given as a compiled snapshot: loaded when they are one, refused with
// a code and a reason otherwise — never a crash, never half a ruleset.
//
// Bytes that do not start with the snapshot's first line are taken as a
// payload and put behind a header that vouches for them (their size and
// checksum): the checksum catches damage, not forgery, so the decoder itself
// must stand up to any payload, and only this way can the fuzzer reach it.
#include <nlohmann/json.hpp>

#include "base/damage_checksum.hpp"  // the header's checksum, as the writer takes it
#include "common.hpp"

namespace {

constexpr std::string_view kMagic = "ZHUNRU-SNAPSHOT\n";

/// The header of a real snapshot (of rules/examples), as a template.
const nlohmann::json& real_header() {
  static const nlohmann::json header = [] {
    const std::string bytes = zhunru::snapshot_bytes(*zhunru::fuzz::compile_bundled("examples"));
    const std::size_t eol = bytes.find('\n', kMagic.size());
    return nlohmann::json::parse(bytes.substr(kMagic.size(), eol - kMagic.size()));
  }();
  return header;
}

std::string framed(std::string_view payload) {
  nlohmann::json header = real_header();
  header["bytes"] = payload.size();
  header["payload"] = zhunru::damage_checksum(payload);
  return std::string(kMagic) + header.dump() + "\n" + std::string(payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  const std::string_view given(reinterpret_cast<const char*>(data), size);
  const std::string bytes = given.starts_with(kMagic) ? std::string(given) : framed(given);
  const auto loaded = load_snapshot_bytes(bytes);
  if (!loaded) {
    if (loaded.error().code.empty() || loaded.error().message.en.empty() || loaded.error().message.zh.empty()) {
      fuzz::fail("a refusal without a reason");
    }
    return 0;
  }
  // A snapshot that loads judges like any ruleset.
  const auto project = load_project_json(**loaded, R"({"units": ["ZH50010320001"]})");
  if (project) fuzz::say(to_json(evaluate(**loaded, *project, {fuzz::as_of(), true}).value_or(Decision{})));
  return 0;
}
