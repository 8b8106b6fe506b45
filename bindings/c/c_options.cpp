#include "c_options.hpp"

#include <cstdio>
#include <cstring>

#include "c_error.hpp"

namespace zhunru::c_api {

Options::Options(const char* text, std::initializer_list<std::string_view> known, std::string_view what,
                 std::size_t max_bytes)
    : what_(what) {
  if (text == nullptr || *text == '\0') return;
  const std::size_t size = strnlen(text, max_bytes + 1);
  if (size > max_bytes) {
    const std::string kib = std::to_string(max_bytes >> 10);
    invalid_argument({what_ + " are larger than " + kib + " KiB", what_ + " 超过 " + kib + " KiB"});
  }
  bool too_deep = false;
  const nlohmann::json::parser_callback_t depth = [&](int level, nlohmann::json::parse_event_t, nlohmann::json&) {
    too_deep = too_deep || level > kMaxOptionDepth;
    return !too_deep;  // what is too deep is not kept; the parser goes on without recursion
  };
  nlohmann::json parsed = nlohmann::json::parse(text, text + size, depth, false);
  if (too_deep) {
    const std::string n = std::to_string(kMaxOptionDepth);
    invalid_argument({what_ + " are nested more than " + n + " deep", what_ + " 嵌套超过 " + n + " 层"});
  }
  if (parsed.is_discarded() || !parsed.is_object()) {
    invalid_argument({what_ + " must be a JSON object, such as {\"as_of\": \"2025-06-01\"}",
                      what_ + " 须为 JSON 对象，例如 {\"as_of\": \"2025-06-01\"}"});
  }
  for (const auto& [key, value] : parsed.items()) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == key;
    if (!ok) {
      std::string names;
      for (std::string_view k : known) names += (names.empty() ? "" : ", ") + std::string(k);
      invalid_argument({"unknown member `" + key + "` in " + what_ + " (known: " + names + ")",
                        what_ + " 中有未知成员 `" + key + "`（可用：" + names + "）"});
    }
  }
  json_ = std::move(parsed);
}

const nlohmann::json* Options::find(const char* name) const {
  const auto it = json_.find(name);
  return it == json_.end() || it->is_null() ? nullptr : &*it;
}

void Options::wrong_type(const char* name, const char* expected_en, const char* expected_zh) const {
  const std::string n(name);
  invalid_argument({"`" + n + "` in " + what_ + " must be " + expected_en,
                    what_ + " 中的 `" + n + "` 须为" + expected_zh});
}

std::optional<bool> Options::boolean(const char* name) const {
  const nlohmann::json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) wrong_type(name, "true or false", " true 或 false");
  return v->get<bool>();
}

std::optional<long long> Options::integer(const char* name, long long min, long long max) const {
  const nlohmann::json* v = find(name);
  if (v == nullptr) return std::nullopt;
  const std::string range = std::to_string(min) + "–" + std::to_string(max);
  if (!v->is_number_integer()) wrong_type(name, ("an integer in " + range).c_str(), ("整数（" + range + "）").c_str());
  const long long n = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)
                          ? max + 1
                          : v->get<long long>();
  if (n < min || n > max) wrong_type(name, ("an integer in " + range).c_str(), ("整数（" + range + "）").c_str());
  return n;
}

std::optional<double> Options::number(const char* name) const {
  const nlohmann::json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) wrong_type(name, "a number", "数值");
  return v->get<double>();
}

std::optional<std::string> Options::text(const char* name) const {
  const nlohmann::json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) wrong_type(name, "a string", "字符串");
  return v->get<std::string>();
}

std::optional<std::string> Options::object(const char* name) const {
  const nlohmann::json* v = find(name);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) wrong_type(name, "a JSON object", " JSON 对象");
  return v->dump();
}

std::optional<std::string> Options::choice(const char* name, std::initializer_list<std::string_view> allowed) const {
  auto value = text(name);
  if (!value) return std::nullopt;
  std::string names;
  for (std::string_view a : allowed) {
    if (a == *value) return value;
    names += (names.empty() ? "" : "|") + std::string(a);
  }
  wrong_type(name, names.c_str(), names.c_str());
}

std::optional<std::chrono::year_month_day> Options::date(const char* name) const {
  const auto value = text(name);
  if (!value) return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  char tail = 0;
  const bool shaped = value->size() == 10 && (*value)[4] == '-' && (*value)[7] == '-' &&
                      std::sscanf(value->c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) == 3;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!shaped || !date.ok()) wrong_type(name, "a date YYYY-MM-DD", "日期 YYYY-MM-DD");
  return date;
}

}  // namespace zhunru::c_api
