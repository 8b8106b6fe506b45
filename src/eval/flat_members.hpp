// The value of a set fact (a list of strings) or of a fact of amounts (an
// object of numbers and strings), read from its JSON text without building
// a document: a 64 MiB list of one value repeated would otherwise become
// gigabytes of nodes. At most `max_distinct` different entries are kept —
// a fact has no more values than that — and reading stops past them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhunru/localized.hpp"

namespace zhunru::eval {

struct FlatMembers {
  // A list: each different string once, in first-seen order (`second` empty).
  // An object: each member's name and its value's text (a number as JSON writes it).
  std::vector<std::pair<std::string, std::string>> entries;
  std::optional<LocalizedText> problem;  // what is wrong, when something is
};

/// Reads `raw`, a JSON list (`object` false) or object (`object` true) of
/// scalars, as above.
FlatMembers read_flat_members(std::string_view raw, bool object, std::size_t max_distinct);

}  // namespace zhunru::eval
