#include "syntax/token_words.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "ZhunruLexer.h"
#include "ast/keyword.hpp"
#include "base/edit_distance.hpp"
#include "base/utf8.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;
using ast::Keyword;

TokenWord both(Keyword k) {
  const auto s = ast::spelling(k);
  return {s.en, s.zh, {}};
}
TokenWord en_only(std::string_view en) { return {en, {}, {}}; }
TokenWord zh_only(std::string_view zh) { return {{}, zh, {}}; }
TokenWord thing(std::string en, std::string zh) { return {{}, {}, {std::move(en), std::move(zh)}}; }
TokenWord punct(std::string_view p) { return {p, p, {}}; }

std::string backquote(std::string_view s) { return "`" + std::string(s) + "`"; }

// "A", "A or B", "A, B or C" — and the Chinese "A、B 或 C".
LocalizedText join_alternatives(const std::vector<LocalizedText>& parts) {
  LocalizedText out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      const bool last = i + 1 == parts.size();
      out.en += last ? " or " : ", ";
      out.zh += last ? "或" : "、";
    }
    out.en += parts[i].en;
    out.zh += parts[i].zh;
  }
  return out;
}

// A family of tokens described together. It applies when every token of
// `trigger` is expected; it then also absorbs the tokens of `absorb`. Its
// text quotes keywords as the file writes them: `text[Lang::en]` for a file
// in English keywords, `text[Lang::zh]` for one in Chinese keywords.
struct Group {
  std::vector<std::size_t> trigger;
  std::vector<std::size_t> absorb;
  LocalizedText text[2];
};

const std::vector<std::size_t>& name_tokens() {
  static const std::vector<std::size_t> kNames{L::ID,          L::VERSION,       L::WEIGHT,    L::REPAIR,    L::QUOTE,  L::BY,  L::BOOL_TYPE,
                                               L::NUMBER_TYPE, L::QUANTITY_TYPE, L::INDUSTRY_TYPE,
                                               L::TEXT_TYPE,   L::DATE_TYPE,     L::NATION,        L::PROVINCE,      L::RESTATES,
                                               L::DISTRICTS,   L::CITIES,        L::PROVINCES,
                                               L::SET,         L::ANY,           L::ALL,           L::NO,
                                               L::PER};
  return kNames;
}

std::vector<std::size_t> with_names(std::vector<std::size_t> tokens) {
  tokens.insert(tokens.end(), name_tokens().begin(), name_tokens().end());
  return tokens;
}

