#include "eval/member_names.hpp"

#include <array>

namespace zhunru::eval {
namespace {

constexpr std::array<std::string_view, 3> kReserved{"units", "site", "project"};

// Marks `slot`; true when it was marked already.
bool mark(std::vector<bool>& seen, std::size_t slot) {
  const bool before = seen[slot];
  seen[slot] = true;
  return before;
}

}  // namespace

MemberNames::MemberNames(const Ruleset::Data& ruleset)
    : ruleset_(ruleset), seen_(kReserved.size() + 2 * ruleset.model.facts.size(), false) {}

// A fact's name and its label are different names (the builder refuses the
// fact given twice); the same text always finds the same slot.
MemberNames::Seen MemberNames::see(std::string_view name) {
  for (std::size_t i = 0; i < kReserved.size(); ++i) {
    if (name == kReserved[i]) return {mark(seen_, i), std::nullopt};
  }
  const auto fact = ruleset_.find_fact_or_label(name);
  if (!fact) return {!others_.emplace(name).second, std::nullopt};
  const bool by_name = ruleset_.model.facts[*fact].name == name;
  return {mark(seen_, kReserved.size() + 2 * std::size_t{*fact} + (by_name ? 0 : 1)), fact};
}

}  // namespace zhunru::eval
