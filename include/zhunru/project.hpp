// A project to judge: its facts, and the units it lies in.
//
// Build one in code with FactsBuilder, or read a project file:
//
//   zhunru::FactsBuilder b(*ruleset);
//   b.set_text("industry", "C2614").set_text("nature", "新建").set_text("capacity", "30万吨/年")
//    .add_unit("ZH50011520003");
//   auto project = std::move(b).build();          // or zhunru::load_project_json(*ruleset, text)
//   if (!project) for (auto& e : project.error()) std::cerr << e.code << ": " << e.message.en << '\n';
//
// A fact not given is unknown (never false). A value of the wrong type or
// dimension, an unknown enum value, a malformed unit code is an error naming
// the fact; nothing given is dropped or silently changed.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru {

/// Why a project file or a builder call was refused. `code` is stable
/// (docs/errors.md lists every one), so a caller can branch on it without
/// matching message text.
struct ProjectError {
  std::string code;       // "project.unknown-fact", "input.not-json", …
  std::string fact;       // the fact or member concerned ("capacity", "units[1]"); "" for the file as a whole
  LocalizedText message;
};

/// Every message, in English, one per line (for BadExpectedAccess).
std::string describe_error(const std::vector<ProjectError>& errors);

/// Bounds on what a project may be, so hostile input cannot exhaust time or
/// memory (docs/robustness.md). Raise them when a real project needs more.
struct ProjectLimits {
  std::size_t max_bytes = std::size_t{64} << 20;       // a project file, or a site's GeoJSON
  std::size_t max_depth = 64;                          // nesting of JSON objects and lists
  std::size_t max_errors = 50;                         // reported; the rest are counted
  std::size_t max_metadata_bytes = std::size_t{64} << 10;  // the free-form `project` member, echoed in answers
  std::size_t max_units = 10000;                       // unit codes given in `units` (each is judged and answered)
};

/// A unit the project lies in: given in `units`, or found by locating its site.
struct ProjectUnit {
  std::string code;               // ZH50010320001
  std::string district;           // 500103, from the code
  UnitClass unit_class = UnitClass::general;
  std::optional<double> share;    // of the site in this unit, when known
  std::string name;               // from the unit map, when the ruleset has one
  bool located = false;           // found by locating the site on the unit map
};

class Project {
 public:
  struct Data;  // fact values by slot (private)
  explicit Project(std::shared_ptr<const Data> data);

  [[nodiscard]] const std::vector<ProjectUnit>& units() const;
  [[nodiscard]] bool has_site() const;
  /// Things the answer must say about where the project is: the share of the
  /// site outside every unit, unit boundaries that were repaired.
  [[nodiscard]] const std::vector<LocalizedText>& notes() const;
  [[nodiscard]] const Data& data() const { return *data_; }

 private:
  std::shared_ptr<const Data> data_;
};

using ProjectResult = Expected<Project, std::vector<ProjectError>>;

struct FactsBuilderAccess;

/// Builds a project fact by fact, checking each against the ruleset's
/// declarations. Errors are collected; build() returns all of them.
class FactsBuilder {
 public:
  explicit FactsBuilder(const Ruleset& ruleset, const ProjectLimits& limits = {});
  ~FactsBuilder();
  FactsBuilder(FactsBuilder&&) noexcept;
  FactsBuilder& operator=(FactsBuilder&&) noexcept;

  /// A yes/no fact.
  FactsBuilder& set_bool(std::string_view fact, bool value);
  /// A number fact, or a quantity in the fact's declared unit.
  FactsBuilder& set_number(std::string_view fact, double value);
  /// Any fact as text, read by its type: an enum value or label ("new",
  /// "新建"), an industry code ("C2614"), a quantity with its unit
  /// ("30万吨/年"; without a unit: the declared unit), a date (2024-07-01),
  /// "true"/"false", a number.
  FactsBuilder& set_text(std::string_view fact, std::string_view value);
  /// A set fact (`set of {…}`): its values, each a value's name or label;
  /// empty: none of them. (set_text takes them in one text too: "coal;oil",
  /// "燃煤、燃油".)
  FactsBuilder& set_values(std::string_view fact, const std::vector<std::string>& values);
  /// A fact of amounts (`quantity t/a per products`): for each value of its
  /// set fact (name or label), the amount as text ("30万吨/年"; a bare number
  /// is in the declared unit). Each value must be among the set fact's.
  FactsBuilder& set_amounts(std::string_view fact, const std::vector<std::pair<std::string, std::string>>& amounts);
  /// States that the fact is unknown (the same as not setting it).
  FactsBuilder& set_unknown(std::string_view fact);
  /// A unit the project lies in; `share` in [0, 1] when known. With a unit
  /// map, the code must be in it.
  FactsBuilder& add_unit(std::string_view code, std::optional<double> share = std::nullopt);
  /// The project's site: the text of one GeoJSON geometry in lon/lat. With a
  /// unit map, build() locates it (docs/spatial.md); units given as well
  /// must be among those it touches.
  FactsBuilder& set_site(std::string_view geojson);
  /// A geometry the ruleset declares beside the site (`geometry outfall;`),
  /// by its name: the text of one GeoJSON geometry in lon/lat, read as a site
  /// is, and tested whole (not cut by units).
  FactsBuilder& set_geometry(std::string_view name, std::string_view geojson);

  /// Free-form JSON describing the project (name, applicant, …): not judged,
  /// echoed in the decision's `project` member (text that is not JSON is
  /// echoed as a string). At most `max_metadata_bytes`.
  FactsBuilder& set_metadata(std::string json);

  /// Records an error the caller found in its own input (a column of a CSV
  /// file, say), so build() reports it with the others, in order.
  FactsBuilder& report_error(ProjectError error);

  /// The project, or every error found (at most max_errors, then a count).
  ProjectResult build() &&;

 private:
  friend struct FactsBuilderAccess;  // the project-file reader's way in (src/eval/facts_builder_access.hpp)
  struct State;
  std::unique_ptr<State> state_;
};

/// Reads a project file (docs/project-files.md): a JSON object
/// of facts, with the reserved members `units`, `site` and `project`.
/// Linear in the size of the text; refuses what exceeds `limits`.
ProjectResult load_project_json(const Ruleset& ruleset, std::string_view json_text,
                                const ProjectLimits& limits = {});

}  // namespace zhunru
