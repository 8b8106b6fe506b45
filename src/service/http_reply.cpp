#include "service/http_reply.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "zhunru/dates.hpp"

namespace zhunru::service {
namespace {

nlohmann::ordered_json error_json(const std::string& code, const std::string& fact, const LocalizedText& message) {
  return {{"code", code}, {"fact", fact}, {"message", {{"en", message.en}, {"zh", message.zh}}}};
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

int status_of(const std::string& code) {
  if (code == "input.too-large") return 413;
  if (code.starts_with("input.")) return 400;
  return 422;
}

}  // namespace

void reply_json(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), kJson);
}

void reply_error(httplib::Response& res, int status, const std::string& code, const LocalizedText& message) {
  const auto e = error_json(code, "", message);
  reply_json(res, status, dump({{"error", e}, {"errors", nlohmann::ordered_json::array({e})}}));
}

void reply_project_errors(httplib::Response& res, const std::vector<ProjectError>& errors) {
  auto list = nlohmann::ordered_json::array();
  for (const ProjectError& e : errors) list.push_back(error_json(e.code, e.fact, e.message));
  const int status = errors.empty() ? 422 : status_of(errors.front().code);
  reply_json(res, status, dump({{"error", list.empty() ? nullptr : list.front()}, {"errors", list}}));
}

std::optional<Lang> language_of(const httplib::Request& req, httplib::Response& res) {
  if (req.has_param("lang")) {
    const std::string lang = req.get_param_value("lang");
    if (lang == "en") return Lang::en;
    if (lang == "zh") return Lang::zh;
    reply_error(res, 400, "http.bad-parameter",
                {"lang must be en or zh, found `" + lang + "`", "lang 应为 en 或 zh，此处为“" + lang + "”"});
    return std::nullopt;
  }
  return req.get_header_value("Accept-Language").starts_with("zh") ? Lang::zh : Lang::en;
}

bool read_as_of(const httplib::Request& req, httplib::Response& res, std::chrono::year_month_day& as_of) {
  if (!req.has_param("as_of")) return true;
  const std::string text = req.get_param_value("as_of");
  const auto date = parse_iso_date(text);
  if (!date) {
    reply_error(res, 400, "http.bad-parameter",
                {"as_of must be a date such as 2025-06-01, found `" + text + "`",
                 "as_of 应为日期，如 2025-06-01；此处为“" + text + "”"});
    return false;
  }
  as_of = *date;
  return true;
}

Expected<double, LocalizedText> number_parameter(const httplib::Request& req, const std::string& name) {
  using R = Expected<double, LocalizedText>;
  if (!req.has_param(name.c_str())) {
    return R::failure({"the query needs `" + name + "`", "查询须给出“" + name + "”"});
  }
  const std::string text = req.get_param_value(name.c_str());
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return R::failure({"`" + name + "` must be a number in degrees, found `" + text + "`",
                       "“" + name + "”应为以度为单位的数，此处为“" + text + "”"});
  }
  return value;
}

}  // namespace zhunru::service
