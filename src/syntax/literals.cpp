#include "syntax/literals.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "model/codes.hpp"
#include "quantity/unit_later.hpp"

namespace zhunru::syntax {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

// The span of code points [from, to) inside a single-line span.
Span sub_span(const Span& span, std::size_t from, std::size_t to) {
  Span s = span;
  s.begin.column = span.begin.column + static_cast<std::uint32_t>(from);
  s.end.column = span.begin.column + static_cast<std::uint32_t>(to);
  if (s.begin.line != span.end.line || s.end.column > span.end.column) s.end = span.end;
  return s;
}

}  // namespace

std::string decode_string_literal(std::string_view token, const Span& span, DiagnosticSink& sink) {
  std::string out;
  std::size_t column = 1;  // code points from the opening quote
  std::size_t pos = 0;
  // The opening quote: `"`, or `“` (already reported); each closes its own way.
  const char32_t closing = utf8::next(token, pos) == U'“' ? U'”' : U'"';
  while (pos < token.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(token, pos);
    if (cp == closing) break;
    if (cp != '\\' || pos >= token.size()) {
      out.append(token.substr(start, pos - start));
      ++column;
      continue;
    }
    const std::size_t escape_start = pos;
    const char32_t escaped = utf8::next(token, pos);
    if (escaped == '"' || escaped == '\\') out.push_back(static_cast<char>(escaped));
    else if (escaped == 'n') out.push_back('\n');
    else {
      const std::string written(token.substr(start, pos - start));
      sink.error("syntax.string-escape", sub_span(span, column, column + 2),
                 {"unknown escape `" + written + "` in a string; use \\\", \\\\ or \\n",
                  "字符串中的转义“" + written + "”无效；可用 \\\"、\\\\ 或 \\n"});
      out.append(token.substr(escape_start, pos - escape_start));
    }
    column += 2;
  }
  return out;
}

std::chrono::year_month_day parse_date_literal(std::string_view token, const Span& span, DiagnosticSink& sink) {
  using namespace std::chrono;
  const year_month_day date{year{to_int(token.substr(0, 4))}, month{static_cast<unsigned>(to_int(token.substr(5, 2)))},
                            day{static_cast<unsigned>(to_int(token.substr(8, 2)))}};
  if (!date.ok()) {
    sink.error("syntax.date", span,
               {"`" + std::string(token) + "` is not a calendar date", "“" + std::string(token) + "”不是有效日期"});
  }
  return date;
}

ast::QuantityLit parse_quantity_literal(std::string_view text, const Span& span, DiagnosticSink& sink) {
  auto parsed = parse_quantity(text);
  if (parsed) return {std::move(parsed).value(), span, false};
  const QuantityError& e = parsed.error();
  if (e.unknown_unit) {
    if (auto split = quantity::split_number_and_unit(text)) {
      Quantity q;
      q.number = split->number;
      q.number_text = std::move(split->number_text);
      q.multiplier = std::move(split->multiplier);
      q.unit.text = std::move(split->unit_text);
      q.value = q.number;
      return {std::move(q), span, true};
    }
  }
  sink.error("syntax.quantity", sub_span(span, e.column, utf8::length(text)), e.message);
  return {Quantity{}, span, false};
}

UnitLit parse_unit_literal(std::string_view text, const Span& span, DiagnosticSink& sink) {
  auto parsed = parse_unit(text);
  if (parsed) return {std::move(parsed).value(), false};
  const QuantityError& e = parsed.error();
  if (!e.unknown_unit) sink.error("syntax.unit", sub_span(span, e.column, utf8::length(text)), e.message);
  return {Unit{std::string(text), 1.0, Dimension{}}, e.unknown_unit};
}

void check_tier_code(ast::TierLevel level, const ast::Code& code, DiagnosticSink& sink) {
  if (level == ast::TierLevel::nation) {
    if (!code.text.empty()) {
      sink.error("syntax.tier-code", code.span,
                 {"the national tier has no code: write `nation \"全国\" { … }`", "全国层级没有代码：写作“全国 \"全国\" { … }”"});
    }
    return;
  }
  if (code.text.empty()) {
    const std::string en(name_of(level));
    const std::string example = level == ast::TierLevel::unit       ? "ZH50010320001"
                                : level == ast::TierLevel::district ? "500103"
                                                                    : "500000";
    sink.error("syntax.tier-code", code.span,
               {"`" + en + "` needs its code, such as `" + en + " " + example + "`",
                "“" + std::string(name_zh(level)) + "”后须写代码，如“" + std::string(name_zh(level)) + " " + example + "”"});
    return;
  }
  check_region_code(level, code, sink);
}

