#include "base/json_input.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include "base/json_dom_builder.hpp"
#include "base/utf8.hpp"

namespace zhunru::json_input {
namespace {

std::string mib(std::size_t bytes) { return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20)); }
std::string limit_text(std::size_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes % (1 << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// UTF-16 text has a NUL in every other byte of its ASCII, or a byte-order mark.
bool looks_utf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  const std::size_t n = std::min<std::size_t>(text.size(), 64);
  std::size_t nuls = 0;
  for (std::size_t i = 0; i < n; ++i) nuls += text[i] == '\0' ? 1 : 0;
  return n >= 4 && nuls * 4 >= n;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 2, column 1: " prefix: the position is said already.
std::string plain(std::string detail) {
  if (detail.starts_with("[json.exception.")) {
    if (const auto end = detail.find("] "); end != std::string::npos) detail.erase(0, end + 2);
  }
  if (detail.starts_with("parse error")) {
    if (const auto colon = detail.find(": "); colon != std::string::npos) detail.erase(0, colon + 2);
  }
  return detail;
}

}  // namespace

LocalizedText where(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;  // count lead bytes only
  }
  return {fmt::format("line {}, column {}", line, column), fmt::format("第 {} 行第 {} 列", line, column)};
}

std::optional<Problem> check_bytes(std::string_view text, const Limits& limits, const LocalizedText& what) {
  if (text.size() > limits.max_bytes) {
    const std::string size = mib(text.size());
    const std::string limit = limit_text(limits.max_bytes);
    return Problem{"input.too-large", "",
                   {what.en + " is " + size + ", more than the limit of " + limit,
                    what.zh + "大小为 " + size + "，超过了 " + limit + " 的上限"}};
  }
  if (looks_utf16(text)) {
    return Problem{"input.encoding", "",
                   {what.en + " looks like UTF-16; JSON must be UTF-8: convert it with iconv -f UTF-16 -t UTF-8",
                    what.zh + "似为 UTF-16 编码；JSON 须为 UTF-8：请用 iconv -f UTF-16 -t UTF-8 转换"}};
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const LocalizedText at = where(text, nul);
    return Problem{"input.encoding", "",
                   {what.en + " contains a NUL byte at " + at.en + "; JSON is text (is this a binary file?)",
                    what.zh + "在" + at.zh + "含有 NUL 字节；JSON 应为文本（是否为二进制文件？）"}};
  }
  if (const auto bad = utf8::first_invalid(text)) {
    const LocalizedText at = where(text, bad->offset);
    const std::string bytes = utf8::hex_bytes(text.substr(bad->offset, std::max<std::size_t>(bad->length, 4)));
    return Problem{"input.encoding", "",
                   {what.en + " is not UTF-8 (bytes " + bytes + " at " + at.en +
                        "); if it was saved as GBK, convert it: iconv -f GBK -t UTF-8",
                    what.zh + "不是 UTF-8 编码（" + at.zh + "的字节 " + bytes +
                        "）；如果以 GBK 保存，请转换：iconv -f GBK -t UTF-8"}};
  }
  return std::nullopt;
}

Problem syntax_problem(std::string_view text, std::size_t position, const std::string& detail,
                       const LocalizedText& what) {
  // nlohmann counts the byte it stopped at from 1; its message says where too.
  const LocalizedText at = where(text, position > 0 ? position - 1 : 0);
  const std::string why = plain(detail);
  return Problem{"input.not-json", "",
                 {what.en + " is not valid JSON at " + at.en + ": " + why,
                  what.zh + "不是有效的 JSON（" + at.zh + "）：" + why}};
}

Problem too_deep(std::size_t max_depth, const LocalizedText& what) {
  const std::string n = std::to_string(max_depth);
  return Problem{"input.too-deep", "",
                 {what.en + " nests objects and lists more than " + n + " deep",
                  what.zh + "中对象和列表的嵌套超过 " + n + " 层"}};
}

Problem duplicate(const std::string& name, const std::string& top_member) {
  const std::string shown = shorten(name);
  if (!top_member.empty()) {
    return Problem{"input.duplicate-member", top_member,
                   {"`" + shown + "` is given twice in the same object", "同一对象中“" + shown + "”重复给出"}};
  }
  return Problem{"input.duplicate-member", name, {"`" + shown + "` is given twice", "“" + shown + "”重复给出"}};
}

std::string id_or_name(const nlohmann::ordered_json& about) {
  if (!about.is_object()) return "";
  for (const char* key : {"id", "name"}) {
    const auto v = about.find(key);
    if (v == about.end()) continue;
    if (v->is_string()) return v->get<std::string>();
    if (v->is_number()) return v->dump();
  }
  return "";
}

std::string shorten(std::string_view value, std::size_t max_code_points) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < max_code_points && pos < value.size(); ++n) {
    ++pos;
    while (pos < value.size() && (static_cast<unsigned char>(value[pos]) & 0xC0) == 0x80) ++pos;
  }
  if (pos >= value.size()) return std::string(value);
  return std::string(value.substr(0, pos)) + "…";
}

template <class Json>
Expected<Json, Problem> parse(std::string_view text, const Limits& limits, const LocalizedText& what) {
  if (auto problem = check_bytes(text, limits, what)) return Expected<Json, Problem>::failure(std::move(*problem));
  DomBuilder<Json> builder(text, limits.max_depth, what);
  if (!Json::sax_parse(text.begin(), text.end(), &builder)) return Expected<Json, Problem>::failure(builder.problem());
  return builder.take();
}

template Expected<nlohmann::json, Problem> parse(std::string_view, const Limits&, const LocalizedText&);
template Expected<nlohmann::ordered_json, Problem> parse(std::string_view, const Limits&, const LocalizedText&);

}  // namespace zhunru::json_input
