// What the ruleset says, whatever the project: what applies at a site, the
// project file's schema, the ruleset's own description.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>

#include "service/http_reply.hpp"
#include "service/routes.hpp"
#include "zhunru/applies.hpp"
#include "zhunru/dates.hpp"
#include "zhunru/maps.hpp"
#include "zhunru/schema.hpp"

namespace zhunru::service {
namespace {

/// GET: `?lon=&lat=` (a point); POST: the body is a GeoJSON geometry or Feature.
std::optional<std::string> site_of(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  if (req.method == "POST") return call.body;
  const auto lon = number_parameter(req, "lon");
  const auto lat = number_parameter(req, "lat");
  if (!lon || !lat) {
    reply_error(res, 400, "http.bad-parameter", !lon ? lon.error() : lat.error());
    return std::nullopt;
  }
  return fmt::format(R"({{"type": "Point", "coordinates": [{}, {}]}})", *lon, *lat);
}

void applies_route(Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  if (!language_of(req, res)) return;
  AppliesQuery query;
  const auto site = site_of(call);
  if (!site) return;
  query.site_geojson = *site;
  query.industry = req.get_param_value("industry");
  if (!read_as_of(req, res, query.as_of)) return;
  const auto answer = applies(*call.ruleset, query);
  if (!answer) return reply_project_errors(res, answer.error());
  reply_json(res, 200, to_json(*answer, JsonLayout::compact));
}

/// The maps change only with the ruleset, and districts are dissolved with
/// GEOS: each is made once per ruleset version and kept.
class MapCache {
 public:
  Expected<std::string, LocalizedText> get(const Ruleset& rs, const std::string& name) {
    {
      const std::lock_guard lock(mutex_);
      if (hash_ != rs.hash()) {
        maps_.clear();
        hash_ = rs.hash();
      }
      if (const auto found = maps_.find(name); found != maps_.end()) return found->second;
    }
    auto made = map_geojson(rs, name);  // outside the lock: another map need not wait
    if (!made) return made;
    const std::lock_guard lock(mutex_);
    if (hash_ == rs.hash()) maps_.emplace(name, *made);  // names are the ruleset's own: bounded
    return made;
  }

 private:
  std::mutex mutex_;
  std::string hash_;
  std::map<std::string, std::string> maps_;
};

}  // namespace

void add_ruleset_routes(httplib::Server& server, ServiceContext& ctx) {
  const auto applies_handler = guarded(ctx, Access::open, applies_route);
  route(server, "/v1/applies", "GET, POST", applies_handler, applies_handler);
  route(server, "/v1/schema", "GET",
        guarded(ctx, Access::open,
                [](Call& c) {
                  const bool blank = c.req.get_param_value("template") == "true";
                  reply_json(c.res, 200, blank ? project_template(*c.ruleset) : project_schema(*c.ruleset));
                }),
        nullptr);
  auto cache = std::make_shared<MapCache>();
  route(server, "/v1/maps", "GET",
        guarded(ctx, Access::open,
                [](Call& c) { reply_json(c.res, 200, nlohmann::json(map_names(*c.ruleset)).dump() + "\n"); }),
        nullptr);
  const auto one_map = guarded(ctx, Access::open, [cache](Call& c) {
    const auto json = cache->get(*c.ruleset, c.req.matches[1].str());
    if (!json) return reply_error(c.res, 404, "http.not-found", json.error());
    c.res.set_header("Cache-Control", "no-cache");  // revalidated: a reload may change it
    reply_json(c.res, 200, *json);
  });
  route(server, R"(/v1/maps/([^/]+))", "GET", one_map, nullptr);
  route(server, "/v1/ruleset", "GET",
        guarded(ctx, Access::open,
                [](Call& c) {
                  reply_json(c.res, 200, describe_json(*c.ruleset, c.req.get_param_value("rules") != "false"));
                }),
        nullptr);
}

}  // namespace zhunru::service
