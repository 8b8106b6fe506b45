#include "syntax/token_checks.hpp"

#include <string>

#include "ZhunruLexer.h"
#include "syntax/token_span.hpp"
#include "syntax/token_words.hpp"

namespace zhunru::syntax {
namespace {

using L = grammar::ZhunruLexer;

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// Characters Chinese input methods type in place of ASCII ones: what to
// say, and which token they stand for (0: none, the character is dropped).
struct Stray {
  LocalizedText help;
  std::size_t stands_for = 0;
};

Stray stray(std::string_view c) {
  if (c == "。") return {{"statements end with `;`", "语句以“;”结尾"}, L::SEMI};
  if (c == "【") return {{"lists use `[`", "列表须用半角方括号“[”"}, L::LBRACK};
  if (c == "】") return {{"lists use `]`", "列表须用半角方括号“]”"}, L::RBRACK};
  if (c == "“" || c == "”") return {{"strings use straight quotes: \"…\"", "字符串须用半角引号：\"…\""}, 0};
  if (c == "｛" || c == "｝") return {{"blocks use `{` and `}`", "块须用半角花括号“{”“}”"}, 0};
  return {};
}

void repair_stray(antlr4::Token* t, DiagnosticSink& sink) {
  auto* token = static_cast<antlr4::CommonToken*>(t);
  const std::string text = t->getText();
  const Stray s = stray(text);
  if (s.stands_for != 0) token->setType(s.stands_for);
  else token->setChannel(antlr4::Token::HIDDEN_CHANNEL);
  if (text == kReplacementChar) return;  // invalid UTF-8, reported when the file was read
  sink.error("syntax.character", token_span(t, sink.file().id()),
             {"unexpected character `" + text + "`", "非法字符“" + text + "”"}, s.help);
}

void repair_string(antlr4::Token* t, DiagnosticSink& sink) {
  const bool curly = t->getType() == L::CURLY_STRING;
  static_cast<antlr4::CommonToken*>(t)->setType(L::STRING);
  if (curly) {
    sink.error("syntax.curly-quotes", token_span(t, sink.file().id()),
               {"strings use straight quotes: \"…\", not “…”", "字符串须用半角引号 \"…\"，而不是“…”"});
  } else {
    sink.error("syntax.unterminated-string", token_span(t, sink.file().id()),
               {"unterminated string: close it with `\"` before the end of the line",
                "字符串没有结束：请在行尾之前用“\"”闭合"});
  }
}

bool opens(std::size_t type) { return type == L::LPAREN || type == L::LBRACK || type == L::LBRACE; }
bool closes(std::size_t type) { return type == L::RPAREN || type == L::RBRACK || type == L::RBRACE; }
bool prefix_operator(std::size_t type) { return type == L::NOT || type == L::MINUS; }

}  // namespace

TokenCheck check_tokens(antlr4::BufferedTokenStream& tokens, DiagnosticSink& sink, std::size_t max_nesting) {
  TokenCheck result;
  std::size_t depth = 0;
  std::size_t prefix_run = 0;
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getType() == L::ERROR_CHAR) repair_stray(t, sink);
    if (t->getType() == L::UNTERMINATED_STRING) result.unterminated_strings.insert(t->getTokenIndex());
    if (t->getType() == L::UNTERMINATED_STRING || t->getType() == L::CURLY_STRING) repair_string(t, sink);
    const std::size_t type = t->getType();
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    prefix_run = prefix_operator(type) ? prefix_run + 1 : 0;
    if (opens(type)) ++depth;
    if (closes(type) && depth > 0) --depth;
    if (depth > max_nesting || prefix_run > max_nesting) {
      const std::string limit = std::to_string(max_nesting);
      sink.error("syntax.nesting", token_span(t, sink.file().id()),
                 {"brackets or `not`/`-` nest deeper than " + limit + " levels here; the file is not parsed",
                  "此处括号或“非”/“-”嵌套超过 " + limit + " 层；该文件未解析"},
                 {"split the condition into named kinds", "请把条件拆分为若干命名类别（类别）"});
      result.parse = false;
      return result;
    }
  }
  tokens.seek(0);
  return result;
}

Lang keyword_language(const std::vector<antlr4::Token*>& tokens) {
  // The first keywords of a file tell its language as well as all of them,
  // and reading a token's text costs a conversion from UTF-32.
  constexpr std::size_t kSample = 200;
  std::size_t zh = 0;
  std::size_t en = 0;
  for (antlr4::Token* t : tokens) {
    if (zh + en >= kSample) break;
    const TokenWord w = token_word(t->getType());
    if (w.en.empty() && w.zh.empty()) continue;  // not a keyword
    const std::string text = t->getText();
    if (text.empty() || !w.description.en.empty()) continue;
    if (static_cast<unsigned char>(text.front()) >= 0x80) ++zh;
    else if ((text.front() >= 'a' && text.front() <= 'z')) ++en;
  }
  return zh > en ? Lang::zh : Lang::en;
}

std::vector<ast::Comment> collect_comments(const std::vector<antlr4::Token*>& tokens, FileId file) {
  std::vector<ast::Comment> comments;
  for (antlr4::Token* t : tokens) {
    if (t->getChannel() == L::COMMENTS) comments.push_back({t->getText(), token_span(t, file)});
  }
  return comments;
}

}  // namespace zhunru::syntax
