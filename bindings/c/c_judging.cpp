// Judging through the C API: evaluate, screen, applies, schema, audit. Each
// answer is the JSON the matching `zhunru` command prints.
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/stream.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

#include "c_error.hpp"
#include "c_options.hpp"
#include "c_ruleset.hpp"
#include "zhunru/zhunru.hpp"

namespace zhunru::c_api {
namespace {

using Json = nlohmann::ordered_json;

/// Every problem of a project that cannot be judged, one per line; the
/// first one's code.
[[noreturn]] void refuse(const std::vector<ProjectError>& errors) {
  LocalizedText all;
  for (const ProjectError& e : errors) {
    const std::string where = e.fact.empty() ? "" : e.fact + ": ";
    all.en += (all.en.empty() ? "" : "\n") + where + e.message.en;
    all.zh += (all.zh.empty() ? "" : "\n") + where + e.message.zh;
  }
  throw Failure(ZHUNRU_ERROR_INPUT, errors.empty() ? "internal" : errors.front().code, all);
}

BatchInput batch_input(const std::string& name) {
  if (name == "json") return BatchInput::json_array;
  if (name == "geojson") return BatchInput::geojson;
  if (name == "csv") return BatchInput::csv;
  return BatchInput::ndjson;
}

BatchOutput batch_output(const std::string& name) {
  if (name == "csv") return BatchOutput::csv;
  if (name == "geojson") return BatchOutput::geojson;
  return BatchOutput::ndjson;
}

Json counted(const std::vector<std::pair<std::string, std::size_t>>& counts) {
  Json out = Json::array();
  for (const auto& [name, n] : counts) out.push_back(Json::array({name, n}));
  return out;
}

std::string summary_json_of(const ScreenSummary& s) {
  Json verdicts = Json::object();
  for (std::size_t v = 0; v < s.verdicts.size(); ++v) verdicts[std::string(name_of(static_cast<Verdict>(v)))] = s.verdicts[v];
  Json stopped = nullptr;
  if (s.stopped) stopped = Json{{"code", s.stopped->code}, {"en", s.stopped->message.en}, {"zh", s.stopped->message.zh}};
  return Json{{"records", s.records},  {"errors", s.errors},   {"verdicts", verdicts}, {"violated", counted(s.violated)},
              {"missing", counted(s.missing)}, {"stopped", stopped}, {"seconds", s.seconds}}
      .dump();
}

/// A GeoJSON point at lon/lat, for a query that gives coordinates.
std::string point(double lon, double lat) { return Json{{"type", "Point"}, {"coordinates", {lon, lat}}}.dump(); }

}  // namespace
}  // namespace zhunru::c_api

using namespace zhunru::c_api;

