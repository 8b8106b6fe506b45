// What `zhunru serve` is told on its command line (docs/service.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

#include "zhunru/localized.hpp"

namespace zhunru::service {

struct ServiceOptions {
  std::string ruleset;                 // a ruleset directory, or a snapshot (FILE.zr)
  std::string bind = "127.0.0.1";      // localhost unless told otherwise
  int port = 8080;                     // 0: any free port (the log's first line names it)
  unsigned threads = 0;                // connections served at once; 0: max(128, 32 × cores)
  std::size_t max_body_bytes = std::size_t{16} << 20;  // a larger request is refused with 413
  std::size_t max_in_flight = 256;     // requests judged at once beyond this get 503
  std::chrono::seconds read_timeout{10};   // a client that stops sending is dropped
  std::chrono::seconds write_timeout{10};  // a client that stops reading is dropped
  std::chrono::milliseconds reload_interval{1000};  // how often the ruleset is looked at; 0: only on SIGHUP
  std::string token;                   // bearer token for /v1/screen and /v1/reload; "" = open
  std::string static_dir;              // the page (web/); "" = no page
  std::string access_log;              // JSON lines to this file; "" or "-" = stderr
  bool repair_maps = false;
  Lang lang = Lang::en;                // of the log's messages
};

}  // namespace zhunru::service
