#include <openssl/crypto.h>

#include <exception>

#include "service/http_reply.hpp"
#include "service/service_context.hpp"

namespace zhunru::service {
namespace {

bool token_matches(const std::string& expected, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string given = header.starts_with("Bearer ") ? header.substr(7) : std::string();
  // Same length first (not secret: the token's length), then constant-time.
  return given.size() == expected.size() && CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

InFlight enter(Metrics& metrics) {
  metrics.in_flight().fetch_add(1);
  return InFlight(&metrics, [](void* m) { static_cast<Metrics*>(m)->in_flight().fetch_sub(1); });
}

}  // namespace

Endpoint guarded(ServiceContext& ctx, Access access, CallHandler handler) {
  return [&ctx, access, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                                      std::string body) {
    if (access == Access::token && !ctx.options.token.empty() && !token_matches(ctx.options.token, req)) {
      res.set_header("WWW-Authenticate", "Bearer");
      reply_error(res, 401, "http.unauthorized",
                  {"this route needs `Authorization: Bearer <token>` with the service's token",
                   "此接口须带服务令牌：`Authorization: Bearer <令牌>`"});
      return;
    }
    InFlight in_flight = enter(ctx.metrics);
    if (ctx.metrics.in_flight().load() > ctx.options.max_in_flight) {
      ctx.metrics.count_refused_busy();
      res.set_header("Retry-After", "1");
      reply_error(res, 503, "http.busy",
                  {"too many requests at once; try again in a moment", "同时请求过多，请稍后重试"});
      return;
    }
    std::shared_ptr<const Ruleset> ruleset = ctx.slot.current();
    res.set_header("X-Zhunru-Ruleset", ruleset->hash());
    try {
      Call call{req, res, std::move(body), std::move(ruleset), std::move(in_flight)};
      handler(call);
    } catch (const std::bad_alloc&) {
      reply_error(res, 503, "http.out-of-memory",
                  {"the service ran out of memory for this request", "服务处理此请求时内存不足"});
    } catch (const std::exception& e) {
      ctx.log.event("internal-error", {{"path", req.path}, {"what", e.what()}});
      reply_error(res, 500, "internal", {"internal error; the log has the details", "内部错误，详见日志"});
    }
  };
}

void route(httplib::Server& server, const std::string& path, const std::string& allowed, Endpoint get, Endpoint post) {
  const auto refuse = [allowed](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Allow", allowed);
    reply_error(res, 405, "http.method",
                {req.method + " is not allowed here; use " + allowed, "此处不接受 " + req.method + "，请用 " + allowed});
  };
  // httplib matches paths as regular expressions: ours have no special characters.
  if (get) {
    server.Get(path, [get](const httplib::Request& req, httplib::Response& res) { get(req, res, {}); });
  } else {
    server.Get(path, refuse);
  }
  if (post) {
    server.Post(path, [post](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
      std::string body;
      const bool has_body = req.has_header("Content-Length") || req.has_header("Transfer-Encoding");
      // False when the body broke off or passed --max-body-mib: httplib has
      // set the status (400, 413) and the error handler writes the body.
      if (has_body && !read([&body](const char* data, std::size_t n) {
            body.append(data, n);
            return true;
          })) {
        return;
      }
      post(req, res, std::move(body));
    });
  } else {
    server.Post(path, refuse);
  }
  server.Put(path, refuse);
  server.Patch(path, refuse);
  server.Delete(path, refuse);
}

}  // namespace zhunru::service
