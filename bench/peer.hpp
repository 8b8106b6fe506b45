// What the benchmark peers (CLIPS, SWI-Prolog) answer, and the answer file
// they write. Shared by bench/clips_peer.cpp, bench/swipl_peer.cpp and
// bench/peers_bench.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace zhunru::bench {

/// Verdicts as judge_by_hand numbers them.
enum PeerVerdict : int { peer_admit = 0, peer_conditional = 1, peer_reject = 2, peer_failed = -1 };

inline const char* peer_verdict_name(int verdict) {
  switch (verdict) {
    case peer_admit: return "admit";
    case peer_conditional: return "conditional";
    case peer_reject: return "reject";
    default: return "failed";
  }
}

inline int peer_verdict_from(std::string_view name) {
  if (name == "admit") return peer_admit;
  if (name == "conditional") return peer_conditional;
  if (name == "reject") return peer_reject;
  return peer_failed;
}

/// The answer file a peer writes for a project file: one line of JSON with
/// the verdict, the violated rules' ids (sorted) and the project file's
/// `project` member as given — much less than zhunru's decision, which also
/// has every applicable rule's finding with its trace, citations, units,
/// scores, missing facts and the ruleset's identity.
inline std::string peer_answer_json(int verdict, const std::vector<std::string>& violated,
                                    const nlohmann::json& project_file) {
  nlohmann::json answer = nlohmann::json::object();
  if (const auto p = project_file.find("project"); p != project_file.end()) answer["project"] = *p;
  answer["verdict"] = peer_verdict_name(verdict);
  answer["violated"] = violated;
  std::string out = answer.dump();
  out += '\n';
  return out;
}

}  // namespace zhunru::bench
