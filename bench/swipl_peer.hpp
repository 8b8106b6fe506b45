// SWI-Prolog 9 (Debian's swi-prolog-core: libswipl and SWI-Prolog.h),
// embedded, judging the 20-rule table of bench/table20.pl.
//
// The engine is initialised once per process and the program consulted once.
// Per request: a foreign frame is opened, the project is built as one
// project/13 term, table20:judge/3 is called, the verdict (and the violated
// ids) read back, and the frame discarded — nothing is asserted, so nothing
// is left to retract.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "peer.hpp"
#include "table20.hpp"

namespace zhunru::bench {

class SwiplPeer {
 public:
  /// Initialises SWI-Prolog (once per process: `argv0` names the program)
  /// and consults `pl_file` (bench/table20.pl); throws if either fails or the
  /// file defines no table20:judge/3.
  SwiplPeer(const char* argv0, const std::string& pl_file);
  ~SwiplPeer();
  SwiplPeer(const SwiplPeer&) = delete;
  SwiplPeer& operator=(const SwiplPeer&) = delete;

  /// The project as a term of atoms, floats and true/false (atoms interned
  /// once at start where the value is one of a list). Returns the verdict;
  /// fills `violated` (sorted ids) when given.
  int judge(const Facts& f, std::vector<std::string>* violated = nullptr);

  /// Project file → answer: nlohmann::json parses the file, its values make
  /// the term, and peer_answer_json writes the answer.
  std::string judge_json(std::string_view project_file);

 private:
  struct Atoms;
  int call(std::uintptr_t args, std::vector<std::string>* violated);

  std::unique_ptr<Atoms> atoms_;  // the engine's atoms stay with the engine, which lives on
};

}  // namespace zhunru::bench
