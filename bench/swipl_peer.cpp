#include "swipl_peer.hpp"

#include <SWI-Prolog.h>

#include <stdexcept>

namespace zhunru::bench {

struct SwiplPeer::Atoms {
  atom_t nature[4];
  atom_t catalogue[4];
  atom_t efficiency[3];
  atom_t grade[4];
  atom_t yes;
  atom_t no;
  atom_t verdict[3];  // admit, conditional, reject
  functor_t project;  // project/13
  predicate_t judge;  // table20:judge/3
};

namespace {

constexpr int kFields = 13;

/// Calls Goal in module user; true if it succeeded.
bool call_goal(const char* goal_text) {
  const fid_t frame = PL_open_foreign_frame();
  const term_t goal = PL_new_term_refs(1);
  const bool ok = PL_chars_to_term(goal_text, goal) &&
                  PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION, PL_predicate("call", 1, "user"), goal);
  PL_discard_foreign_frame(frame);
  return ok;
}

}  // namespace

SwiplPeer::SwiplPeer(const char* argv0, const std::string& pl_file) {
  if (!PL_is_initialised(nullptr, nullptr)) {
    // -q: no banner; --no-signals: leave the embedder's signal handling alone;
    // --no-packs: no add-ons from the user's directories.
    const char* args[] = {argv0, "-q", "--no-signals", "--no-packs", nullptr};
    if (!PL_initialise(4, const_cast<char**>(args))) throw std::runtime_error("SWI-Prolog: PL_initialise failed");
  }
  {
    const fid_t frame = PL_open_foreign_frame();
    const term_t file = PL_new_term_refs(1);
    const bool ok = PL_put_atom_chars(file, pl_file.c_str()) &&
                    PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION,
                                      PL_predicate("consult", 1, "user"), file);
    PL_discard_foreign_frame(frame);
    if (!ok) throw std::runtime_error("SWI-Prolog: cannot consult " + pl_file);
  }
  if (!call_goal("current_predicate(table20:judge/3)")) {
    throw std::runtime_error("SWI-Prolog: " + pl_file + " defines no table20:judge/3");
  }
  atoms_ = std::make_unique<Atoms>();
  for (int i = 0; i < 4; ++i) atoms_->nature[i] = PL_new_atom(kNatures[i]);
  for (int i = 0; i < 4; ++i) atoms_->catalogue[i] = PL_new_atom(kCatalogues[i]);
  for (int i = 0; i < 3; ++i) atoms_->efficiency[i] = PL_new_atom(kEfficiencies[i]);
  for (int i = 0; i < 4; ++i) atoms_->grade[i] = PL_new_atom(kGrades[i]);
  atoms_->yes = PL_new_atom("true");
  atoms_->no = PL_new_atom("false");
  atoms_->verdict[peer_admit] = PL_new_atom("admit");
  atoms_->verdict[peer_conditional] = PL_new_atom("conditional");
  atoms_->verdict[peer_reject] = PL_new_atom("reject");
  atoms_->project = PL_new_functor(PL_new_atom("project"), kFields);
  atoms_->judge = PL_predicate("judge", 3, "table20");
}

SwiplPeer::~SwiplPeer() = default;

/// `args` holds judge/3's three term references, the first bound to the
/// project; runs in the caller's foreign frame.
int SwiplPeer::call(std::uintptr_t args_ref, std::vector<std::string>* violated) {
  const term_t args = args_ref;
  if (violated) violated->clear();
  if (!PL_call_predicate(nullptr, PL_Q_NODEBUG | PL_Q_CATCH_EXCEPTION, atoms_->judge, args)) return peer_failed;
  atom_t v = 0;
  if (!PL_get_atom(args + 1, &v)) return peer_failed;
  int verdict = peer_failed;
  for (int i = 0; i < 3; ++i) {
    if (v == atoms_->verdict[i]) verdict = i;
  }
  if (violated) {
    const term_t list = PL_copy_term_ref(args + 2);
    const term_t head = PL_new_term_ref();
    while (PL_get_list(list, head, list)) {
      char* id = nullptr;
      if (!PL_get_atom_chars(head, &id)) return peer_failed;
      violated->emplace_back(id);
    }
    if (!PL_get_nil(list)) return peer_failed;
  }
  return verdict;
}

int SwiplPeer::judge(const Facts& f, std::vector<std::string>* violated) {
  const fid_t frame = PL_open_foreign_frame();
  const term_t args = PL_new_term_refs(3);
  const term_t a = PL_new_term_refs(kFields);
  const bool built =
      PL_put_atom_chars(a + 0, f.industry.c_str()) && PL_put_atom(a + 1, atoms_->nature[static_cast<int>(f.nature)]) &&
      PL_put_atom(a + 2, atoms_->catalogue[static_cast<int>(f.catalogue)]) &&
      PL_put_atom(a + 3, atoms_->efficiency[f.efficiency]) && PL_put_atom(a + 4, atoms_->grade[f.grade - 'A']) &&
      PL_put_float(a + 5, f.capacity) && PL_put_float(a + 6, f.voc) && PL_put_float(a + 7, f.so2) &&
      PL_put_float(a + 8, f.noise) && PL_put_atom(a + 9, f.low_voc ? atoms_->yes : atoms_->no) &&
      PL_put_atom(a + 10, f.in_park ? atoms_->yes : atoms_->no) &&
      PL_put_atom(a + 11, f.risk_plan ? atoms_->yes : atoms_->no) && PL_put_atom_chars(a + 12, f.unit.c_str()) &&
      PL_cons_functor_v(args, atoms_->project, a);
  const int verdict = built ? call(args, violated) : peer_failed;
  PL_discard_foreign_frame(frame);
  return verdict;
}

std::string SwiplPeer::judge_json(std::string_view project_file) {
  const nlohmann::json file = nlohmann::json::parse(project_file);
  const auto& units = file.at("units");
  if (units.size() != 1) throw std::runtime_error("the SWI-Prolog peer judges projects in exactly one unit");
  std::vector<std::string> violated;
  int verdict = peer_failed;
  const fid_t frame = PL_open_foreign_frame();
  try {
    const term_t args = PL_new_term_refs(3);
    const term_t a = PL_new_term_refs(kFields);
    const auto text = [&](term_t t, const nlohmann::json& value) {
      const auto& s = value.get_ref<const std::string&>();
      return PL_put_atom_nchars(t, s.size(), s.data());
    };
    const auto number = [&](term_t t, const char* key) { return PL_put_float(t, file.at(key).get<double>()); };
    const auto flag = [&](term_t t, const char* key) {
      return PL_put_atom(t, file.at(key).get<bool>() ? atoms_->yes : atoms_->no);
    };
    const bool built = text(a + 0, file.at("industry")) && text(a + 1, file.at("nature")) &&
                       text(a + 2, file.at("catalogue")) && text(a + 3, file.at("efficiency")) &&
                       text(a + 4, file.at("grade")) && number(a + 5, "capacity") && number(a + 6, "voc") &&
                       number(a + 7, "so2") && number(a + 8, "noise") && flag(a + 9, "low-voc") &&
                       flag(a + 10, "in-park") && flag(a + 11, "risk-plan") && text(a + 12, units[0]) &&
                       PL_cons_functor_v(args, atoms_->project, a);
    if (built) verdict = call(args, &violated);
  } catch (...) {
    PL_discard_foreign_frame(frame);
    throw;
  }
  PL_discard_foreign_frame(frame);
  return peer_answer_json(verdict, violated, file);
}

}  // namespace zhunru::bench
