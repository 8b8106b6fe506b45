#include "service/metrics.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zhunru::service {
namespace {

// A label value as Prometheus reads it: \, " and newline escaped.
std::string label(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c == '\n' ? 'n' : c;
  }
  return out;
}

void help(std::string& out, const char* name, const char* type, const char* text) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, text, name, type);
}

}  // namespace

void Metrics::observe(const std::string& route, int status, double seconds) {
  const std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  ++h.counts[static_cast<std::size_t>(bucket)];
  h.sum += seconds;
  ++h.count;
}

std::string Metrics::prometheus(const SlotStatus& slot) const {
  std::string out;
  {
    const std::lock_guard lock(mutex_);
    help(out, "zhunru_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [key, count] : requests_) {
      out += fmt::format("zhunru_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n", label(key.first), key.second,
                         count);
    }
    help(out, "zhunru_http_request_duration_seconds", "histogram", "Time to answer a request, by route.");
    for (const auto& [route, h] : latency_) {
      std::size_t cumulative = 0;
      for (std::size_t i = 0; i <= kBuckets.size(); ++i) {
        cumulative += h.counts[i];
        const std::string le = i < kBuckets.size() ? fmt::format("{}", kBuckets[i]) : "+Inf";
        out += fmt::format("zhunru_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route),
                           le, cumulative);
      }
      out += fmt::format("zhunru_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label(route), h.sum);
      out += fmt::format("zhunru_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route), h.count);
    }
  }
  help(out, "zhunru_verdicts_total", "counter", "Projects judged through /v1/evaluate and /v1/report, by verdict.");
  for (const Verdict v : {Verdict::admit, Verdict::conditional, Verdict::reject, Verdict::incomplete}) {
    out += fmt::format("zhunru_verdicts_total{{verdict=\"{}\"}} {}\n", name_of(v),
                       verdicts_[static_cast<std::size_t>(v)].load());
  }
  help(out, "zhunru_requests_in_flight", "gauge", "Requests being answered now.");
  out += fmt::format("zhunru_requests_in_flight {}\n", in_flight_.load());
  help(out, "zhunru_requests_refused_busy_total", "counter", "Requests refused with 503 because too many were in flight.");
  out += fmt::format("zhunru_requests_refused_busy_total {}\n", busy_.load());
  help(out, "zhunru_reloads_total", "counter", "New versions of the ruleset, by outcome.");
  out += fmt::format("zhunru_reloads_total{{result=\"ok\"}} {}\n", slot.reloads);
  out += fmt::format("zhunru_reloads_total{{result=\"failed\"}} {}\n", slot.failed_reloads);
  help(out, "zhunru_ruleset_info", "gauge", "The ruleset being served (value 1).");
  out += fmt::format("zhunru_ruleset_info{{hash=\"{}\",version=\"{}\"}} 1\n", label(slot.ruleset->hash()),
                     label(slot.ruleset->version()));
  help(out, "zhunru_reload_failing", "gauge", "1 when the newest version of the ruleset failed to compile.");
  out += fmt::format("zhunru_reload_failing {}\n", slot.last_failure ? 1 : 0);
  return out;
}

}  // namespace zhunru::service
