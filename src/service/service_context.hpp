// What every route of the service shares. Handed to the route tables by
// reference; it outlives the server.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <httplib.h>

#include "service/metrics.hpp"
#include "service/reloader.hpp"
#include "service/ruleset_slot.hpp"
#include "service/service_log.hpp"
#include "service/service_options.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru::service {

struct ServiceContext {
  const ServiceOptions& options;
  RulesetSlot& slot;
  Metrics& metrics;
  ServiceLog& log;
  Reloader& reloader;
};

/// Held while a request is being answered (also by a streamed answer's
/// writer, after its handler has returned).
using InFlight = std::shared_ptr<void>;

/// One request as a route sees it: the body read (bounded by
/// --max-body-mib), the ruleset that judges the whole request, and the
/// in-flight token to keep while answering (a streamed answer keeps it
/// until its last chunk).
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  std::string body;
  std::shared_ptr<const Ruleset> ruleset;
  InFlight in_flight;
};
using CallHandler = std::function<void(Call&)>;
/// A route ready to register: the request and its body.
using Endpoint = std::function<void(const httplib::Request&, httplib::Response&, std::string body)>;

enum class Access { open, token };

/// Wraps a route: refuses with 503 when too many requests are in flight and
/// with 401 when the route needs the token and it is missing or wrong; takes
/// the current ruleset once and names its hash in `X-Zhunru-Ruleset`; turns
/// an exception into a 500 with a JSON error.
Endpoint guarded(ServiceContext& ctx, Access access, CallHandler handler);

/// Registers `get` and `post` (either may be empty) and answers 405 (with
/// `Allow`) to the other methods on the same path. A POST body is read
/// whatever its Content-Type (httplib would cap a form-encoded one at 8 KB:
/// `curl --data-binary @project.json` sends that type).
void route(httplib::Server& server, const std::string& path, const std::string& allowed, Endpoint get, Endpoint post);

}  // namespace zhunru::service
