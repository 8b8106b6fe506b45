// Options of C API calls: a JSON object given as text, so that adding an
// option never changes the ABI. Every member must be known and of its type.
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace zhunru::c_api {

/// Options are a few members: 64 KiB and 64 levels are far more than any call needs.
inline constexpr std::size_t kMaxOptionBytes = std::size_t{64} << 10;
inline constexpr int kMaxOptionDepth = 64;

class Options {
 public:
  /// Parses `text` (NULL or "" for none); refuses members not in `known`,
  /// text over `max_bytes` and nesting past kMaxOptionDepth (a query's site
  /// is a GeoJSON geometry: it may be as large as a project file).
  Options(const char* text, std::initializer_list<std::string_view> known, std::string_view what,
          std::size_t max_bytes = kMaxOptionBytes);

  [[nodiscard]] std::optional<bool> boolean(const char* name) const;
  [[nodiscard]] std::optional<long long> integer(const char* name, long long min, long long max) const;
  [[nodiscard]] std::optional<double> number(const char* name) const;
  [[nodiscard]] std::optional<std::string> text(const char* name) const;
  /// A JSON object member, as text.
  [[nodiscard]] std::optional<std::string> object(const char* name) const;
  /// One of `allowed`.
  [[nodiscard]] std::optional<std::string> choice(const char* name, std::initializer_list<std::string_view> allowed) const;
  /// "YYYY-MM-DD", a real date.
  [[nodiscard]] std::optional<std::chrono::year_month_day> date(const char* name) const;

 private:
  [[nodiscard]] const nlohmann::json* find(const char* name) const;
  [[noreturn]] void wrong_type(const char* name, const char* expected_en, const char* expected_zh) const;

  nlohmann::json json_ = nlohmann::json::object();
  std::string what_;
};

}  // namespace zhunru::c_api