const std::vector<Group>& groups() {
  static const std::vector<Group> kGroups{
      {{L::RULESET, L::FACT, L::KIND, L::LAYER, L::CITY, L::DISTRICT},
       {L::UNITS, L::UNIT, L::MEASURE_ZH, L::ENUMERATION, L::GEOMETRY, L::TABLE, L::NATION, L::PROVINCE},
       {{"a declaration (ruleset, fact, enumeration, kind, layer, table, units) or a tier block (nation, province, "
         "city, district, unit)",
         "声明（ruleset、fact、enumeration、kind、layer、table、units）或层级块（nation、province、city、district、unit）"},
        {"a declaration (清单, 事实, 枚举类型, 类别, 图层, 名录, 单元图) or a tier block (全国, 省级, 市级, 区县, 单元)",
         "声明（清单、事实、枚举类型、类别、图层、名录、单元图）或层级块（全国、省级、市级、区县、单元）"}}},
      {{L::BAN, L::REQUIRE, L::LIMIT, L::ALLOW, L::ENCOURAGE},
       with_names({}),
       {{"a rule (ban, require, limit, allow or encourage)", "一条规则（ban、require、limit、allow 或 encourage）"},
        {"a rule (禁止, 应当, 限制, 允许 or 鼓励)", "一条规则（禁止、应当、限制、允许或鼓励）"}}},
      {{L::SPATIAL_LAYOUT, L::EMISSION_CONTROL, L::RISK_CONTROL, L::RESOURCE_EFFICIENCY},
       {},
       {{"a dimension section (spatial-layout, emission-control, risk-control or resource-efficiency)",
         "管控维度（spatial-layout、emission-control、risk-control 或 resource-efficiency）"},
        {"a dimension section (空间布局约束, 污染物排放管控, 环境风险防控 or 资源开发效率要求)",
         "管控维度（空间布局约束、污染物排放管控、环境风险防控或资源开发效率要求）"}}},
      {{L::PRIORITY, L::KEY, L::GENERAL},
       {L::UNITS, L::UNIT, L::DISTRICTS, L::DISTRICT, L::CITIES, L::CITY, L::PROVINCES, L::PROVINCE},
       {{"a unit class — priority, key or general — or a list of units, districts, cities or provinces",
         "单元类别（priority、key 或 general）或单元、区县、市、省的列表"},
        {"a unit class — priority, key or general — or a list of units, districts, cities or provinces",
         "单元类别（priority、key 或 general）或单元、区县、市、省的列表"}}},
      {{L::PRIORITY_UNITS_ZH, L::KEY_UNITS_ZH, L::GENERAL_UNITS_ZH},
       {L::UNITS, L::UNIT, L::DISTRICTS, L::DISTRICT, L::CITIES, L::CITY, L::PROVINCES, L::PROVINCE},
       {{"a unit class — 优先保护单元, 重点管控单元 or 一般管控单元 — or a list of 单元, 区县, 市级 or 省级",
         "单元类别（优先保护单元、重点管控单元或一般管控单元）或单元、区县、市级、省级的列表"},
        {"a unit class — 优先保护单元, 重点管控单元 or 一般管控单元 — or a list of 单元, 区县, 市级 or 省级",
         "单元类别（优先保护单元、重点管控单元或一般管控单元）或单元、区县、市级、省级的列表"}}},
      // ONE and ENUM_ZH are in the trigger: type keywords alone are names.
      {{L::BOOL_TYPE, L::NUMBER_TYPE, L::QUANTITY_TYPE, L::INDUSTRY_TYPE, L::TEXT_TYPE, L::DATE_TYPE, L::ONE,
        L::ENUM_ZH},
       {L::SET, L::MULTI_ZH},
       {{"a fact type — bool, number, quantity UNIT, one of {…}, set of {…}, industry, text or date",
         "事实类型（bool、number、quantity 单位、one of {…}、set of {…}、industry、text 或 date）"},
        {"a fact type — 布尔, 数值, 数量 UNIT, 枚举 {…}, 多选 {…}, 行业, 文本 or 日期",
         "事实类型（布尔、数值、数量 单位、枚举 {…}、多选 {…}、行业、文本或日期）"}}},
      {{L::BECAUSE, L::CITE, L::QUOTE, L::WEIGHT, L::EFFECTIVE},
       {L::RESTATES},
       {{"rule metadata (because, cite, quote, restates, weight, effective)",
         "规则说明（because、cite、quote、restates、weight、effective）"},
        {"rule metadata (理由, 依据, 原文, 重申, 权重, 生效)", "规则说明（理由、依据、原文、重申、权重、生效）"}}},
      {{L::WHERE, L::UNLESS},
       {},
       {{"`where` or `unless`", "“where”或“unless”"}, {"`当` or `除非`", "“当”或“除非”"}}},
      {{L::INSIDE, L::OUTSIDE, L::WITHIN, L::OVERLAPS},
       {L::IN, L::IN_ZH, L::DISTANCE_ZH, L::NOT_OVERLAPS_ZH},
       {{"a scope (in … units, inside, outside, within … of, overlapping)",
         "适用范围（in … units、inside、outside、within … of、overlapping）"},
        {"a scope (在 …单元, 在 … 内, 在 … 外, 距 … 范围内, 占用, 不占用)",
         "适用范围（在…单元、在…内、在…外、距…范围内、占用、不占用）"}}},
      {{L::EQ, L::LT, L::GT},
       {L::NEQ, L::LE, L::GE, L::IN, L::MEMBER_ZH, L::PLUS, L::MINUS, L::STAR, L::SLASH, L::AND, L::OR},
       {{"an operator (=, !=, <, <=, >, >=, in, and, or, …)", "运算符（=、!=、<、<=、>、>=、in、and、or 等）"},
        {"an operator (=, !=, <, <=, >, >=, 属于, 且, 或, …)", "运算符（=、!=、<、<=、>、>=、属于、且、或等）"}}},
      {{L::LPAREN, L::NOT, L::IS, L::SITE, L::NUMBER, L::STRING},
       with_names({L::DATE, L::TRUE, L::FALSE, L::MINUS}),
       {{"a condition", "条件"}, {"a condition", "条件"}}},
      {{L::AND, L::OR}, {}, {{"`and` or `or`", "“and”或“or”"}, {"`且` or `或`", "“且”或“或”"}}},
      {with_names({}), {}, {{"a name", "名称"}, {"a name", "名称"}}},
  };
  return kGroups;
}

