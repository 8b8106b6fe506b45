// `zhunru serve`: the HTTP service (docs/service.md). Runs until SIGINT or
// SIGTERM; SIGHUP reloads the ruleset.
#pragma once

#include <iosfwd>

#include "service/service_options.hpp"

namespace zhunru::service {

/// Loads the ruleset, serves until stopped. Returns a process exit code:
/// 0 after a clean stop, 1 when the ruleset has errors, 2 when the service
/// could not start (a port in use, a bad option). `err` gets start-up
/// failures in the options' language; the log gets everything else.
int run_service(const ServiceOptions& options, std::ostream& err);

}  // namespace zhunru::service
