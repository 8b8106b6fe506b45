// The service's route tables, each a client of the public API.
#pragma once

#include <httplib.h>

#include "service/service_context.hpp"

namespace zhunru::service {

/// POST /v1/evaluate, GET|POST /v1/report, POST /v1/screen.
void add_judging_routes(httplib::Server& server, ServiceContext& ctx);
/// GET|POST /v1/applies, GET /v1/schema, GET /v1/ruleset, GET /v1/maps[/NAME].
void add_ruleset_routes(httplib::Server& server, ServiceContext& ctx);
/// GET /healthz, GET /metrics, POST /v1/reload.
void add_admin_routes(httplib::Server& server, ServiceContext& ctx);

}  // namespace zhunru::service
