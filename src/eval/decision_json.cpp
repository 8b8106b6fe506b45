// The decision as JSON: LANGUAGE.md §7's members, never renamed, plus the
// ones documented in docs/decision-json.md. Member order is fixed.
#include <nlohmann/json.hpp>

#include <cmath>

#include "base/dates.hpp"
#include "base/json_input.hpp"
#include "zhunru/decision.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::ordered_json;

/// Scores to two decimals: stable text, no spurious precision.
Json score_value(const std::optional<double>& s) {
  if (!s) return nullptr;
  return std::round(*s * 100.0) / 100.0;
}

Json finding_json(const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["tier"] = name_of(f.tier);
  j["tier_code"] = f.tier_code;
  j["dimension"] = name_of(f.dimension);
  j["form"] = name_of(f.form);
  j["status"] = name_of(f.status);
  j["applies"] = f.applies ? Json(*f.applies) : Json(nullptr);
  j["unit"] = f.unit;
  std::string cite;
  for (const auto& c : f.cites) cite += (cite.empty() ? "" : "; ") + c;
  j["cite"] = cite;
  j["cites"] = f.cites;
  j["quotes"] = f.quotes;
  j["because"] = f.because;
  j["source"] = f.source;
  j["weight"] = f.weight;
  j["requirement"] = f.requirement.empty() ? Json(nullptr) : Json(f.requirement);
  j["missing"] = f.missing;
  Json trace = Json::array();
  for (const TraceStep& s : f.trace) trace.push_back({{"part", s.part}, {"text", s.text}, {"value", name_of(s.value)}});
  j["trace"] = std::move(trace);
  return j;
}

}  // namespace

std::string to_json(const Decision& d) {
  Json j;
  j["verdict"] = name_of(d.verdict);
  j["best"] = name_of(d.best);
  j["worst"] = name_of(d.worst);
  j["missing"] = d.missing;
  j["as_of"] = iso_date(d.as_of);
  Json units = Json::array();
  for (const UnitDecision& u : d.units) {
    units.push_back({{"code", u.code},
                     {"name", u.name},
                     {"class", name_of(u.unit_class)},
                     {"district", u.district},
                     {"share", u.share ? Json(std::round(*u.share * 1e6) / 1e6) : Json(nullptr)},  // to 1e-6
                     {"verdict", name_of(u.verdict)},
                     {"best", name_of(u.best)},
                     {"worst", name_of(u.worst)}});
  }
  j["units"] = std::move(units);
  Json notes = Json::array();
  for (const LocalizedText& n : d.notes) notes.push_back({{"en", n.en}, {"zh", n.zh}});
  j["notes"] = std::move(notes);
  Json findings = Json::array();
  for (const Finding& f : d.findings) findings.push_back(finding_json(f));
  j["findings"] = std::move(findings);
  Json score;
  score["overall"] = score_value(d.score.overall);
  for (std::size_t i = 0; i < 3; ++i) score[std::string(name_of(static_cast<TierLevel>(i)))] = score_value(d.score.tiers[i]);
  Json dims;
  for (std::size_t i = 0; i < 4; ++i) {
    dims[std::string(name_of(static_cast<ControlDimension>(i)))] = score_value(d.score.dimensions[i]);
  }
  score["dimensions"] = std::move(dims);
  j["score"] = std::move(score);
  j["ruleset"] = {{"title", d.ruleset_title}, {"version", d.ruleset_version}, {"hash", d.ruleset_hash}};
  // Bounded: FactsBuilder::set_metadata kept it small, but a Decision is a
  // plain struct an embedder may fill with anything.
  Json project(nullptr);
  if (!d.project_json.empty()) {
    auto parsed = json_input::parse<Json>(d.project_json, {}, {"the `project` member", "`project` 成员"});
    project = parsed ? std::move(parsed).value() : Json(d.project_json);  // not JSON: echoed as text
  }
  j["project"] = std::move(project);
  return j.dump(2) + "\n";
}

}  // namespace zhunru
