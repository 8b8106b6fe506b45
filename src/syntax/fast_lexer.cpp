#include "syntax/fast_lexer.hpp"

#include <string_view>
#include <unordered_map>

#include "ZhunruLexer.h"
#include "base/utf8.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;

// Every word-shaped literal of grammar/ZhunruLexer.g4 and its token type.
// A word is lexed as ID's longest match, then looked up here: ANTLR takes
// the longest match and, on a tie, the rule written first — the keyword.
// tests/unit/fast_parser_test.cpp lexes every literal of the grammar with
// both lexers, so a keyword added to the grammar and not here fails a test.
const std::unordered_map<std::string_view, std::uint32_t>& keywords() {
  static const std::unordered_map<std::string_view, std::uint32_t> kKeywords{
      {"ruleset", L::RULESET},
      {"清单", L::RULESET},
      {"version", L::VERSION},
      {"版本", L::VERSION},
      {"effective", L::EFFECTIVE},
      {"生效", L::EFFECTIVE},
      {"until", L::UNTIL},
      {"至", L::UNTIL},
      {"fact", L::FACT},
      {"事实", L::FACT},
      {"kind", L::KIND},
      {"类别", L::KIND},
      {"layer", L::LAYER},
      {"图层", L::LAYER},
      {"units", L::UNITS},
      {"单元图", L::UNITS},
      {"unit", L::UNIT},
      {"单元", L::UNIT},
      {"计量单位", L::MEASURE_ZH},
      {"from", L::FROM},
      {"来自", L::FROM},
      {"repair", L::REPAIR},
      {"修复", L::REPAIR},
      {"one", L::ONE},
      {"of", L::OF},
      {"enumeration", L::ENUMERATION},
      {"枚举类型", L::ENUMERATION},
      {"geometry", L::GEOMETRY},
      {"几何", L::GEOMETRY},
      {"table", L::TABLE},
      {"名录", L::TABLE},
      {"column", L::COLUMN},
      {"列", L::COLUMN},
      {"枚举", L::ENUM_ZH},
      {"set", L::SET},
      {"多选", L::MULTI_ZH},
      {"per", L::PER},
      {"按", L::PER},
      {"bool", L::BOOL_TYPE},
      {"布尔", L::BOOL_TYPE},
      {"number", L::NUMBER_TYPE},
      {"数值", L::NUMBER_TYPE},
      {"quantity", L::QUANTITY_TYPE},
      {"数量", L::QUANTITY_TYPE},
      {"industry", L::INDUSTRY_TYPE},
      {"行业", L::INDUSTRY_TYPE},
      {"text", L::TEXT_TYPE},
      {"文本", L::TEXT_TYPE},
      {"date", L::DATE_TYPE},
      {"日期", L::DATE_TYPE},
      {"nation", L::NATION},
      {"全国", L::NATION},
      {"province", L::PROVINCE},
      {"省级", L::PROVINCE},
      {"districts", L::DISTRICTS},
      {"cities", L::CITIES},
      {"provinces", L::PROVINCES},
      {"不在", L::NOT_IN_ZH},
      {"city", L::CITY},
      {"市级", L::CITY},
      {"district", L::DISTRICT},
      {"区县", L::DISTRICT},
      {"spatial-layout", L::SPATIAL_LAYOUT},
      {"空间布局约束", L::SPATIAL_LAYOUT},
      {"emission-control", L::EMISSION_CONTROL},
      {"污染物排放管控", L::EMISSION_CONTROL},
      {"risk-control", L::RISK_CONTROL},
      {"环境风险防控", L::RISK_CONTROL},
      {"resource-efficiency", L::RESOURCE_EFFICIENCY},
      {"资源开发效率要求", L::RESOURCE_EFFICIENCY},
      {"ban", L::BAN},
      {"禁止", L::BAN},
      {"require", L::REQUIRE},
      {"应当", L::REQUIRE},
      {"to", L::TO},
      {"have", L::HAVE},
      {"满足", L::TO_HAVE_ZH},
      {"limit", L::LIMIT},
      {"限制", L::LIMIT},
      {"at", L::AT},
      {"least", L::LEAST},
      {"不超过", L::AT_MOST_ZH},
      {"不低于", L::AT_LEAST_ZH},
      {"for", L::FOR},
      {"对于", L::FOR},
      {"allow", L::ALLOW},
      {"允许", L::ALLOW},
      {"encourage", L::ENCOURAGE},
      {"鼓励", L::ENCOURAGE},
      {"projects", L::PROJECTS},
      {"项目", L::PROJECTS},
      {"in", L::IN},
      {"在", L::IN_ZH},
      {"属于", L::MEMBER_ZH},
      {"priority", L::PRIORITY},
      {"key", L::KEY},
      {"general", L::GENERAL},
      {"优先保护单元", L::PRIORITY_UNITS_ZH},
      {"重点管控单元", L::KEY_UNITS_ZH},
      {"一般管控单元", L::GENERAL_UNITS_ZH},
      {"inside", L::INSIDE},
      {"outside", L::OUTSIDE},
      {"内", L::INSIDE_END_ZH},
      {"外", L::OUTSIDE_END_ZH},
      {"within", L::WITHIN},
      {"距", L::DISTANCE_ZH},
      {"范围内", L::RANGE_END_ZH},
      {"overlaps", L::OVERLAPS},
      {"overlapping", L::OVERLAPS},
      {"占用", L::OVERLAPS},
      {"不占用", L::NOT_OVERLAPS_ZH},
      {"by", L::BY},
      {"where", L::WHERE},
      {"当", L::WHERE},
      {"unless", L::UNLESS},
      {"除非", L::UNLESS},
      {"and", L::AND},
      {"且", L::AND},
      {"or", L::OR},
      {"或", L::OR},
      {"not", L::NOT},
      {"非", L::NOT},
      {"is", L::IS},
      {"any", L::ANY},
      {"任一", L::ANY},
      {"all", L::ALL},
      {"全部", L::ALL},
      {"no", L::NO},
      {"无一", L::NO},
      {"是", L::IS},
      {"site", L::SITE},
      {"选址", L::SITE},
      {"true", L::TRUE},
      {"真", L::TRUE},
      {"false", L::FALSE},
      {"假", L::FALSE},
      {"because", L::BECAUSE},
      {"理由", L::BECAUSE},
      {"cite", L::CITE},
      {"restates", L::RESTATES},
      {"重申", L::RESTATES},
      {"依据", L::CITE},
      {"quote", L::QUOTE},
      {"原文", L::QUOTE},
      {"weight", L::WEIGHT},
      {"权重", L::WEIGHT},
  };
  return kKeywords;
}

