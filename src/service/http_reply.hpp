// How the service answers: JSON bodies, and errors in one shape everywhere
// — `{"error": {code, fact, message: {en, zh}}, "errors": [...]}`, the shape
// a screening record's errors have — with a status that says whose fault.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <httplib.h>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/project.hpp"

namespace zhunru::service {

inline constexpr const char* kJson = "application/json; charset=utf-8";

void reply_json(httplib::Response& res, int status, std::string body);
void reply_error(httplib::Response& res, int status, const std::string& code, const LocalizedText& message);
/// A project that could not be judged: 400 when the body is not a JSON
/// document we can read, 413 when too large, 422 when its facts are wrong.
void reply_project_errors(httplib::Response& res, const std::vector<ProjectError>& errors);

/// `?lang=en|zh`, else the first language of Accept-Language; refused
/// (nullopt, with a 400 written) when `lang` names another.
std::optional<Lang> language_of(const httplib::Request& req, httplib::Response& res);

/// `?as_of=YYYY-MM-DD` into `as_of` (left as it is when absent); false, with
/// a 400 written, when it is not a real day.
bool read_as_of(const httplib::Request& req, httplib::Response& res, std::chrono::year_month_day& as_of);

/// A query parameter read strictly: the whole text a finite number.
Expected<double, LocalizedText> number_parameter(const httplib::Request& req, const std::string& name);

}  // namespace zhunru::service
