// Two versions of a list encoded on one Z3 context: facts shared by name
// (and kind and dimension), enumerations, industries and texts numbered
// alike (auditing::Domains), and a place in each version linked to the
// other — by the units of the two maps that share area, or, without maps,
// by the same unit code. What one version stops and the other admits is
// then one query, and its model one witness project for both.
#pragma once

#include <z3++.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/encoder.hpp"
#include "audit/place.hpp"
#include "audit/query_watchdog.hpp"
#include "audit/rule_formulas.hpp"
#include "diff/unit_correspondence.hpp"
#include "zhunru/diff.hpp"
#include "zhunru/expected.hpp"

namespace zhunru::diffing {

/// One version's rules as formulas over the shared variables and its own place.
struct Side {
  Side(z3::context& ctx, const Ruleset& ruleset, const DiffOptions& options,
       const std::shared_ptr<const auditing::Domains>& domains, const std::string& name);

  const Ruleset& rs;
  const model::Model& m;
  auditing::Encoder enc;
  z3::expr unit_class;
  auditing::PlaceEncoder place;
  std::vector<std::optional<auditing::RuleFormulas>> formulas;  // rules in force
  std::vector<std::uint32_t> live;                              // their indices
  z3::expr stops_any;                                           // some rule in force stops the project

  [[nodiscard]] bool stops_anything(std::uint32_t rule) const;
  [[nodiscard]] std::optional<std::uint32_t> find(const std::string& id) const;
};

/// What a witness must show when judged: `stopper` (of the stopping
/// version) violated and that version's verdict conditional or reject, the
/// other version's verdict admit.
struct Shows {
  bool old_stops = true;     // loosened: OLD stops; tightened: NEW stops
  std::string stopper;       // a rule id of the stopping version
};

/// A witness project, and the unit it lies in under each version.
struct Witness {
  std::string json;
  std::string old_unit;
  std::string new_unit;
};

class Versions {
 public:
  Versions(const Ruleset& older, const Ruleset& newer, const DiffOptions& options);

  Side& older() { return old_; }
  Side& newer() { return new_; }
  [[nodiscard]] const std::vector<UnitPair>& pairs() const { return pairs_; }
  [[nodiscard]] std::size_t undecided() const { return undecided_; }

  /// Solves `terms` with the background (value ranges, the link between the places).
  z3::check_result check(const std::vector<z3::expr>& terms, std::optional<z3::model>* model = nullptr);
  /// A project file for `query`, whose model `model` is: judged on both
  /// versions before it is returned; or why there is none. With spatial
  /// tests the site comes first — points in the two units the model places
  /// the project in, each tried with the tests fixed to what it makes them.
  Expected<Witness, LocalizedText> witness(const std::vector<z3::expr>& query, const z3::model& model,
                                               const Shows& shows);
  /// The same unit code in both versions (a rule compared with itself, not
  /// with a changed unit map).
  [[nodiscard]] z3::expr same_unit() const;

 private:
  [[nodiscard]] z3::expr link() const;
  [[nodiscard]] std::optional<LocalizedText> unsited(const z3::model& model) const;
  Expected<Witness, LocalizedText> sited(const std::vector<z3::expr>& query, const z3::model& model, const Shows& shows);
  [[nodiscard]] std::string project(const z3::model& model, const std::string& place);
  [[nodiscard]] std::optional<LocalizedText> judge(const std::string& json, const Shows& shows) const;

  DiffOptions options_;
  std::shared_ptr<z3::context> ctx_;  // first: the sides' terms live in it
  std::vector<UnitPair> pairs_;
  std::shared_ptr<const auditing::Domains> domains_;  // both sides number values by these
  Side old_;
  Side new_;
  std::optional<z3::solver> solver_;
  std::size_t undecided_ = 0;
  auditing::QueryWatchdog watchdog_{options_.timeout_ms};
};

}  // namespace zhunru::diffing
