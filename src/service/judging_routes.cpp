// POST /v1/evaluate, /v1/report and /v1/screen: projects in, decisions out.
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/stream.hpp>
#include <nlohmann/json.hpp>

#include "service/chunk_stream.hpp"
#include "service/http_reply.hpp"
#include "service/routes.hpp"
#include "zhunru/dates.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/report.hpp"
#include "zhunru/screen.hpp"

namespace zhunru::service {
namespace {

ProjectLimits limits_of(const ServiceOptions& options) {
  ProjectLimits limits;
  limits.max_bytes = options.max_body_bytes;
  return limits;
}

struct Judged {
  Project project;
  Decision decision;
};

/// The project in `text` read and judged as of `?as_of=`, its verdict
/// counted; nullopt when it could not be, with the error answered.
std::optional<Judged> judge(ServiceContext& ctx, Call& call, std::string_view text) {
  EvaluateOptions options;
  if (!read_as_of(call.req, call.res, options.as_of)) return std::nullopt;
  ProjectResult project = load_project_json(*call.ruleset, text, limits_of(ctx.options));
  if (!project) {
    reply_project_errors(call.res, project.error());
    return std::nullopt;
  }
  auto decision = evaluate(*call.ruleset, *project, options);
  if (!decision) {
    reply_project_errors(call.res, {{decision.error().code, "", decision.error().message}});
    return std::nullopt;
  }
  ctx.metrics.count_verdicts(decision->verdict);
  return Judged{std::move(project).value(), std::move(decision).value()};
}

void evaluate_route(ServiceContext& ctx, Call& call) {
  if (!language_of(call.req, call.res)) return;
  if (const auto judged = judge(ctx, call, call.body)) reply_json(call.res, 200, to_json(judged->decision, JsonLayout::compact));
}

/// POST: the body is the project; GET: `?project=` holds it (a link the page can make).
void report_route(ServiceContext& ctx, Call& call) {
  const httplib::Request& req = call.req;
  const auto lang = language_of(req, call.res);
  if (!lang) return;
  const auto judged = judge(ctx, call, req.method == "POST" ? call.body : req.get_param_value("project"));
  if (!judged) return;
  // The report is Chinese unless asked otherwise (?lang=en, or Accept-Language).
  const Lang report_lang = req.has_param("lang") || req.has_header("Accept-Language") ? *lang : Lang::zh;
  call.res.status = 200;
  call.res.set_content(to_html(*call.ruleset, judged->project, judged->decision, {report_lang}),
                       "text/html; charset=utf-8");
}

/// `?name=` as one of `names` (the first is the default); nullopt, with a 400 written, otherwise.
template <class Enum>
std::optional<Enum> choice(const httplib::Request& req, httplib::Response& res, const char* name,
                           std::initializer_list<std::pair<const char*, Enum>> names) {
  if (!req.has_param(name)) return names.begin()->second;
  const std::string given = req.get_param_value(name);
  std::string all;
  for (const auto& [text, value] : names) {
    if (given == text) return value;
    all += all.empty() ? text : std::string(", ") + text;
  }
  reply_error(res, 400, "http.bad-parameter",
              {std::string(name) + " must be one of " + all + ", found `" + given + "`",
               std::string(name) + " 应为 " + all + " 之一，此处为“" + given + "”"});
  return std::nullopt;
}

using BodyStream = boost::iostreams::stream<boost::iostreams::array_source>;

/// A CSV batch's header read before anything is sent, so a header naming no
/// fact is a 400, not a failure in the middle of a 200 stream.
std::optional<ScreenError> csv_header_problem(const Ruleset& ruleset, std::string_view body,
                                              const ScreenOptions& options) {
  bool quoted = false;
  std::size_t end = 0;
  while (end < body.size() && (quoted || body[end] != '\n')) quoted ^= body[end++] == '"';
  BodyStream header(body.data(), end);
  std::string discarded;  // a header and no records: the answers' header line at most
  boost::iostreams::stream<boost::iostreams::back_insert_device<std::string>> nowhere(discarded);
  const auto summary = screen(ruleset, header, nowhere, options);
  if (summary) return std::nullopt;
  return summary.error();
}

std::string error_line(const ScreenError& e) {
  const nlohmann::ordered_json error{
      {"code", e.code}, {"fact", ""}, {"message", {{"en", e.message.en}, {"zh", e.message.zh}}}};
  return nlohmann::ordered_json{{"error", error}}.dump() + '\n';
}

const char* content_type_of(BatchOutput output) {
  switch (output) {
    case BatchOutput::csv: return "text/csv; charset=utf-8";
    case BatchOutput::geojson: return "application/geo+json; charset=utf-8";
    case BatchOutput::ndjson: break;
  }
  return "application/x-ndjson; charset=utf-8";
}

void screen_route(ServiceContext& ctx, Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  ScreenOptions options;
  const auto lang = language_of(req, res);
  const auto input = choice<BatchInput>(req, res, "input",
                                        {{"ndjson", BatchInput::ndjson}, {"json", BatchInput::json_array},
                                         {"geojson", BatchInput::geojson}, {"csv", BatchInput::csv}});
  const auto output = choice<BatchOutput>(
      req, res, "format", {{"ndjson", BatchOutput::ndjson}, {"csv", BatchOutput::csv}, {"geojson", BatchOutput::geojson}});
  const auto verdict_only = choice<bool>(req, res, "verdict_only", {{"false", false}, {"true", true}});
  if (!lang || !input || !output || !verdict_only || !read_as_of(req, res, options.evaluate.as_of)) return;
  options.input = *input;
  options.output = *output;
  options.verdict_only = *verdict_only;
  options.lang = *lang;
  options.limits = limits_of(ctx.options);
  if (options.input == BatchInput::csv) {
    if (const auto problem = csv_header_problem(*call.ruleset, call.body, options)) {
      return reply_error(res, 400, problem->code, problem->message);
    }
  }
  // Answers are streamed as they are judged; the body, the ruleset and the
  // in-flight token live in the writer until the last chunk is written.
  res.set_chunked_content_provider(
      content_type_of(*output),
      [&ctx, body = std::move(call.body), options, ruleset = std::move(call.ruleset),
       in_flight = std::move(call.in_flight)](std::size_t, httplib::DataSink& sink) {
        BodyStream batch(body.data(), body.size());
        ChunkBuffer chunks(sink);
        std::ostream answers(&chunks);
        const auto summary = screen(*ruleset, batch, answers, options);
        if (summary) {
          for (std::size_t v = 0; v < summary->verdicts.size(); ++v) {
            ctx.metrics.count_verdicts(static_cast<Verdict>(v), summary->verdicts[v]);
          }
          ctx.log.event("screened", {{"records", summary->records},
                                     {"errors", summary->errors},
                                     {"seconds", summary->seconds},
                                     {"ruleset", ruleset->hash()}});
        } else {
          answers << error_line(summary.error());  // the header was read before: cannot happen, but say it
        }
        answers.flush();
        sink.done();
        return true;
      });
}

}  // namespace

void add_judging_routes(httplib::Server& server, ServiceContext& ctx) {
  route(server, "/v1/evaluate", "POST", nullptr,
        guarded(ctx, Access::open, [&ctx](Call& call) { evaluate_route(ctx, call); }));
  const auto report = guarded(ctx, Access::open, [&ctx](Call& call) { report_route(ctx, call); });
  route(server, "/v1/report", "GET, POST", report, report);
  route(server, "/v1/screen", "POST", nullptr,
        guarded(ctx, Access::token, [&ctx](Call& call) { screen_route(ctx, call); }));
}

}  // namespace zhunru::service
