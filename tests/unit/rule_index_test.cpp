// The rule index (compile/rule_index): for every tier, unit class and
// industry, the candidates it returns are exactly the rules of that tier and
// class whose industry requirement the industry can meet — compared with a
// plain scan of every rule.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "api/ruleset_data.hpp"
#include "compile/lower.hpp"
#include "support/eval_helpers.hpp"

namespace zhunru {
namespace {

using testing::ruleset_with;

/// Every rule the index must offer: same tier, class allowed, and an
/// industry requirement that `industry` starts with or that starts with it
/// (a coarse code may be any class under it); every rule when unknown.
std::vector<std::uint32_t> scanned(const Ruleset::Data& d, model::TierId tier, UnitClass c, const std::string* industry) {
  std::vector<std::optional<ir::IndustryCodes>> kinds(d.model.kinds.size());
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < d.model.rules.size(); ++i) {
    const model::Rule& r = d.model.rules[i];
    if (r.tier != tier || !(ir::class_mask(r) & (1u << static_cast<unsigned>(c)))) continue;
    const auto codes = ir::rule_industries(d.model, r, *d.index.industry_fact(), kinds);
    const bool may = !industry || !codes ||
                     std::any_of(codes->begin(), codes->end(), [&](const std::string& code) {
                       return industry->starts_with(code) || code.starts_with(*industry);
                     });
    if (may) out.push_back(i);
  }
  return out;
}

TEST_CASE("rule index: candidates equal a scan of every rule, by tier, class and industry") {
  const auto rs = ruleset_with(R"(
district 500103 "渝中区" {
spatial-layout {
  ban projects where industry in [C] because "a" cite "c";
  ban chemical projects because "a" cite "c";
  ban projects where industry in [C261, C30] because "a" cite "c";
  ban projects where industry in [C2614] because "a" cite "c";
  ban projects where industry = C2619 because "a" cite "c";
  ban new projects because "a" cite "c";
  ban projects in priority units where industry in [C3011] because "a" cite "c";
  ban two-high projects in key units because "a" cite "c";
  ban projects where industry in [D44] or low-voc because "a" cite "c";
  ban industrial projects where industry in [C2614, C27] because "a" cite "c";
}
}
district 500104 "大渡口区" {
spatial-layout {
  ban projects where industry in [C26] because "a" cite "c";
  ban projects where industry in [C31] because "a" cite "c";
}
}
)");
  const Ruleset::Data& d = rs->data();
  const std::vector<std::string> industries = {"C", "C26", "C261", "C2614", "C2619", "C27", "C30", "C3011",
                                               "C31", "D", "D44", "A01", "C25"};
  for (model::TierId t = 0; t < d.model.tiers.size(); ++t) {
    for (const UnitClass c : {UnitClass::priority, UnitClass::key, UnitClass::general}) {
      for (std::size_t k = 0; k <= industries.size(); ++k) {
        const std::string* industry = k < industries.size() ? &industries[k] : nullptr;
        CAPTURE(t);
        CAPTURE(static_cast<int>(c));
        CAPTURE(industry ? *industry : std::string("unknown"));
        std::vector<std::uint32_t> found{999};  // candidates() appends: what was there stays
        d.index.candidates(t, c, industry, found);
        CHECK(found.front() == 999);
        found.erase(found.begin());
        CHECK(found == scanned(d, t, c, industry));
      }
    }
  }
}

}  // namespace
}  // namespace zhunru
