#include "eval/rule_info_json.hpp"

namespace zhunru {

void write_rule_members(JsonWriter& w, const RuleInfo& r, std::optional<bool> certain) {
  w.member("id", r.id).member("tier", name_of(r.tier)).member("tier_code", r.tier_code);
  w.member("dimension", name_of(r.dimension)).member("form", name_of(r.form));
  if (certain) w.member("certain", *certain);
  w.member("subject", r.subject).member("scope", r.scope).member("where", r.where).member("unless", r.unless);
  w.member("requirement", r.requirement).member("because", r.because);
  w.key("cites").strings(r.cites);
  w.key("quotes").strings(r.quotes);
  w.key("layers").strings(r.layers);
  w.member("source", r.source);
}

}  // namespace zhunru
