#include "screen/answer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "base/json_input.hpp"
#include "base/json_writer.hpp"
#include "eval/decision_json.hpp"

namespace zhunru::batch {
namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ";") + s;
  return out;
}

std::vector<std::string> unit_codes(const Decision& d) {
  std::vector<std::string> out;
  for (const UnitDecision& u : d.units) out.push_back(u.code);
  return out;
}

void write_error(JsonWriter& w, const ProjectError& e) {
  w.begin_object().member("code", e.code).member("fact", e.fact);
  w.key("message").begin_object().member("en", e.message.en).member("zh", e.message.zh).end_object();
  w.end_object();
}

/// `record`, `id`, and where the record came from.
void write_identity(JsonWriter& w, const Answer& a) {
  w.member("record", a.record->number).key("id");
  if (a.id) {
    w.value(*a.id);
  } else {
    w.null();
  }
  if (a.record->line != 0) w.member("line", a.record->line);
  if (!a.record->file.empty()) w.member("file", a.record->file);
}

void write_errors(JsonWriter& w, const Answer& a) {
  w.key("error");
  write_error(w, a.errors.front());
  w.key("errors").begin_array();
  for (const ProjectError& e : a.errors) write_error(w, e);
  w.end_array();
}

void write_ndjson(std::string& out, const Answer& a, bool verdict_only) {
  JsonWriter w(out, 0);
  w.begin_object();
  write_identity(w, a);
  if (!a.decision) {
    write_errors(w, a);
  } else if (verdict_only) {
    write_verdict_members(w, *a.decision);
  } else {
    write_decision_members(w, *a.decision, true);
  }
  w.end_object().end_line();
}

void csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string error_text(const Answer& a, Lang lang) {
  const ProjectError& e = a.errors.front();
  std::string text = e.code + ": " + (e.fact.empty() ? "" : e.fact + ": ") + e.message.in(lang);
  if (a.errors.size() > 1) {
    const std::string more = std::to_string(a.errors.size() - 1);
    text += lang == Lang::zh ? "（另有 " + more + " 个错误）" : " (and " + more + " more)";
  }
  return text;
}

void write_csv(std::string& out, const Answer& a, const ScreenOptions& o) {
  csv_field(out, std::to_string(a.record->number));
  out.push_back(',');
  csv_field(out, a.id.value_or(""));
  const Decision* d = a.decision;
  const auto column = [&](std::string_view value) {
    out.push_back(',');
    csv_field(out, value);
  };
  column(d ? name_of(d->verdict) : "");
  column(d ? name_of(d->best) : "");
  column(d ? name_of(d->worst) : "");
  column(d ? joined(d->violated) : "");
  column(d ? joined(d->missing) : "");
  column(d ? joined(d->needed) : "");
  column(d ? joined(unit_codes(*d)) : "");
  column(d ? "" : error_text(a, o.lang));
  out.push_back('\n');
}

/// The project file's members, for a feature's properties: the facts as given.
Json project_members(const Answer& a, const ProjectLimits& limits) {
  if (!a.project_text) return Json::object();
  auto parsed = json_input::parse<Json>(*a.project_text, {limits.max_bytes, limits.max_depth}, {"", ""});
  if (!parsed || !parsed->is_object()) return Json::object();
  return std::move(parsed).value();
}

void write_feature(std::string& out, const Answer& a, const ScreenOptions& o, bool first) {
  Json given = project_members(a, o.limits);
  if (!first) out.push_back(',');
  out.push_back('\n');
  JsonWriter w(out, 0);
  w.begin_object().member("type", "Feature").key("geometry");
  const auto site = given.find("site");
  if (site != given.end() && site->is_object()) {
    const Json& geometry = site->value("type", "") == "Feature" && site->contains("geometry") ? (*site)["geometry"] : *site;
    w.raw(geometry.dump());
  } else {
    w.null();
  }
  w.key("properties").begin_object();
  write_identity(w, a);
  const Decision* d = a.decision;
  if (d) {
    w.member("verdict", name_of(d->verdict)).member("best", name_of(d->best)).member("worst", name_of(d->worst));
    w.member("violated", joined(d->violated));
    w.member("missing", joined(d->missing)).member("needed", joined(d->needed)).member("units", joined(unit_codes(*d)));
  } else {
    w.member("error", error_text(a, o.lang));
  }
  // The facts as given, under their own names, after the answer's members
  // (a fact named like one of them is left out rather than overwrite it).
  static constexpr std::string_view kOurs[] = {"record", "id", "line", "file", "verdict", "best",
                                               "worst", "violated", "missing", "needed", "units", "error"};
  for (const auto& [name, value] : given.items()) {
    if (name == "site" || name == "project" || std::find(std::begin(kOurs), std::end(kOurs), name) != std::end(kOurs)) {
      continue;
    }
    w.key(name).raw(value.dump());
  }
  w.end_object().end_object();
}

}  // namespace

std::string output_header(BatchOutput format) {
  switch (format) {
    case BatchOutput::ndjson: return "";
    case BatchOutput::csv:
      return "record,id,verdict,best,worst,violated,missing,needed,units,error\n";
    case BatchOutput::geojson: return R"({"type":"FeatureCollection","features":[)";
  }
  return "";
}

std::string output_footer(BatchOutput format) { return format == BatchOutput::geojson ? "\n]}\n" : ""; }

void write_answer(std::string& out, const Answer& a, const ScreenOptions& o, bool first) {
  switch (o.output) {
    case BatchOutput::ndjson: write_ndjson(out, a, o.verdict_only); break;
    case BatchOutput::csv: write_csv(out, a, o); break;
    case BatchOutput::geojson: write_feature(out, a, o, first); break;
  }
}

std::optional<std::string> project_id(std::string_view text, const ProjectLimits& limits) {
  if (text.empty()) return std::nullopt;
  auto parsed = json_input::parse<Json>(text, {limits.max_bytes, limits.max_depth}, {"", ""});
  if (!parsed || !parsed->is_object()) return std::nullopt;
  const auto p = parsed->find("project");
  if (p == parsed->end() || !p->is_object()) return std::nullopt;
  std::string id = json_input::id_or_name(*p);
  if (id.empty()) return std::nullopt;
  return id;
}

}  // namespace zhunru::batch
