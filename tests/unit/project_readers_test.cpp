// Project files have two readers: simdjson for plain files
// (eval/plain_project.hpp), one nlohmann pass for any file
// (eval/project_pass.hpp). load_project_json uses the first when it can, so
// wherever the first reads a file, both must give the same project — judged
// to the same decision — or the same errors, worded alike.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/json_input.hpp"
#include "eval/plain_project.hpp"
#include "eval/project_pass.hpp"
#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

/// What a reader's answer comes to: the decision it leads to, or its errors.
std::string outcome(const Ruleset& rs, const ProjectResult& read) {
  if (!read) {
    std::string out = "refused:";
    for (const ProjectError& e : read.error()) out += "\n" + e.code + " [" + e.fact + "] " + e.message.en + " | " + e.message.zh;
    return out;
  }
  const auto decision = evaluate(rs, *read, EvaluateOptions{day(2025, 6, 1)});
  if (!decision) return "not judged: " + decision.error().code + " " + decision.error().message.en;
  // The compact layout too: the plain reader keeps `project` as written there.
  return to_json(*decision) + to_json(*decision, JsonLayout::compact) + "id: " + decision->project_id;
}

std::vector<std::string> seed_files() {
  std::vector<std::string> out;
  const std::filesystem::path root = ZHUNRU_SOURCE_DIR;
  for (const auto* dir : {"fuzz/corpus/project", "examples/projects", "examples/projects/chongqing"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
  }
  // Shapes the files above may lack: labels as keys, numbers of every JSON
  // type, nested and repeated names in `project`, a name given twice.
  for (const char* extra : {
           R"({"行业": "C2614", "建设性质": "新建", "units": ["ZH50010320001"]})",
           R"({"industry": "C2614", "capacity": -1, "units": ["ZH50010320001"], "project": {"id": 7}})",
           R"({"capacity": 18446744073709551615, "voc": 1e400, "units": ["ZH50010320001"]})",
           R"({"capacity": 1.5, "capacity": 2, "units": ["ZH50010320001"]})",
           R"({"industry": null, "units": [], "project": [1, {"a": [true, null]}, "x"]})",
           R"({"units": ["ZH50010320001", 5], "project": {"a": 1, "a": 2}})",
           R"({"project": {"name": "深层", "x": {"y": {"z": {"w": [[[]]]}}}}, "units": ["ZH50010320001"]})",
           R"({"no-such-fact": 1, "units": ["ZH50010320001"], "site": 3})",
           // `project` written without a tree on the plain path: every number
           // as nlohmann prints it, ids given as numbers, a negative integer.
           R"({"units": ["ZH50010320001"], "project": {"id": 1.5e20, "x": [0.1, 1e-7, 2.50, -0.0, 123456789012345678]}})",
           R"({"units": ["ZH50010320001"], "project": {"name": 12.0, "n": [1e15, 1e16, 3.0e-5, 18446744073709551615]}})",
           R"({"units": ["ZH50010320001"], "project": {"id": -4, "name": "负"}})",
           R"({"units": ["ZH50010320001"], "project": {"name": "名", "id": 18446744073709551615, "t": "\t"}})",
           R"({"units": ["ZH50010320001"], "project": {"name": "a\u00e9", "ok": true, "none": null, "e": {}, "l": []}})"}) {
    out.emplace_back(extra);
  }
  return out;
}

/// Each seed, and copies of the small ones (where plain files are) cut short
/// or with one byte changed.
std::vector<std::string> variants(const std::vector<std::string>& seeds) {
  std::vector<std::string> out;
  for (const std::string& s : seeds) {
    out.push_back(s);
    if (s.size() > 2048) continue;
    for (std::size_t at = 1; at < s.size(); at += 7) out.push_back(s.substr(0, at));
    for (std::size_t at = 0; at < s.size(); at += 5) {
      for (const char c : std::string_view("\"{}[],:0-n")) {
        std::string changed = s;
        changed[at] = c;
        out.push_back(std::move(changed));
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the plain reader and the general reader agree on every file the plain one reads") {
  const std::vector<std::string> files = variants(seed_files());
  ProjectLimits small;
  small.max_depth = 3;
  small.max_metadata_bytes = 40;
  const auto examples = ruleset_with("city 500000 { spatial-layout { B1: ban chemical projects; } }");
  std::size_t compared = 0;
  for (const Ruleset* rs : {examples.get(), chongqing_rules().get()}) {
    for (const ProjectLimits& limits : {ProjectLimits{}, small}) {
      for (const std::string& text : files) {
        if (json_input::check_bytes(text, {limits.max_bytes, limits.max_depth}, {"", ""})) continue;  // refused first
        const auto plain = eval::read_plain_project(*rs, text, limits);
        if (!plain) continue;
        ++compared;
        const std::string general = outcome(*rs, eval::read_project_pass(*rs, text, limits));
        const std::string simd = outcome(*rs, *plain);
        if (simd != general) FAIL_CHECK("the readers disagree on " << text << "\nplain:   " << simd << "\ngeneral: " << general);
      }
    }
  }
  // Not vacuous: most files are plain.
  CHECK(compared > 1000);
  MESSAGE(compared << " files read by both readers, of " << 4 * files.size());
}
