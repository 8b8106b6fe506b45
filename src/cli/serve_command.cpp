#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "base/file_io.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "service/service.hpp"

namespace zhunru::cli {

int run_serve(const ServeCliOptions& cli, std::ostream& err) {
  service::ServiceOptions o;
  o.ruleset = cli.ruleset;
  o.bind = cli.bind;
  o.port = cli.port;
  o.threads = cli.threads;
  o.max_body_bytes = cli.max_body_mib << 20;
  o.max_in_flight = cli.max_in_flight;
  o.reload_interval = std::chrono::milliseconds(cli.reload_ms);
  // The page: --page, else the repository's web/ (a build from source), else none.
  o.static_dir = cli.page;
  if (o.static_dir.empty() && !cli.no_page && std::filesystem::exists(std::filesystem::path(ZHUNRU_WEB_DIR) / "index.html")) {
    o.static_dir = ZHUNRU_WEB_DIR;
  }
  o.access_log = cli.log;
  o.repair_maps = cli.repair_maps;
  o.lang = cli.lang;
  // The token from a file, or from the environment: never on the command
  // line, where every user of the machine can read it.
  if (!cli.token_file.empty()) {
    auto token = read_file(cli.token_file, 4096);
    if (!token) {
      err << "zhunru serve: " << token.error().in(cli.lang) << '\n';
      return kBadInput;
    }
    while (!token->empty() && (token->back() == '\n' || token->back() == '\r' || token->back() == ' ')) token->pop_back();
    o.token = *token;
  } else if (const char* env = std::getenv("ZHUNRU_TOKEN"); env != nullptr) {
    o.token = env;
  }
  return service::run_service(o, err);
}

}  // namespace zhunru::cli
