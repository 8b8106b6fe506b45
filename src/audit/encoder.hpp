// The checked model as Z3 formulas (docs/audit.md): each fact a variable —
// booleans as Bool, numbers, quantities (canonical unit) and dates (days) as
// Real, enumerations as an Int in 0..n-1, industry codes as an Int over a
// finite partition by the prefixes the rules mention, text as an Int over
// the strings they mention plus "anything else"; kinds inlined; spatial
// tests as Bool atoms tied by implications (within 500 m ⇒ within 1 km of
// the same layer; inside or overlapping ⇒ within any distance; overlapping by
// at least 20 % ⇒ by at least 10 % ⇒ overlapping). A Z3 model turns back
// into a project's facts.
#pragma once

#include <z3++.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace zhunru::auditing {

/// The finite domains the encoding numbers values in: industry cells, the
/// texts rules mention, the values of each enumeration (by fact name). Built
/// from one model for an audit, or from two versions for a diff, so that
/// value i of a variable means the same thing in both encodings.
struct Domains {
  std::vector<std::string> industry_cells;                   // representative codes: cell i ↔ value i
  std::map<std::string, std::vector<std::string>> texts;     // per text fact: mentioned values, then "other"
  std::map<std::string, std::vector<std::string>> enums;     // per enumeration: the value names every model has

  static Domains of(const std::vector<const model::Model*>& models);
};

class Encoder {
 public:
  /// `as_of_day`: the audit's date, in days since 1970 (which definition of a kind holds).
  /// `domains`: shared with another Encoder on the same context (a diff);
  /// none: this model's own. Facts are variables by name, kind and
  /// dimension, so two encoders on one context share what both versions declare alike.
  Encoder(z3::context& ctx, const model::Model& model, std::int32_t as_of_day,
          std::shared_ptr<const Domains> domains = nullptr);

  /// The condition as a formula over fact variables.
  z3::expr cond(model::CondId id);
  /// Constraints every project satisfies (enum and partition ranges, and
  /// the implications between spatial atoms used so far).
  [[nodiscard]] z3::expr_vector background();
  /// Whether some value of `f` is in force on the audit's date (a dated enumeration may have none then).
  [[nodiscard]] bool any_in_force(const model::Fact& f) const;

  /// The facts a Z3 model gives to the variables used so far, as JSON
  /// members (`"name": value`), in the facts' declared units.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> facts(const z3::model& m);
  /// A spatial test and the value a Z3 model gives it.
  struct SpatialValue {
    model::SiteSpatial test;  // inside, within or overlaps (outside is ¬inside, not overlapping ¬overlaps)
    bool value;
  };
  /// The atom a spatial test is made of, and whether the test is its negation.
  /// The spatial atoms used so far, valued by `m`.
  [[nodiscard]] std::vector<SpatialValue> spatial_values(const z3::model& m) const;
  /// The spatial atoms used so far, each with its variable (a diff fixes
  /// them to what a candidate site makes them, then solves for the facts).
  [[nodiscard]] std::vector<std::pair<model::SiteSpatial, z3::expr>> spatial_atoms() const;

 private:
  z3::expr num(model::NumId id);
  z3::expr encode_cond(model::CondId id);
  z3::expr encode_num(model::NumId id);
  z3::expr var(model::FactId fact);
  z3::expr industry_in(const model::IndustryIn& in);
  z3::expr text_in(const model::TextIn& in);
  z3::expr enum_has(const model::EnumHas& has);
  /// The Bool of a set fact's value (by its place in the shared domain), made once.
  z3::expr item(model::FactId fact, int at, std::uint32_t value);
  z3::expr amount(const model::NumItem& n);
  z3::expr spatial(const model::SiteSpatial& s);
  [[nodiscard]] std::optional<int> enum_index(const model::Fact& f, std::uint32_t value) const;

  z3::context& ctx_;
  const model::Model& m_;
  std::int32_t as_of_day_;
  std::map<model::FactId, z3::expr> vars_;
  // A set fact (`set of`) is one Boolean per value of its shared domain
  // (whether the project has that value), made as rules test them.
  std::map<model::FactId, std::map<int, z3::expr>> items_;
  // An amounts fact is one Real per value of its set fact (by domain place).
  std::map<model::FactId, std::map<int, z3::expr>> amounts_;
  std::shared_ptr<const Domains> domains_;
  std::map<std::tuple<int, int, model::LayerId, double, std::uint32_t>, std::pair<model::SiteSpatial, z3::expr>> atoms_;
  // Each node encoded once: kinds are shared, and a kind tested twice by
  // each of 30 kinds built on one another would otherwise be encoded 2^30 times.
  std::vector<std::optional<z3::expr>> conds_;
  std::vector<std::optional<z3::expr>> nums_;
};

}  // namespace zhunru::auditing
