#include "service/service_log.hpp"

#include <chrono>
#include <stdexcept>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace zhunru::service {
namespace {

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  const auto ms = now.time_since_epoch().count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", std::chrono::floor<std::chrono::seconds>(now), ms);
}

}  // namespace

ServiceLog::ServiceLog(const std::string& path)
    : file_(path.empty() || path == "-" ? stderr : std::fopen(path.c_str(), "a")),
      owned_(file_ != stderr) {
  if (file_ == nullptr) throw std::runtime_error("cannot open the log file " + path);
}

ServiceLog::~ServiceLog() {
  if (owned_) std::fclose(file_);
}

void ServiceLog::write(nlohmann::ordered_json line) {
  nlohmann::ordered_json out{{"time", utc_now()}};
  for (auto& [key, value] : line.items()) out[key] = std::move(value);
  // Invalid UTF-8 in a request path is logged with U+FFFD, never refused.
  const std::string text = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
  const std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), file_);
  std::fflush(file_);
}

void ServiceLog::event(const std::string& kind, nlohmann::ordered_json fields) {
  nlohmann::ordered_json line{{"event", kind}};
  for (auto& [key, value] : fields.items()) line[key] = std::move(value);
  write(std::move(line));
}

}  // namespace zhunru::service