bool contains(const std::set<std::size_t>& set, std::size_t t) { return set.count(t) != 0; }

// A keyword made of letters (not punctuation), at least two characters long:
// only such words are worth a "did you mean".
bool is_word_spelling(std::string_view s) {
  return utf8::length(s) >= 2 && (static_cast<unsigned char>(s.front()) >= 0x80 || std::isalpha(s.front()));
}

// True when the token has a spelling in the file's keyword language or is
// not a keyword at all.
bool fits_language(const TokenWord& w, Lang lang) {
  if (!w.description.en.empty()) return true;
  return lang == Lang::zh ? !w.zh.empty() : !w.en.empty();
}

}  // namespace

TokenWord token_word(std::size_t type) {
  switch (type) {
    case L::RULESET: return both(Keyword::ruleset);
    case L::VERSION: return both(Keyword::version);
    case L::EFFECTIVE: return both(Keyword::effective);
    case L::UNTIL: return both(Keyword::until);
    case L::FACT: return both(Keyword::fact);
    case L::ENUMERATION: return both(Keyword::enumeration);
    case L::GEOMETRY: return both(Keyword::geometry);
    case L::TABLE: return both(Keyword::table);
    case L::COLUMN: return both(Keyword::column);
    case L::KIND: return both(Keyword::kind);
    case L::LAYER: return both(Keyword::layer);
    case L::UNITS: return en_only("units");
    case L::UNIT: return both(Keyword::unit_tier);
    case L::MEASURE_ZH: return zh_only("计量单位");
    case L::FROM: return both(Keyword::from);
    case L::REPAIR: return both(Keyword::repair);
    case L::ONE: return en_only("one of");
    case L::OF: return en_only("of");
    case L::ENUM_ZH: return zh_only("枚举");
    case L::SET: return en_only("set of");
    case L::MULTI_ZH: return zh_only("多选");
    case L::PER: return both(Keyword::per);
    case L::BOOL_TYPE: return both(Keyword::bool_type);
    case L::NUMBER_TYPE: return both(Keyword::number_type);
    case L::QUANTITY_TYPE: return both(Keyword::quantity_type);
    case L::INDUSTRY_TYPE: return both(Keyword::industry_type);
    case L::TEXT_TYPE: return both(Keyword::text_type);
    case L::DATE_TYPE: return both(Keyword::date_type);
    case L::NATION: return both(Keyword::nation);
    case L::PROVINCE: return both(Keyword::province);
    case L::CITY: return both(Keyword::city);
    case L::DISTRICT: return both(Keyword::district);
    case L::DISTRICTS: return en_only("districts");
    case L::CITIES: return en_only("cities");
    case L::PROVINCES: return en_only("provinces");
    case L::SPATIAL_LAYOUT: return both(Keyword::spatial_layout);
    case L::EMISSION_CONTROL: return both(Keyword::emission_control);
    case L::RISK_CONTROL: return both(Keyword::risk_control);
    case L::RESOURCE_EFFICIENCY: return both(Keyword::resource_efficiency);
    case L::BAN: return both(Keyword::ban);
    case L::REQUIRE: return both(Keyword::require);
    case L::TO: return en_only("to");
    case L::HAVE: return en_only("have");
    case L::TO_HAVE_ZH: return zh_only("满足");
    case L::LIMIT: return both(Keyword::limit);
    case L::AT: return en_only("at least");
    case L::LEAST: return en_only("least");
    case L::AT_MOST_ZH: return zh_only("不超过");
    case L::AT_LEAST_ZH: return zh_only("不低于");
    case L::FOR: return both(Keyword::for_subject);
    case L::ALLOW: return both(Keyword::allow);
    case L::ENCOURAGE: return both(Keyword::encourage);
    case L::PROJECTS: return both(Keyword::projects);
    case L::IN: return en_only("in");
    case L::IN_ZH: return zh_only("在");
    case L::MEMBER_ZH: return zh_only("属于");
    case L::NOT_IN_ZH: return zh_only("不在");
    case L::PRIORITY: return en_only("priority");
    case L::KEY: return en_only("key");
    case L::GENERAL: return en_only("general");
    case L::PRIORITY_UNITS_ZH: return zh_only("优先保护单元");
    case L::KEY_UNITS_ZH: return zh_only("重点管控单元");
    case L::GENERAL_UNITS_ZH: return zh_only("一般管控单元");
    case L::INSIDE: return en_only("inside");
    case L::OUTSIDE: return en_only("outside");
    case L::INSIDE_END_ZH: return zh_only("内");
    case L::OUTSIDE_END_ZH: return zh_only("外");
    case L::WITHIN: return en_only("within");
    case L::DISTANCE_ZH: return zh_only("距");
    case L::RANGE_END_ZH: return zh_only("范围内");
    case L::OVERLAPS: return both(Keyword::overlapping);
    case L::NOT_OVERLAPS_ZH: return zh_only("不占用");
    case L::BY: return en_only("by at least");
    case L::WHERE: return both(Keyword::where);
    case L::UNLESS: return both(Keyword::unless);
    case L::AND: return both(Keyword::and_);
    case L::OR: return both(Keyword::or_);
    case L::NOT: return both(Keyword::not_);
    case L::IS: return both(Keyword::is);
    case L::ANY: return both(Keyword::any);
    case L::ALL: return both(Keyword::all);
    case L::NO: return both(Keyword::no);
    case L::SITE: return both(Keyword::site);
    case L::TRUE: return both(Keyword::true_);
    case L::FALSE: return both(Keyword::false_);
    case L::BECAUSE: return both(Keyword::because);
    case L::CITE: return both(Keyword::cite);
    case L::QUOTE: return both(Keyword::quote);
    case L::WEIGHT: return both(Keyword::weight);
    case L::RESTATES: return both(Keyword::restates);
    case L::SEMI: return punct(";");
    case L::COLON: return punct(":");
    case L::COMMA: return punct(",");
    case L::LPAREN: return punct("(");
    case L::RPAREN: return punct(")");
    case L::LBRACE: return punct("{");
    case L::RBRACE: return punct("}");
    case L::LBRACK: return punct("[");
    case L::RBRACK: return punct("]");
    case L::LE: return punct("<=");
    case L::GE: return punct(">=");
    case L::NEQ: return punct("!=");
    case L::LT: return punct("<");
    case L::GT: return punct(">");
    case L::EQ: return punct("=");
    case L::PLUS: return punct("+");
    case L::MINUS: return punct("-");
    case L::STAR: return punct("*");
    case L::SLASH: return punct("/");
    case L::PERCENT: return punct("%");
    case L::DATE: return thing("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）");
    case L::NUMBER: return thing("a number", "数字");
    case L::STRING: return thing("a string", "字符串");
    case L::UNTERMINATED_STRING: return thing("an unterminated string", "未结束的字符串");
    case L::ID: return thing("a name", "名称");
    case antlr4::Token::EOF: return thing("the end of the file", "文件结尾");
    default: return thing("an unexpected character", "非法字符");
  }
}

