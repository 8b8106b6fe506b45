// The decision as JSON: the members docs/language.md lists, never renamed, plus the
// ones documented in docs/decision-json.md. Member order is fixed. Written
// straight into the output (base/json_writer): no tree is built.
#include <nlohmann/json.hpp>

#include <cmath>

#include "base/dates.hpp"
#include "base/json_check.hpp"
#include "base/json_input.hpp"
#include "eval/decision_json.hpp"

namespace zhunru {
namespace {

/// Scores to two decimals: stable text, no spurious precision.
void score_value(JsonWriter& w, const std::optional<double>& s) {
  if (s) {
    w.value(std::round(*s * 100.0) / 100.0);
  } else {
    w.null();
  }
}

void finding_json(JsonWriter& w, const Finding& f) {
  w.begin_object();
  w.member("rule", f.rule).member("tier", name_of(f.tier)).member("tier_code", f.tier_code);
  w.key("restates");
  if (f.restates.empty()) {
    w.null();
  } else {
    w.value(f.restates);
  }
  w.member("dimension", name_of(f.dimension)).member("form", name_of(f.form)).member("status", name_of(f.status));
  w.key("applies");
  if (f.applies) {
    w.value(*f.applies);
  } else {
    w.null();
  }
  w.member("unit", f.unit);
  std::string cite;
  for (const auto& c : f.cites) cite += (cite.empty() ? "" : "; ") + c;
  w.member("cite", cite);
  w.key("cites").strings(f.cites);
  w.key("quotes").strings(f.quotes);
  w.member("because", f.because).member("source", f.source).member("weight", f.weight);
  w.key("requirement");
  if (f.requirement.empty()) {
    w.null();
  } else {
    w.value(f.requirement);
  }
  w.key("requirement_zh");
  if (f.requirement_zh.empty()) {
    w.null();
  } else {
    w.value(f.requirement_zh);
  }
  w.key("missing").strings(f.missing);
  w.key("trace").begin_array();
  for (const TraceStep& s : f.trace) {
    w.begin_object().member("part", s.part).member("text", s.text).member("text_zh", s.text_zh);
    w.member("value", name_of(s.value)).end_object();
  }
  w.end_array();
  w.end_object();
}

/// The `project` member as given. FactsBuilder keeps it small, valid and on
/// one line, but a Decision is a plain struct an embedder may fill with
/// anything: it is checked again (bounded) and written in the answer's layout.
void project_json(JsonWriter& w, const std::string& text, bool compact) {
  if (text.empty()) {
    w.null();
    return;
  }
  // The common case, on one line already: a validating pass, no tree.
  if (compact && text.size() <= json_input::Limits{}.max_bytes && text.find_first_of("\n\r") == std::string::npos &&
      is_json_text(text)) {
    w.raw(text);
    return;
  }
  auto parsed = json_input::parse<nlohmann::ordered_json>(text, {}, {"the `project` member", "`project` 成员"});
  if (!parsed) {
    w.value(text);  // not JSON: echoed as text
    return;
  }
  std::string dumped = parsed->dump(compact ? -1 : 2);
  if (!compact) {  // nested one level in: indent every line after the first
    std::string nested;
    for (char c : dumped) {
      nested.push_back(c);
      if (c == '\n') nested += "  ";
    }
    dumped = std::move(nested);
  }
  w.raw(dumped);
}

}  // namespace

void write_decision_members(JsonWriter& w, const Decision& d, bool compact) {
  w.member("verdict", name_of(d.verdict)).member("best", name_of(d.best)).member("worst", name_of(d.worst));
  w.key("missing").strings(d.missing);
  w.key("needed").strings(d.needed);
  w.key("violated").strings(d.violated);
  w.member("as_of", iso_date(d.as_of));
  w.key("units").begin_array();
  for (const UnitDecision& u : d.units) {
    w.begin_object().member("code", u.code).member("name", u.name).member("class", name_of(u.unit_class));
    w.member("district", u.district).key("share");
    if (u.share) {
      w.value(std::round(*u.share * 1e6) / 1e6);  // to 1e-6
    } else {
      w.null();
    }
    w.member("verdict", name_of(u.verdict)).member("best", name_of(u.best)).member("worst", name_of(u.worst));
    w.end_object();
  }
  w.end_array();
  w.key("notes").begin_array();
  for (const LocalizedText& n : d.notes) w.begin_object().member("en", n.en).member("zh", n.zh).end_object();
  w.end_array();
  w.key("findings").begin_array();
  for (const Finding& f : d.findings) finding_json(w, f);
  w.end_array();
  w.key("score").begin_object().key("overall");
  score_value(w, d.score.overall);
  for (std::size_t i = 0; i < d.score.tiers.size(); ++i) {
    w.key(name_of(static_cast<TierLevel>(i)));
    score_value(w, d.score.tiers[i]);
  }
  w.key("dimensions").begin_object();
  for (std::size_t i = 0; i < 4; ++i) {
    w.key(name_of(static_cast<ControlDimension>(i)));
    score_value(w, d.score.dimensions[i]);
  }
  w.end_object().end_object();
  w.key("ruleset").begin_object().member("title", d.ruleset_title).member("version", d.ruleset_version);
  w.member("hash", d.ruleset_hash).end_object();
  w.key("project");
  project_json(w, d.project_json, compact);
}

void write_verdict_members(JsonWriter& w, const Decision& d) {
  w.member("verdict", name_of(d.verdict)).member("best", name_of(d.best)).member("worst", name_of(d.worst));
  w.key("missing").strings(d.missing);
  w.key("needed").strings(d.needed);
  w.key("violated").strings(d.violated);
  w.key("units").begin_array();
  for (const UnitDecision& u : d.units) w.value(u.code);
  w.end_array();
}

std::string to_verdict_json(const Decision& d) {
  std::string out;
  out.reserve(256);
  JsonWriter w(out, 0);
  w.begin_object();
  write_verdict_members(w, d);
  w.key("project");
  project_json(w, d.project_json, true);
  w.end_object();
  w.end_line().finish();
  return out;
}

std::string to_json(const Decision& d, JsonLayout layout) {
  const bool compact = layout == JsonLayout::compact;
  std::string out;
  out.reserve(1024 + 512 * d.findings.size());
  JsonWriter w(out, compact ? 0 : 2);
  w.begin_object();
  write_decision_members(w, d, compact);
  w.end_object();
  w.end_line().finish();
  return out;
}

}  // namespace zhunru
