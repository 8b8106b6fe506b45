// A project as the evaluator reads it: one value per fact slot.
#pragma once

#include <string>
#include <vector>

#include "geo/geos.hpp"
#include "spatial/site.hpp"
#include "zhunru/project.hpp"

namespace zhunru {

/// A fact's value. Numbers, quantities (canonical unit), dates (days since
/// 1970-01-01), booleans (0/1) and enum values (index) live in `number`;
/// industry codes and text in `text`; a set fact's values (indices, sorted,
/// each once) in `items`, and an amounts fact's values in `items` with each
/// one's number (canonical unit) in `amounts`.
struct FactValue {
  bool known = false;
  double number = 0.0;
  std::string text;
  std::vector<std::uint32_t> items;
  std::vector<double> amounts;
};

struct Project::Data {
  std::string ruleset_hash;          // the ruleset the values were checked against
  std::vector<FactValue> values;     // by fact slot
  std::vector<ProjectUnit> units;
  std::shared_ptr<const spatial::Site> site;   // null when no site was given
  // By model geometry (Model::geometries): the project's geometries beside
  // the site (`"outfall": {…}`); null, or fewer, when not given.
  std::vector<std::shared_ptr<const spatial::Site>> geometries;
  // By unit: the site's part in it (the site itself when it lies wholly
  // there); null when unknown. Read-only, envelopes computed.
  std::vector<std::shared_ptr<const geo::Geometry>> parts;
  std::vector<LocalizedText> notes;
  std::string metadata_json;         // the file's `project` member, echoed in decisions
  std::string metadata_id;           // its `id` (else `name`); "" when none
};

}  // namespace zhunru