extern "C" {

zhunru_status zhunru_evaluate(const zhunru_ruleset* ruleset, const char* project_json, size_t length,
                              const char* options_json, char** decision_json, zhunru_error** error) {
  return answered(error, decision_json, "decision_json", [&] {
    const zhunru::Ruleset& rs = ruleset_of(ruleset);
    if (length > 0) require(project_json, "project_json");
    const Options o(options_json, {"as_of", "verdict_only", "compact"}, "evaluate options");
    zhunru::EvaluateOptions options;
    if (const auto as_of = o.date("as_of")) options.as_of = *as_of;
    const bool verdict_only = o.boolean("verdict_only").value_or(false);
    options.findings = !verdict_only;
    const auto project = zhunru::load_project_json(rs, std::string_view(project_json, length));
    if (!project) refuse(project.error());
    const auto decision = zhunru::evaluate(rs, *project, options);
    if (!decision) throw Failure(ZHUNRU_ERROR_INPUT, decision.error().code, decision.error().message);
    const auto layout = o.boolean("compact").value_or(false) ? zhunru::JsonLayout::compact : zhunru::JsonLayout::pretty;
    return copy_out(verdict_only ? zhunru::to_verdict_json(*decision) : zhunru::to_json(*decision, layout));
  });
}

zhunru_status zhunru_screen(const zhunru_ruleset* ruleset, const char* input, size_t length, const char* options_json,
                            char** answers, char** summary_json, zhunru_error** error) {
  if (answers != nullptr) *answers = nullptr;
  if (summary_json != nullptr) *summary_json = nullptr;
  return guarded(error, [&] {
    const zhunru::Ruleset& rs = ruleset_of(ruleset);
    if (length > 0) require(input, "input");
    require(answers, "answers");
    const Options o(options_json, {"input", "format", "as_of", "verdict_only", "threads", "lang"}, "screen options");
    zhunru::ScreenOptions options;
    options.input = batch_input(o.choice("input", {"ndjson", "json", "geojson", "csv"}).value_or("ndjson"));
    options.output = batch_output(o.choice("format", {"ndjson", "csv", "geojson"}).value_or("ndjson"));
    if (const auto as_of = o.date("as_of")) options.evaluate.as_of = *as_of;
    options.verdict_only = o.boolean("verdict_only").value_or(false);
    options.threads = static_cast<unsigned>(o.integer("threads", 0, 1024).value_or(0));
    options.lang = o.choice("lang", {"en", "zh"}).value_or("en") == "zh" ? zhunru::Lang::zh : zhunru::Lang::en;
    // Read where the caller holds it: a large batch is not copied first.
    boost::iostreams::stream<boost::iostreams::array_source> in(input == nullptr ? "" : input, length);
    std::ostringstream out;
    const auto summary = zhunru::screen(rs, in, out, options);
    if (!summary) throw Failure(ZHUNRU_ERROR_INPUT, summary.error().code, summary.error().message);
    // Both strings are made before either is handed over, so a failure leaks neither.
    std::string summary_text = summary_json != nullptr ? summary_json_of(*summary) : std::string();
    char* answers_out = copy_out(std::move(out).str());
    if (summary_json != nullptr) {
      try {
        *summary_json = copy_out(summary_text);
      } catch (...) {
        std::free(answers_out);
        throw;
      }
    }
    *answers = answers_out;
  });
}

zhunru_status zhunru_applies(const zhunru_ruleset* ruleset, const char* query_json, char** answer_json,
                             zhunru_error** error) {
  return answered(error, answer_json, "answer_json", [&] {
    const zhunru::Ruleset& rs = ruleset_of(ruleset);
    require(query_json, "query_json");
    const Options o(query_json, {"site", "lon", "lat", "industry", "as_of"}, "the applies query",
                    zhunru::ProjectLimits{}.max_bytes);
    zhunru::AppliesQuery query;
    const auto lon = o.number("lon");
    const auto lat = o.number("lat");
    if (const auto site = o.object("site")) {
      if (lon || lat) invalid_argument({"give `site` or `lon` and `lat`, not both", "请给出 `site` 或 `lon` 与 `lat`，不要同时给出"});
      query.site_geojson = *site;
    } else if (lon && lat) {
      query.site_geojson = point(*lon, *lat);
    } else {
      invalid_argument({"the applies query needs `site` (GeoJSON) or both `lon` and `lat`",
                        "查询须给出 `site`（GeoJSON）或同时给出 `lon` 与 `lat`"});
    }
    query.industry = o.text("industry").value_or("");
    if (const auto as_of = o.date("as_of")) query.as_of = *as_of;
    const auto answer = zhunru::applies(rs, query);
    if (!answer) refuse(answer.error());
    return copy_out(zhunru::to_json(*answer));
  });
}

zhunru_status zhunru_schema(const zhunru_ruleset* ruleset, char** schema_json, zhunru_error** error) {
  return answered(error, schema_json, "schema_json",
                  [&] { return copy_out(zhunru::project_schema(ruleset_of(ruleset))); });
}

zhunru_status zhunru_template(const zhunru_ruleset* ruleset, char** template_json, zhunru_error** error) {
  return answered(error, template_json, "template_json",
                  [&] { return copy_out(zhunru::project_template(ruleset_of(ruleset))); });
}

zhunru_status zhunru_audit(const zhunru_ruleset* ruleset, const char* options_json, char** report_json,
                           zhunru_error** error) {
  return answered(error, report_json, "report_json", [&] {
    const zhunru::Ruleset& rs = ruleset_of(ruleset);
    const Options o(options_json, {"as_of", "timeout_ms"}, "audit options");
    zhunru::AuditOptions options;
    if (const auto as_of = o.date("as_of")) options.as_of = *as_of;
    if (const auto t = o.integer("timeout_ms", 1, 3600000)) options.timeout_ms = static_cast<unsigned>(*t);
    return copy_out(zhunru::to_json(zhunru::audit(rs, options)));
  });
}

}  // extern "C"
