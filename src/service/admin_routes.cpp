// The service's own state: health (with a failed reload, if any), metrics,
// and a reload on request.
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "service/http_reply.hpp"
#include "service/routes.hpp"

namespace zhunru::service {
namespace {

std::string iso_time(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(t));
}

/// `status` is "ok", or "reload-failed" while the newest version does not
/// compile (the previous one is still serving, so the service is healthy).
std::string health_json(const SlotStatus& s) {
  const Ruleset& rs = *s.ruleset;
  nlohmann::ordered_json j{{"status", s.last_failure ? "reload-failed" : "ok"},
                           {"ruleset",
                            {{"title", rs.title()},
                             {"version", rs.version()},
                             {"hash", rs.hash()},
                             {"rules", rs.rule_count()},
                             {"loaded_at", iso_time(s.loaded_at)}}},
                           {"reloads", s.reloads},
                           {"failed_reloads", s.failed_reloads},
                           {"last_failure", nullptr}};
  if (s.last_failure) {
    const ReloadFailure& f = *s.last_failure;
    j["last_failure"] = {{"at", iso_time(f.at)},
                         {"message", {{"en", f.message.en}, {"zh", f.message.zh}}},
                         {"diagnostics", f.diagnostics}};
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

}  // namespace

void add_admin_routes(httplib::Server& server, ServiceContext& ctx) {
  route(server, "/healthz", "GET",
        guarded(ctx, Access::open,
                [&ctx](Call& c) { reply_json(c.res, 200, health_json(ctx.slot.status())); }),
        nullptr);
  route(server, "/metrics", "GET",
        guarded(ctx, Access::open,
                [&ctx](Call& c) {
                  c.res.set_content(ctx.metrics.prometheus(ctx.slot.status()), "text/plain; version=0.0.4; charset=utf-8");
                }),
        nullptr);
  // Compiles on the request's thread and answers when done: 200 serving the
  // new version (or the same one, unchanged), 422 when it failed and the
  // previous one is still serving.
  route(server, "/v1/reload", "POST", nullptr,
        guarded(ctx, Access::token, [&ctx](Call& c) {
          const bool ok = ctx.reloader.reload_now("request");
          const SlotStatus status = ctx.slot.status();
          c.res.headers.erase("X-Zhunru-Ruleset");  // the version now serving, not the one before
          c.res.set_header("X-Zhunru-Ruleset", status.ruleset->hash());
          reply_json(c.res, ok ? 200 : 422, health_json(status));
        }));
}

}  // namespace zhunru::service
