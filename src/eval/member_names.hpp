// The top-level member names of a project file, to refuse one given twice.
// The names a ruleset knows — its facts' names and labels, and the reserved
// `units`, `site`, `project` — are marked in a table of flags: no copy, no
// allocation. Only other names (each one an error anyway) are kept, in an
// ordered set: no worst case for names crafted to collide.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "api/ruleset_data.hpp"

namespace zhunru::eval {

class MemberNames {
 public:
  explicit MemberNames(const Ruleset::Data& ruleset);

  struct Seen {
    bool again = false;                 // given before
    std::optional<model::FactId> fact;  // the fact it names (by name or label), if any
  };
  /// Notes that `name` is given.
  Seen see(std::string_view name);

 private:
  const Ruleset::Data& ruleset_;
  std::vector<bool> seen_;  // reserved names, then two per fact: its name, its label
  std::set<std::string, std::less<>> others_;
};

}  // namespace zhunru::eval
