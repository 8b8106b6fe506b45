#include "syntax/syntax_problem.hpp"

#include <algorithm>
#include <array>

#include "ZhunruLexer.h"
#include "base/edit_distance.hpp"
#include "base/utf8.hpp"
#include "syntax/token_words.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;

bool contains(const std::vector<std::size_t>& v, std::size_t t) { return std::find(v.begin(), v.end(), t) != v.end(); }

// The text of a token, shortened for a message.
std::string clip(std::string_view text) {
  constexpr std::size_t kMax = 32;
  if (utf8::length(text) <= kMax) return std::string(text);
  return std::string(text.substr(0, utf8::offset_of(text, kMax))) + "…";
}

LocalizedText describe_found(const TokenInfo& t) {
  if (t.type == antlr4::Token::EOF) return {"the end of the file", "文件结尾"};
  if (t.type == L::STRING) return {"the string " + clip(t.text), "字符串 " + clip(t.text)};
  return {"`" + clip(t.text) + "`", "“" + clip(t.text) + "”"};
}

// The keyword of `candidates` that `written` most plausibly misspells.
std::optional<std::string_view> closest_keyword(std::string_view written, const std::vector<std::string_view>& candidates) {
  const auto best = closest_near_miss(written, candidates);
  return best ? std::optional(candidates[*best]) : std::nullopt;
}

// `两高项目` where `项目` was expected: Chinese keywords must stand apart.
std::optional<LocalizedText> glued_keyword_hint(std::string_view written, const std::vector<std::size_t>& expected) {
  for (const auto type : expected) {
    const std::string_view kw = token_word(type).zh;
    if (kw.empty() || static_cast<unsigned char>(kw.front()) < 0x80 || written.size() <= kw.size()) continue;
    std::string fixed;
    if (written.ends_with(kw)) {
      fixed = std::string(written.substr(0, written.size() - kw.size())) + " " + std::string(kw);
    } else if (written.starts_with(kw)) {
      fixed = std::string(kw) + " " + std::string(written.substr(kw.size()));
    } else {
      continue;
    }
    return LocalizedText{"Chinese keywords are separate words: write `" + fixed + "`",
                         "中文关键字须与名称以空格分开：写作“" + fixed + "”"};
  }
  return std::nullopt;
}

const std::array<std::size_t, 5>& rule_forms() {
  static const std::array<std::size_t, 5> kForms{L::BAN, L::REQUIRE, L::LIMIT, L::ALLOW, L::ENCOURAGE};
  return kForms;
}

bool is_name(const std::optional<TokenInfo>& t) { return t && t->type == L::ID; }

