#include "service/service.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <atomic>
#include <filesystem>
#include <ostream>
#include <set>
#include <thread>

#include "service/http_reply.hpp"
#include "service/routes.hpp"
#include "service/ruleset_source.hpp"

namespace zhunru::service {
namespace {

/// The route a request is counted under: one of ours, a static file, or
/// "other" — never the raw path, which a client chooses.
std::string route_name(const httplib::Request& req, int status) {
  static const std::set<std::string, std::less<>> kRoutes{"/v1/evaluate", "/v1/screen", "/v1/applies",
                                                          "/v1/schema",   "/v1/ruleset", "/v1/reload",   "/v1/report",
                                                          "/healthz",     "/metrics"};
  if (kRoutes.contains(req.path)) return req.path;
  if (req.path.starts_with("/v1/maps")) return "/v1/maps";
  return status < 400 && req.method == "GET" ? "static" : "other";
}

const LocalizedText kTooLarge{"the request body is larger than the service accepts (--max-body-mib)",
                              "请求体超过服务允许的大小（--max-body-mib）"};

// When the request began, set before routing on the thread that answers it.
thread_local std::chrono::steady_clock::time_point request_started{};

/// SIGINT and SIGTERM stop the server, SIGHUP reloads; waited for on one
/// thread (blocked everywhere else), so no handler runs in a signal context.
class SignalThread {
 public:
  SignalThread() {
    sigemptyset(&set_);
    for (const int s : {SIGHUP, SIGINT, SIGTERM}) sigaddset(&set_, s);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // before any other thread starts: they inherit it
    thread_ = std::thread([this] { wait(); });
  }
  ~SignalThread() {
    if (!finished_.load()) pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
    pthread_sigmask(SIG_UNBLOCK, &set_, nullptr);
  }
  SignalThread(const SignalThread&) = delete;
  SignalThread& operator=(const SignalThread&) = delete;

  void serve(httplib::Server* server, Reloader* reloader) {
    const std::lock_guard lock(mutex_);
    server_ = server;
    reloader_ = reloader;
    if (stop_requested_ && server_ != nullptr) server_->stop();
  }
  [[nodiscard]] bool stop_requested() {
    const std::lock_guard lock(mutex_);
    return stop_requested_;
  }

 private:
  void wait() {
    for (;;) {
      int signal = 0;
      if (sigwait(&set_, &signal) != 0) continue;
      const std::lock_guard lock(mutex_);
      if (signal == SIGHUP) {
        if (reloader_ != nullptr) reloader_->request();
        continue;
      }
      stop_requested_ = true;
      if (server_ != nullptr) server_->stop();
      finished_.store(true);
      return;
    }
  }