// Chinese ideographs of the CJK Unified Ideographs block (as assigned in
// Unicode 1.1) and of extension A (Unicode 3.0): letters (Lo) in every
// Unicode version ANTLR's tables may come from.
bool ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3400 && c <= 0x4DB5); }
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// The full-width punctuation the grammar accepts, as the token it makes (0: none).
std::uint32_t wide_punctuation(char32_t c) {
  switch (c) {
    case U'；': return L::SEMI;
    case U'：': return L::COLON;
    case U'，':
    case U'、': return L::COMMA;
    case U'（': return L::LPAREN;
    case U'）': return L::RPAREN;
    case U'≤': return L::LE;
    case U'≥': return L::GE;
    case U'≠': return L::NEQ;
    case U'％':
    case U'‰': return L::PERCENT;
    default: return 0;
  }
}

std::uint32_t ascii_punctuation(char c, char next) {
  switch (c) {
    case ';': return L::SEMI;
    case ':': return L::COLON;
    case ',': return L::COMMA;
    case '(': return L::LPAREN;
    case ')': return L::RPAREN;
    case '{': return L::LBRACE;
    case '}': return L::RBRACE;
    case '[': return L::LBRACK;
    case ']': return L::RBRACK;
    case '<': return next == '=' ? L::LE : L::LT;
    case '>': return next == '=' ? L::GE : L::GT;
    case '!': return next == '=' ? L::NEQ : 0;
    case '=': return L::EQ;
    case '+': return L::PLUS;
    case '-': return L::MINUS;
    case '*': return L::STAR;
    case '/': return L::SLASH;
    case '%': return L::PERCENT;
    default: return 0;
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<FastTokens> run() {
    out_.tokens.reserve(text_.size() / 4);
    while (pos_ < text_.size()) {
      if (!step()) return std::nullopt;
    }
    FastToken eof;
    eof.line = line_;
    eof.column = column_;
    eof.begin = eof.end = static_cast<std::uint32_t>(pos_);
    out_.tokens.push_back(eof);
    return std::move(out_);
  }

 private:
  [[nodiscard]] char at(std::size_t p) const { return p < text_.size() ? text_[p] : '\0'; }

  // The code point at `p` and the position after it.
  [[nodiscard]] char32_t code_point(std::size_t p, std::size_t& after) const {
    after = p;
    return utf8::next(text_, after);
  }

  // A character of ID_PART in the known set: ASCII letters, digits, `_`, ideographs.
  [[nodiscard]] bool id_part_at(std::size_t p, std::size_t& after) const {
    const char c = at(p);
    if (ascii_letter(c) || digit(c)) {
      after = p + 1;
      return true;
    }
    if (static_cast<unsigned char>(c) < 0x80) return false;
    return ideograph(code_point(p, after));
  }

  bool step() {
    const char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      column_ = 0;
      ++pos_;
      return true;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      ++column_;
      ++pos_;
      return true;
    }
    if (c == '#' || (c == '/' && at(pos_ + 1) == '/')) return comment();
    if (c == '"') return string();
    if (digit(c)) return number();
    if (static_cast<unsigned char>(c) >= 0x80) return wide();
    if (ascii_letter(c)) return word(pos_ + 1);
    const std::uint32_t type = ascii_punctuation(c, at(pos_ + 1));
    if (type == 0) return false;  // a stray character: ANTLR reports it
    const bool two = type == L::LE || type == L::GE || type == L::NEQ;
    emit(type, pos_ + (two ? 2 : 1), two ? 2 : 1);
    return true;
  }

  bool wide() {
    std::size_t after = 0;
    const char32_t cp = code_point(pos_, after);
    if (cp == U'\u3000') {  // ideographic space
      ++column_;
      pos_ = after;
      return true;
    }
    if (ideograph(cp)) return word(after);
    const std::uint32_t type = wide_punctuation(cp);
    if (type == 0) return false;  // another script, curly quotes, `。`…: ANTLR decides
    emit(type, after, 1);
    return true;
  }

  // ID : ID_START ID_PART* ('-' ID_PART+)*, from the first ID_PART after the start.
  bool word(std::size_t p) {
    std::size_t after = 0;
    for (;;) {
      while (id_part_at(p, after)) p = after;
      if (at(p) != '-' || !id_part_at(p + 1, after)) break;
      p = after;
    }
    const std::string_view lexeme = text_.substr(pos_, p - pos_);
    const auto keyword = keywords().find(lexeme);
    const std::uint32_t type = keyword == keywords().end() ? std::uint32_t{L::ID} : keyword->second;
    emit(type, p, utf8::length(lexeme));
    return true;
  }

  // DATE : DDDD-DD-DD ; NUMBER : D+ ('.' D+)?
  bool number() {
    const auto digits_at = [&](std::size_t p, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) {
        if (!digit(at(p + i))) return false;
      }
      return true;
    };
    if (digits_at(pos_, 4) && at(pos_ + 4) == '-' && digits_at(pos_ + 5, 2) && at(pos_ + 7) == '-' &&
        digits_at(pos_ + 8, 2)) {
      emit(L::DATE, pos_ + 10, 10);
      return true;
    }
    std::size_t p = pos_;
    while (digit(at(p))) ++p;
    if (at(p) == '.' && digit(at(p + 1))) {
      ++p;
      while (digit(at(p))) ++p;
    }
    emit(L::NUMBER, p, static_cast<std::uint32_t>(p - pos_));
    return true;
  }

  // STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' — one that reaches the end
  // of its line is an error ANTLR reports.
  bool string() {
    std::size_t p = pos_ + 1;
    std::uint32_t length = 1;
    for (;;) {
      const char c = at(p);
      if (p >= text_.size() || c == '\n' || c == '\r') return false;
      if (c == '"') break;
      if (c == '\\') {
        const char escaped = at(p + 1);
        if (p + 1 >= text_.size() || escaped == '\n' || escaped == '\r') return false;
        ++p;
        ++length;
      }
      utf8::next(text_, p);
      ++length;
    }
    emit(L::STRING, p + 1, length + 1);
    return true;
  }

  bool comment() {
    std::size_t p = pos_;
    while (p < text_.size() && text_[p] != '\n' && text_[p] != '\r') ++p;
    const std::string_view body = text_.substr(pos_, p - pos_);
    out_.comments.push_back(token(L::LINE_COMMENT, p, static_cast<std::uint32_t>(utf8::length(body))));
    advance(p, out_.comments.back().length);
    return true;
  }

  [[nodiscard]] FastToken token(std::uint32_t type, std::size_t end, std::size_t length) const {
    return FastToken{type,
                     line_,
                     column_,
                     static_cast<std::uint32_t>(length),
                     static_cast<std::uint32_t>(pos_),
                     static_cast<std::uint32_t>(end)};
  }

  void emit(std::uint32_t type, std::size_t end, std::size_t length) {
    out_.tokens.push_back(token(type, end, length));
    advance(end, length);
  }

  void advance(std::size_t end, std::size_t length) {
    pos_ = end;
    column_ += static_cast<std::uint32_t>(length);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 0;
  FastTokens out_;
};

}  // namespace

std::optional<FastTokens> fast_lex(std::string_view text) { return Scanner(text).run(); }

}  // namespace zhunru::syntax
