#include "clips_peer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

extern "C" {
#include <clips/clips.h>
}

namespace zhunru::bench {

/// Symbols interned once, their counts raised so that CLIPS's garbage
/// collector keeps them between requests.
struct ClipsPeer::Symbols {
  void* nature[4];
  void* catalogue[4];
  void* efficiency[3];
  void* grade[4];
  void* yes;
  void* no;
  void* verdict[3];  // admit, conditional, reject
  std::string text;  // judge_string's buffer
};

ClipsPeer::ClipsPeer(const std::string& clp_file) {
  env_ = CreateEnvironment();
  if (env_ == nullptr) throw std::runtime_error("CLIPS: CreateEnvironment failed");
  EnvUnwatch(env_, "all");
  if (EnvLoad(env_, clp_file.c_str()) != 1) {
    DestroyEnvironment(env_);
    throw std::runtime_error("CLIPS: cannot load " + clp_file);
  }
  project_template_ = EnvFindDeftemplate(env_, "project");
  violated_template_ = EnvFindDeftemplate(env_, "violated");
  verdict_template_ = EnvFindDeftemplate(env_, "verdict");
  if (!project_template_ || !violated_template_ || !verdict_template_) {
    DestroyEnvironment(env_);
    throw std::runtime_error("CLIPS: " + clp_file + " lacks the project, violated or verdict template");
  }
  symbols_ = new Symbols{};
  const auto intern = [&](const char* name) {
    void* s = EnvAddSymbol(env_, name);
    IncrementSymbolCount(s);
    return s;
  };
  for (int i = 0; i < 4; ++i) symbols_->nature[i] = intern(kNatures[i]);
  for (int i = 0; i < 4; ++i) symbols_->catalogue[i] = intern(kCatalogues[i]);
  for (int i = 0; i < 3; ++i) symbols_->efficiency[i] = intern(kEfficiencies[i]);
  for (int i = 0; i < 4; ++i) symbols_->grade[i] = intern(kGrades[i]);
  symbols_->yes = intern("TRUE");
  symbols_->no = intern("FALSE");
  symbols_->verdict[peer_admit] = intern("admit");
  symbols_->verdict[peer_conditional] = intern("conditional");
  symbols_->verdict[peer_reject] = intern("reject");
}

ClipsPeer::~ClipsPeer() {
  delete symbols_;
  DestroyEnvironment(env_);
}

namespace {

void put(void* env, void* fact, const char* slot, unsigned short type, void* value) {
  DATA_OBJECT d{};
  d.type = type;
  d.value = value;
  EnvPutFactSlot(env, fact, slot, &d);
}

}  // namespace

int ClipsPeer::run_and_read(std::vector<std::string>* violated) {
  EnvRun(env_, -1);
  int verdict = peer_failed;
  if (violated) violated->clear();
  for (void* f = EnvGetNextFact(env_, nullptr); f != nullptr; f = EnvGetNextFact(env_, f)) {
    void* t = EnvFactDeftemplate(env_, f);
    if (t == verdict_template_) {
      DATA_OBJECT d{};
      EnvGetFactSlot(env_, f, "value", &d);
      for (int v = 0; v < 3; ++v) {
        if (d.value == symbols_->verdict[v]) verdict = v;
      }
    } else if (violated && t == violated_template_) {
      DATA_OBJECT d{};
      EnvGetFactSlot(env_, f, "rule", &d);
      violated->emplace_back(DOToString(d));
    }
  }
  if (violated) std::sort(violated->begin(), violated->end());
  return verdict;
}

int ClipsPeer::judge(const Facts& f, std::vector<std::string>* violated) {
  EnvReset(env_);
  void* fact = EnvCreateFact(env_, project_template_);
  put(env_, fact, "industry", SYMBOL, EnvAddSymbol(env_, f.industry.c_str()));
  put(env_, fact, "nature", SYMBOL, symbols_->nature[static_cast<int>(f.nature)]);
  put(env_, fact, "catalogue", SYMBOL, symbols_->catalogue[static_cast<int>(f.catalogue)]);
  put(env_, fact, "efficiency", SYMBOL, symbols_->efficiency[f.efficiency]);
  put(env_, fact, "grade", SYMBOL, symbols_->grade[f.grade - 'A']);
  put(env_, fact, "capacity", FLOAT, EnvAddDouble(env_, f.capacity));
  put(env_, fact, "voc", FLOAT, EnvAddDouble(env_, f.voc));
  put(env_, fact, "so2", FLOAT, EnvAddDouble(env_, f.so2));
  put(env_, fact, "noise", FLOAT, EnvAddDouble(env_, f.noise));
  put(env_, fact, "low-voc", SYMBOL, f.low_voc ? symbols_->yes : symbols_->no);
  put(env_, fact, "in-park", SYMBOL, f.in_park ? symbols_->yes : symbols_->no);
  put(env_, fact, "risk-plan", SYMBOL, f.risk_plan ? symbols_->yes : symbols_->no);
  put(env_, fact, "unit", SYMBOL, EnvAddSymbol(env_, f.unit.c_str()));
  if (EnvAssert(env_, fact) == nullptr) return peer_failed;
  return run_and_read(violated);
}

int ClipsPeer::judge_string(const Facts& f, std::vector<std::string>* violated) {
  EnvReset(env_);
  const auto flag = [](bool b) { return b ? "TRUE" : "FALSE"; };
  std::string& text = symbols_->text;
  text.clear();
  fmt::format_to(std::back_inserter(text),
                 "(project (industry {}) (nature {}) (catalogue {}) (efficiency {}) (grade {}) (capacity {}) "
                 "(voc {}) (so2 {}) (noise {}) (low-voc {}) (in-park {}) (risk-plan {}) (unit {}))",
                 f.industry, kNatures[static_cast<int>(f.nature)], kCatalogues[static_cast<int>(f.catalogue)],
                 kEfficiencies[f.efficiency], f.grade, f.capacity, f.voc, f.so2, f.noise, flag(f.low_voc),
                 flag(f.in_park), flag(f.risk_plan), f.unit);
  if (EnvAssertString(env_, text.c_str()) == nullptr) return peer_failed;
  return run_and_read(violated);
}

std::string ClipsPeer::judge_json(std::string_view project_file) {
  const nlohmann::json file = nlohmann::json::parse(project_file);
  const auto symbol = [&](const char* key) {
    return EnvAddSymbol(env_, file.at(key).get_ref<const std::string&>().c_str());
  };
  const auto number = [&](const char* key) { return EnvAddDouble(env_, file.at(key).get<double>()); };
  const auto flag = [&](const char* key) { return file.at(key).get<bool>() ? symbols_->yes : symbols_->no; };
  const auto& units = file.at("units");
  if (units.size() != 1) throw std::runtime_error("the CLIPS peer judges projects in exactly one unit");

  // Reset first: it collects garbage, which would take symbols made before it
  // that nothing holds yet. Then everything is read before the fact is made,
  // so that a bad file cannot leave one half built.
  EnvReset(env_);
  void* const values[] = {symbol("industry"), symbol("nature"), symbol("catalogue"), symbol("efficiency"),
                          symbol("grade"),    number("capacity"), number("voc"),     number("so2"),
                          number("noise"),    flag("low-voc"),    flag("in-park"),   flag("risk-plan"),
                          EnvAddSymbol(env_, units[0].get_ref<const std::string&>().c_str())};
  static const char* const slots[] = {"industry", "nature", "catalogue", "efficiency", "grade", "capacity", "voc",
                                      "so2",      "noise",  "low-voc",   "in-park",    "risk-plan", "unit"};
  static const unsigned short types[] = {SYMBOL, SYMBOL, SYMBOL, SYMBOL, SYMBOL, FLOAT, FLOAT,
                                         FLOAT,  FLOAT,  SYMBOL, SYMBOL, SYMBOL, SYMBOL};
  void* fact = EnvCreateFact(env_, project_template_);
  for (std::size_t i = 0; i < std::size(slots); ++i) put(env_, fact, slots[i], types[i], values[i]);
  std::vector<std::string> violated;
  const int verdict = EnvAssert(env_, fact) == nullptr ? peer_failed : run_and_read(&violated);
  return peer_answer_json(verdict, violated, file);
}

}  // namespace zhunru::bench
