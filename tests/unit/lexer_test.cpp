// The lexer: keyword spellings in both languages, names, literals, trivia.
#include <doctest/doctest.h>

#include "ZhunruLexer.h"
#include "antlr4-runtime.h"
#include "ast/keyword.hpp"
#include "syntax/token_words.hpp"

namespace {

using L = zhunru::grammar::ZhunruLexer;

struct Lexed {
  std::size_t type;
  std::string text;
  std::size_t channel;
};

std::vector<Lexed> lex(const std::string& text) {
  antlr4::ANTLRInputStream input(text);
  L lexer(&input);
  lexer.removeErrorListeners();
  std::vector<Lexed> out;
  for (auto t = lexer.nextToken(); t->getType() != antlr4::Token::EOF; t = lexer.nextToken()) {
    if (t->getChannel() == antlr4::Token::HIDDEN_CHANNEL) continue;
    out.push_back({t->getType(), t->getText(), t->getChannel()});
  }
  return out;
}

std::vector<std::size_t> types(const std::string& text) {
  std::vector<std::size_t> out;
  for (const auto& t : lex(text)) out.push_back(t.type);
  return out;
}

}  // namespace

TEST_CASE("every single-word keyword spelling lexes as the token that quotes it") {
  // The keyword table used by fmt and messages must agree with the grammar.
  for (std::size_t type = 1; type < L::ERROR_CHAR; ++type) {
    const zhunru::syntax::TokenWord w = zhunru::syntax::token_word(type);
    if (!w.description.en.empty()) continue;
    for (const std::string_view spelling : {w.en, w.zh}) {
      if (spelling.empty() || spelling.find(' ') != std::string_view::npos) continue;
      const auto lexed = types(std::string(spelling));
      CAPTURE(spelling);
      REQUIRE(lexed.size() == 1);
      CHECK(lexed[0] == type);
    }
  }
}

TEST_CASE("multi-word keywords lex as their parts") {
  CHECK(types("one of") == std::vector<std::size_t>{L::ONE, L::OF});
  CHECK(types("to have") == std::vector<std::size_t>{L::TO, L::HAVE});
  CHECK(types("to at least") == std::vector<std::size_t>{L::TO, L::AT, L::LEAST});
}

TEST_CASE("every keyword in the fmt table lexes to a keyword token in both languages") {
  using zhunru::ast::Keyword;
  for (int k = 0; k < static_cast<int>(Keyword::count_); ++k) {
    const auto s = zhunru::ast::spelling(static_cast<Keyword>(k));
    for (const std::string_view spelling : {s.en, s.zh}) {
      CAPTURE(spelling);
      const auto lexed = lex(std::string(spelling));
      REQUIRE_FALSE(lexed.empty());
      for (const auto& t : lexed) CHECK(t.type != L::ID);
    }
  }
}

TEST_CASE("names: any script, inner hyphens, keywords inside longer names") {
  CHECK(types("two-high") == std::vector<std::size_t>{L::ID});
  CHECK(types("voc-emission") == std::vector<std::size_t>{L::ID});
  CHECK(types("两高") == std::vector<std::size_t>{L::ID});
  CHECK(types("_x1") == std::vector<std::size_t>{L::ID});
  CHECK(types("C2614") == std::vector<std::size_t>{L::ID});
  CHECK(types("ZH50010320001") == std::vector<std::size_t>{L::ID});
  // A hyphen must sit between name characters; binary minus needs spaces.
  CHECK(types("a - b") == std::vector<std::size_t>{L::ID, L::MINUS, L::ID});
  CHECK(types("a-") == std::vector<std::size_t>{L::ID, L::MINUS});
  // A Chinese keyword glued to a name is part of the name.
  CHECK(types("两高项目") == std::vector<std::size_t>{L::ID});
  CHECK(types("两高 项目") == std::vector<std::size_t>{L::ID, L::PROJECTS});
  CHECK(types("bans") == std::vector<std::size_t>{L::ID});
  CHECK(types("spatial-layout") == std::vector<std::size_t>{L::SPATIAL_LAYOUT});
  CHECK(types("spatial-layouts") == std::vector<std::size_t>{L::ID});
}

TEST_CASE("numbers, dates, quantities and codes") {
  CHECK(types("500103") == std::vector<std::size_t>{L::NUMBER});
  CHECK(types("0.5") == std::vector<std::size_t>{L::NUMBER});
  CHECK(types("2024-07-01") == std::vector<std::size_t>{L::DATE});
  CHECK(types("30万t/a") == std::vector<std::size_t>{L::NUMBER, L::ID, L::SLASH, L::ID});
  CHECK(types("30万 吨/年") == std::vector<std::size_t>{L::NUMBER, L::ID, L::ID, L::SLASH, L::ID});
  CHECK(types("85%") == std::vector<std::size_t>{L::NUMBER, L::PERCENT});
  CHECK(types("μg/m3") == std::vector<std::size_t>{L::ID, L::SLASH, L::ID});
}

TEST_CASE("strings, including escapes and unterminated ones") {
  CHECK(types(R"("a \"quoted\" \\ word")") == std::vector<std::size_t>{L::STRING});
  CHECK(types("\"中文字符串\"") == std::vector<std::size_t>{L::STRING});
  CHECK(types("\"never closed\n;") == std::vector<std::size_t>{L::UNTERMINATED_STRING, L::SEMI});
}

TEST_CASE("comments go to their own channel — full-width punctuation is punctuation") {
  const auto lexed = lex("a # hash comment\nb // slash comment\n");
  REQUIRE(lexed.size() == 4);
  CHECK(lexed[1].channel == L::COMMENTS);
  CHECK(lexed[1].text == "# hash comment");
  CHECK(lexed[3].text == "// slash comment");
  CHECK(types("；：，、（）") ==
        std::vector<std::size_t>{L::SEMI, L::COLON, L::COMMA, L::COMMA, L::LPAREN, L::RPAREN});
  CHECK(types("≤ ≥ ≠") == std::vector<std::size_t>{L::LE, L::GE, L::NEQ});
  CHECK(types("　a") == std::vector<std::size_t>{L::ID});  // ideographic space is whitespace
}

TEST_CASE("anything else is a stray character, never a lexer failure") {
  CHECK(types("¥") == std::vector<std::size_t>{L::ERROR_CHAR});
  CHECK(types("“") == std::vector<std::size_t>{L::ERROR_CHAR});
  CHECK(types("@a") == std::vector<std::size_t>{L::ERROR_CHAR, L::ID});
}