TierLevel region_level(std::size_t type) {
  switch (type) {
    case L::DISTRICTS:
    case L::DISTRICT: return TierLevel::district;
    case L::CITIES:
    case L::CITY: return TierLevel::city;
    case L::PROVINCES:
    case L::PROVINCE: return TierLevel::province;
    default: return TierLevel::unit;
  }
}

LocalizedText quote_token(std::size_t type, Lang keyword_lang) {
  const TokenWord w = token_word(type);
  if (!w.description.en.empty()) return w.description;
  std::string_view s = keyword_lang == Lang::zh ? w.zh : w.en;
  if (s.empty()) s = w.en.empty() ? w.zh : w.en;
  return {backquote(s), "“" + std::string(s) + "”"};
}

LocalizedText describe_expected(const std::vector<std::size_t>& expected, Lang keyword_lang) {
  const std::set<std::size_t> all(expected.begin(), expected.end());
  std::set<std::size_t> remaining;
  for (const auto t : expected) {
    if (fits_language(token_word(t), keyword_lang)) remaining.insert(t);
  }
  // Keep a token of the other language only when its own language has no twin.
  if (remaining.empty()) remaining = all;
  // "or the end of the file" adds nothing when something else may follow.
  if (remaining.size() > 1) remaining.erase(antlr4::Token::EOF);

  std::vector<LocalizedText> parts;
  for (const auto& g : groups()) {
    // A group applies when all its tokens are expected and an earlier group
    // has not already said it ("a condition" covers "a name").
    const bool applies = std::all_of(g.trigger.begin(), g.trigger.end(), [&](auto t) { return contains(all, t); }) &&
                         std::any_of(g.trigger.begin(), g.trigger.end(), [&](auto t) { return contains(remaining, t); });
    if (!applies) continue;
    for (const auto t : g.trigger) remaining.erase(t);
    for (const auto t : g.absorb) remaining.erase(t);
    parts.push_back(g.text[keyword_lang == Lang::zh ? 1 : 0]);
  }
  for (const auto t : remaining) parts.push_back(quote_token(t, keyword_lang));
  constexpr std::size_t kMaxParts = 6;
  if (parts.size() > kMaxParts) {
    parts.resize(kMaxParts - 1);
    parts.push_back({"…", "…"});
  }
  return join_alternatives(parts);
}