LocalizedText help_for(const SyntaxProblem& p, Lang lang, bool missing_semicolon) {
  if (missing_semicolon) return {"end the statement with `;`", "语句须以“;”结尾"};
  // `fact share : number %`: a percentage is a quantity, unit `%`.
  if (p.found.type == L::PERCENT && p.previous && p.previous->type == L::NUMBER_TYPE) {
    return {"a percentage is a quantity: `quantity " + p.found.text + "` (rules then write `30%` and compare like with like)",
            "百分比是带单位的量：写作“quantity " + p.found.text + "”（规则中写“30%”，量纲一致才能比较）"};
  }
  // `"重庆市"三线一单"…"`: an ASCII quote meant inside a title ended the string.
  if (p.previous && p.previous->type == L::STRING && p.found.span.begin.line == p.previous->span.end.line &&
      p.found.span.begin.column == p.previous->span.end.column) {
    return {"a `\"` inside a string ends it: write the quotation marks inside as “…” (or as \\\")",
            "字符串中的“\"”会结束该字符串：内部的引号请写作“…”（或写作 \\\"）"};
  }
  // `CQ-01 ban …`: blamed at the id (no rule may start with a name) or at
  // `ban` (after a name, the parser wanted `:`).
  const auto is_form = [](const std::optional<TokenInfo>& t) {
    return t && std::find(rule_forms().begin(), rule_forms().end(), t->type) != rule_forms().end();
  };
  const TokenInfo* id = p.found.type == L::ID && is_form(p.next)                                ? &p.found
                        : is_name(p.previous) && is_form(p.found) && contains(p.expected, L::COLON) ? &*p.previous
                                                                                                   : nullptr;
  if (id != nullptr) {
    const std::string form = id == &p.found ? p.next->text : p.found.text;
    return {"a rule id is followed by `:`, as in `" + id->text + ": " + form + " …`",
            "规则编号后须加“:”，如“" + id->text + ": " + form + " …”"};
  }
  // A Chinese keyword glued to a name, in the token found or the one before
  // it (`禁止 两高项目；` fails at `；`, after the name swallowed `项目`).
  for (const auto* t : {&p.found, p.previous ? &*p.previous : nullptr}) {
    if (t != nullptr && t->type == L::ID) {
      if (auto glued = glued_keyword_hint(t->text, p.expected)) return *glued;
    }
  }
  if (p.found.type == L::ID) {
    // First a keyword that fits here; then any keyword (`were` for `where`
    // after the parser has moved past the clauses).
    std::optional<std::string_view> guess;
    if (auto fits = misspelt_keyword(p.found.text, p.expected, lang)) guess = fits->spelling;
    if (!guess) guess = closest_keyword(p.found.text, keyword_spellings(lang));
    if (guess) return {"did you mean `" + std::string(*guess) + "`?", "是否应为“" + std::string(*guess) + "”？"};
  }
  // A misspelt keyword may have been taken for a name: `在 优先单元 ；`.
  if (is_name(p.previous)) {
    if (auto guess = closest_keyword(p.previous->text, keyword_spellings(lang))) {
      const std::string& prev = p.previous->text;
      return {"`" + prev + "` is read as a name here; did you mean `" + std::string(*guess) + "`?",
              "“" + prev + "”在此被当作名称；是否应为“" + std::string(*guess) + "”？"};
    }
  }
  // `where within 1 km of river`: a spatial test in a condition says what it tests.
  const bool spatial_word = p.found.type == L::WITHIN || p.found.type == L::INSIDE || p.found.type == L::OUTSIDE ||
                            p.found.type == L::OVERLAPS || p.found.type == L::DISTANCE_ZH || p.found.type == L::NOT_OVERLAPS_ZH;
  const bool after_condition_word = p.previous && (p.previous->type == L::WHERE || p.previous->type == L::UNLESS ||
                                                   p.previous->type == L::AND || p.previous->type == L::OR ||
                                                   p.previous->type == L::NOT);
  if (spatial_word && after_condition_word) {
    return {"in a condition, a spatial test names what it tests: `site " + p.found.text + " …` (or a declared geometry's name)",
            "条件中的空间判断须写明判断对象：“选址 " + p.found.text + " …”（或已声明的几何名称）"};
  }
  // `ban … within 1 km of river or inside river`: scope terms join with `and` only.
  const bool ends_scope_term = is_name(p.previous) || (p.previous && (p.previous->type == L::RANGE_END_ZH ||
                                                                      p.previous->type == L::INSIDE_END_ZH ||
                                                                      p.previous->type == L::OUTSIDE_END_ZH));
  if (p.found.type == L::OR && contains(p.expected, L::SEMI) && ends_scope_term) {
    return {"scope terms are joined with `and` only; for either place, test the site in `where`: "
            "`where site within 1 km of river or site inside river`",
            "范围各项之间只能用“且”连接；若满足其一即可，请改在“当”条件中判断选址：“当 选址 距 river 1 km 范围内 或 选址 在 river 内”"};
  }
  if (p.kind == SyntaxProblem::Kind::extraneous && p.found.type != antlr4::Token::EOF) return {"remove it", "请删除它"};
  return {};
}

}  // namespace

void report_syntax_problem(DiagnosticSink& sink, const SyntaxProblem& p, Lang lang) {
  const LocalizedText expected = describe_expected(p.expected, lang);
  const LocalizedText found = describe_found(p.found);

  // A missing `;` is noticed at the next line's first token, the end of a
  // file after its last line: point just after the last token instead,
  // where the author has to type something.
  // Unless the next line starts with a misspelt keyword that fits here (`理尤
  // "…"` on its own line, as fmt lays out metadata): then the word is wrong.
  const bool eof = p.found.type == antlr4::Token::EOF;
  const bool misspelt_here = p.found.type == L::ID && misspelt_keyword(p.found.text, p.expected, lang).has_value();
  const bool missing_semicolon = p.previous && contains(p.expected, L::SEMI) && !misspelt_here &&
                                 p.found.span.begin.line > p.previous->span.end.line;
  Span at = p.found.span;
  if (p.previous && (missing_semicolon || eof)) at = Span{p.previous->span.file, p.previous->span.end, p.previous->span.end};

  LocalizedText message;
  const LocalizedText after =
      p.previous ? LocalizedText{" after `" + clip(p.previous->text) + "`", "“" + clip(p.previous->text) + "”之后"}
                 : LocalizedText{};
  if (p.kind == SyntaxProblem::Kind::extraneous && !eof) {
    message = {"unexpected " + found.en + after.en + "; expected " + expected.en,
               after.zh + "出现了多余的" + found.zh + "；此处应为" + expected.zh};
  } else {
    message = {"expected " + expected.en + after.en + ", found " + found.en,
               after.zh + "应为" + expected.zh + "，但出现了" + found.zh};
  }
  Diagnostic& d = sink.error("syntax.expected", at, std::move(message), help_for(p, lang, missing_semicolon));
  if (p.open_brace && contains(p.expected, L::RBRACE)) {
    sink.note(d, *p.open_brace, {"this `{` is not closed", "此处的“{”没有闭合"});
  }
}

}  // namespace zhunru::syntax
