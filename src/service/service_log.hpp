// The service's log: one JSON object a line (access lines and events), to
// stderr or a file, whole lines only however many threads write.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace zhunru::service {

class ServiceLog {
 public:
  /// "" or "-": stderr. Throws std::runtime_error when the file cannot be opened.
  explicit ServiceLog(const std::string& path);
  ~ServiceLog();
  ServiceLog(const ServiceLog&) = delete;
  ServiceLog& operator=(const ServiceLog&) = delete;

  /// Writes `line` with `time` (UTC, ISO 8601 with milliseconds) added first.
  void write(nlohmann::ordered_json line);
  /// An event that is not a request: `{"time", "event": kind, …fields}`.
  void event(const std::string& kind, nlohmann::ordered_json fields = nlohmann::ordered_json::object());

 private:
  std::mutex mutex_;
  std::FILE* file_;
  bool owned_;
};

}  // namespace zhunru::service