  sigset_t set_{};
  std::mutex mutex_;
  httplib::Server* server_ = nullptr;
  Reloader* reloader_ = nullptr;
  bool stop_requested_ = false;
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

/// Open files up to the hard limit: each waiting connection is a socket, and
/// a default soft limit of 1,024 would refuse a crowd the threads can serve.
void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

unsigned threads_of(const ServiceOptions& options) {
  if (options.threads != 0) return options.threads;
  // Generous: a keep-alive connection holds its thread while idle, so a
  // crowd of clients (2,000 at once) needs many threads more than cores; a
  // waiting thread costs a little memory, not CPU.
  return std::max(128u, 32 * std::max(1u, std::thread::hardware_concurrency()));
}

void configure(httplib::Server& server, ServiceContext& ctx) {
  const ServiceOptions& o = ctx.options;
  const unsigned threads = threads_of(o);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(o.max_body_bytes);
  server.set_read_timeout(o.read_timeout);
  server.set_write_timeout(o.write_timeout);
  server.set_keep_alive_timeout(2);  // an idle connection gives its thread back soon
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);
  server.set_pre_routing_handler([max = o.max_body_bytes](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    // A Content-Length that is not a length, or over the limit, is refused
    // before reading: httplib would wait for the body until its read timeout.
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
      const bool number = ec != std::errc::invalid_argument && end == length.data() + length.size();
      if (number && n <= max && ec == std::errc()) return httplib::Server::HandlerResponse::Unhandled;
      if (number) {
        reply_error(res, 413, "http.too-large", kTooLarge);
      } else {
        reply_error(res, 400, "http.bad-request",
                    {"Content-Length must be a number of bytes, found `" + length + "`",
                     "Content-Length 应为字节数，此处为“" + length + "”"});
      }
      // The body is left unread, so the connection cannot carry another request.
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib answers itself (404, 413, a malformed request) get the
  // same JSON body as ours.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 404) {
      reply_error(res, 404, "http.not-found", {"no such route or file", "没有这个接口或文件"});
    } else if (res.status == 413) {
      reply_error(res, 413, "http.too-large", kTooLarge);
    } else {
      reply_error(res, res.status, "http.bad-request", {"the request could not be read", "无法读取该请求"});
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([&ctx](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    ctx.log.event("internal-error", {{"path", req.path}});
    reply_error(res, 500, "internal", {"internal error; the log has the details", "内部错误，详见日志"});
  });
  server.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
    const auto started = std::exchange(request_started, {});
    const double seconds = started == std::chrono::steady_clock::time_point{}
                               ? 0.0
                               : std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ctx.metrics.observe(route_name(req, res.status), res.status, seconds);
    ctx.log.write({{"remote", req.remote_addr},
                   {"method", req.method},
                   {"path", req.path},
                   {"status", res.status},
                   {"ms", seconds * 1000},
                   {"in", req.body.size()},
                   {"out", res.body.size()},
                   {"ruleset", res.get_header_value("X-Zhunru-Ruleset")}});
  });
}

int listen(httplib::Server& server, ServiceContext& ctx, std::ostream& err) {
  const ServiceOptions& o = ctx.options;
  // httplib 0.11 listens with a backlog of 5: sixteen clients connecting at
  // once lose SYNs and wait a second to retry. The socket is caught as it
  // is made and given the system's backlog once bound (Linux lets listen()
  // be called again). No SO_REUSEPORT (httplib's default): a second server
  // on the same port must fail, not share it.
  int listening = -1;
  server.set_socket_options([&listening](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening = sock;
  });
  const int port = o.port == 0 ? server.bind_to_any_port(o.bind) : (server.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0) {
    err << (o.lang == Lang::zh ? "zhunru serve：无法监听 " + o.bind + ":" + std::to_string(o.port) + "（端口被占用或地址无效）\n"
                               : "zhunru serve: cannot listen on " + o.bind + ":" + std::to_string(o.port) +
                                     " (port in use, or not an address of this machine)\n");
    return 2;
  }
  if (listening >= 0) ::listen(listening, SOMAXCONN);
  const auto ruleset = ctx.slot.current();
  ctx.log.event("listening", {{"url", "http://" + o.bind + ":" + std::to_string(port) + "/"},
                              {"port", port},
                              {"ruleset", ruleset->hash()},
                              {"version", ruleset->version()},
                              {"rules", ruleset->rule_count()},
                              {"threads", threads_of(o)},
                              {"page", !o.static_dir.empty()}});
  server.listen_after_bind();
  ctx.log.event("stopped");
  return 0;
}

}  // namespace

int run_service(const ServiceOptions& o, std::ostream& err) {
  const auto say = [&](const LocalizedText& m) { err << "zhunru serve: " << m.in(o.lang) << '\n'; };
  SignalThread signals;
  raise_file_limit();
  if (!o.static_dir.empty() && !std::filesystem::is_directory(o.static_dir)) {
    say({"the page's folder " + o.static_dir + " does not exist", "页面目录 " + o.static_dir + " 不存在"});
    return 2;
  }
  std::unique_ptr<ServiceLog> log;
  try {
    log = std::make_unique<ServiceLog>(o.access_log);
  } catch (const std::exception&) {
    say({"cannot open the log file " + o.access_log, "无法打开日志文件 " + o.access_log});
    return 2;
  }
  const std::string stamp = fingerprint(o.ruleset);
  auto first = load_ruleset(o.ruleset, o.repair_maps);
  if (!first) {
    if (!first.error().diagnostics.empty()) err << first.error().diagnostics;
    say(first.error().message);
    return first.error().diagnostics.empty() ? 2 : 1;
  }
  RulesetSlot slot(std::move(first).value());
  Metrics metrics;
  Reloader reloader(o.ruleset, o.repair_maps, stamp, o.reload_interval, slot, *log);
  ServiceContext ctx{o, slot, metrics, *log, reloader};
  httplib::Server server;
  configure(server, ctx);
  add_judging_routes(server, ctx);
  add_ruleset_routes(server, ctx);
  add_admin_routes(server, ctx);
  if (!o.static_dir.empty()) server.set_mount_point("/", o.static_dir);
  signals.serve(&server, &reloader);
  if (signals.stop_requested()) return 0;
  const int code = listen(server, ctx, err);
  signals.serve(nullptr, nullptr);
  return code;
}

}  // namespace zhunru::service
