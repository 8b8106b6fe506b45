// CLIPS 6.30 (Debian's libclips-dev, C API) judging the 20-rule table of
// bench/table20.clp: the peer that zhunru's issue #12 compares against.
//
// One CLIPS environment, the rule base loaded once. Per request: EnvReset,
// one `project` fact asserted, EnvRun, the `verdict` (and `violated`) facts
// read back. CLIPS's headers stay inside clips_peer.cpp: they define macros
// (TRUE, FALSE, GetType, …) that nothing else should see.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "peer.hpp"
#include "table20.hpp"

namespace zhunru::bench {

class ClipsPeer {
 public:
  /// Loads `clp_file` (bench/table20.clp) into a new environment; throws if
  /// CLIPS reports an error.
  explicit ClipsPeer(const std::string& clp_file);
  ~ClipsPeer();
  ClipsPeer(const ClipsPeer&) = delete;
  ClipsPeer& operator=(const ClipsPeer&) = delete;

  /// The fact API: EnvCreateFact, EnvPutFactSlot slot by slot (symbols
  /// interned once at start where the value is one of a list), EnvAssert.
  /// Returns the verdict; fills `violated` (sorted ids) when given.
  int judge(const Facts& f, std::vector<std::string>* violated = nullptr);

  /// The same fact written as text and parsed by CLIPS (EnvAssertString).
  int judge_string(const Facts& f, std::vector<std::string>* violated = nullptr);

  /// Project file → answer: nlohmann::json parses the file, the fact API
  /// asserts its facts, and peer_answer_json writes the answer.
  std::string judge_json(std::string_view project_file);

 private:
  struct Symbols;
  int run_and_read(std::vector<std::string>* violated);

  void* env_ = nullptr;
  void* project_template_ = nullptr;
  void* violated_template_ = nullptr;
  void* verdict_template_ = nullptr;
  Symbols* symbols_ = nullptr;
};

}  // namespace zhunru::bench