std::optional<Misspelling> misspelt_keyword(std::string_view written, const std::vector<std::size_t>& expected,
                                            Lang keyword_lang) {
  std::vector<std::size_t> types;
  std::vector<std::string_view> spellings;
  for (const auto t : expected) {
    const TokenWord w = token_word(t);
    const std::string_view s = keyword_lang == Lang::zh && !w.zh.empty() ? w.zh : w.en;
    if (!w.description.en.empty() || !is_word_spelling(s)) continue;
    types.push_back(t);
    spellings.push_back(s);
  }
  const auto best = closest_near_miss(written, spellings);
  return best ? std::optional(Misspelling{types[*best], spellings[*best]}) : std::nullopt;
}

const std::vector<std::string_view>& keyword_spellings(Lang lang) {
  static const auto collect = [](Lang l) {
    std::set<std::string_view> unique;
    for (std::size_t t = 1; t < L::ERROR_CHAR; ++t) {
      const TokenWord w = token_word(t);
      const std::string_view s = l == Lang::zh ? w.zh : w.en;
      if (is_word_spelling(s) && w.description.en.empty()) unique.insert(s);
    }
    // Longest first, so a hint names `优先保护单元` rather than `单元`.
    std::vector<std::string_view> words(unique.begin(), unique.end());
    std::stable_sort(words.begin(), words.end(), [](auto a, auto b) { return a.size() > b.size(); });
    return words;
  };
  static const std::vector<std::string_view> kEnglish = collect(Lang::en);
  static const std::vector<std::string_view> kChinese = collect(Lang::zh);
  return lang == Lang::zh ? kChinese : kEnglish;
}

}  // namespace zhunru::syntax