void check_region_code(ast::TierLevel level, const ast::Code& code, DiagnosticSink& sink) {
  const std::string& c = code.text;
  switch (level) {
    case ast::TierLevel::nation: return;
    case ast::TierLevel::province:
      if (c.size() != 6 || !all_digits(c) || !c.ends_with("0000") || c.starts_with("00")) {
        sink.error("syntax.province-code", code.span,
                   {"a province code is two digits and 0000, such as 510000 or 320000; found `" + c + "`",
                    "省级代码为两位数字加 0000，如 510000、320000；此处为“" + c + "”"});
      }
      return;
    case ast::TierLevel::city:
      if (c.size() != 6 || !all_digits(c) || !c.ends_with("00")) {
        sink.error("syntax.city-code", code.span,
                   {"a city code is six digits ending in 00, such as 500000 or 320100; found `" + c + "`",
                    "市级代码为以 00 结尾的六位数字，如 500000、320100；此处为“" + c + "”"});
      }
      return;
    case ast::TierLevel::district:
      if (c.size() != 6 || !all_digits(c)) {
        sink.error("syntax.district-code", code.span,
                   {"a district code is six digits, such as 500103; found `" + c + "`",
                    "区县代码为六位数字，如 500103；此处为“" + c + "”"});
      }
      return;
    case ast::TierLevel::unit:
      check_unit_code(code, sink);
      return;
  }
}

void check_unit_code(const ast::Code& code, DiagnosticSink& sink) {
  const std::string& c = code.text;
  if (!model::parse_unit_code(c)) {
    sink.error("syntax.unit-code", code.span,
               {"a unit code is ZH, the six-digit district code, the class digit (1 priority, 2 key, 3 general) and "
                "four digits, such as ZH50010320001; found `" + c + "`",
                "单元编码为 ZH + 六位区县代码 + 类别位（1 优先保护、2 重点管控、3 一般管控）+ 四位序号，如 "
                "ZH50010320001；此处为“" + c + "”"});
  }
}

bool check_distance(const ast::QuantityLit& distance, DiagnosticSink& sink) {
  const Dimension& dim = distance.quantity.dimension();
  if (distance.quantity.number_text.empty() || distance.pending) return true;  // unreadable, or read by the checker
  if (dim == Dimension::of(BaseDimension::length)) return true;
  if (dim.is_dimensionless() && distance.quantity.unit.text.empty()) {
    sink.error("syntax.distance-unit", distance.span,
               {"a distance needs a length unit, such as `500 m` or `1 km`", "距离须带长度单位，如“500 m”或“1 km”"});
    return false;
  }
  if (!dim.is_dimensionless()) {
    const LocalizedText name = dim.name();
    sink.error("syntax.distance-unit", distance.span,
               {"a distance must be a length (m, km, …), not a " + name.en, "距离须为长度（m、km 等），而不是" + name.zh});
  }
  return false;
}

bool check_overlap_minimum(const ast::QuantityLit& least, DiagnosticSink& sink) {
  const Dimension& dim = least.quantity.dimension();
  if (least.quantity.number_text.empty() || least.pending) return true;  // unreadable, or read by the checker
  const Dimension length = Dimension::of(BaseDimension::length);
  const bool share = dim == Dimension::of(BaseDimension::ratio);
  if (share || dim == length * length) {
    const double v = least.quantity.value;
    if (v > 0.0 && (!share || v <= 1.0)) return true;
    sink.error("syntax.overlap-minimum", least.span,
               share ? LocalizedText{"a share of the site must be above 0 % and at most 100 %",
                                     "选址占用的比例须大于 0% 且不超过 100%"}
                     : LocalizedText{"an area of the site must be above 0", "选址占用的面积须大于 0"});
    return false;
  }
  const LocalizedText what = dim.is_dimensionless() && least.quantity.unit.text.empty()
                                 ? LocalizedText{"plain number", "无单位的数"}
                                 : dim.name();
  sink.error("syntax.overlap-minimum", least.span,
             {"how much of the site must lie in the layer is a share (`10 %`) or an area (`1 ha`, `500 m2`), not a " +
                  what.en,
              "选址占用图层的多少须为比例（“10 %”）或面积（“1 公顷”“500 平方米”“3 亩”），而不是" + what.zh});
  return false;
}

}  // namespace zhunru::syntax
