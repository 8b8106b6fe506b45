// The JSON writer must give the bytes nlohmann gives (the decision's JSON was
// nlohmann's `dump(2)` before, and golden files hold it), and compact output
// must be the same document on one line.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "base/json_writer.hpp"

using zhunru::append_json_number;
using zhunru::append_json_string;
using zhunru::JsonWriter;

namespace {

std::string number(double x) {
  std::string out;
  append_json_number(out, x);
  return out;
}

std::string string_literal(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

}  // namespace

// nlohmann's Grisu2 is not always the shortest or nearest of the digits that
// read back exactly; std::to_chars is. So: the same layout, the same double
// read back, never longer — and for the values decisions hold, the same bytes.
TEST_CASE("json writer: numbers read back exactly, laid out as nlohmann lays them out, never longer") {
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> mantissa(-10.0, 10.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  int same = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = mantissa(rng) * std::pow(10.0, exponent(rng));
    const std::string ours = number(x);
    const std::string theirs = nlohmann::json(x).dump();
    INFO(ours, " vs ", theirs);
    CHECK(nlohmann::json::parse(ours).get<double>() == x);
    CHECK(ours.size() <= theirs.size());
    CHECK((ours.find('e') == std::string::npos) == (theirs.find('e') == std::string::npos));
    const auto exponent_of = [](const std::string& t) { return t.find('e') == std::string::npos ? "" : t.substr(t.find('e')); };
    CHECK(exponent_of(ours) == exponent_of(theirs));
    same += ours == theirs ? 1 : 0;
  }
  CHECK(same > 19000);
  // Values the decisions carry: scores to two decimals, shares to 1e-6, weights.
  for (const double x : {0.0, 1.0, 100.0, 66.67, 0.5, 1e-6, 0.000123, 123456789012345.0, 1e15, 1e16, 1e-4, 1e-5,
                         2.5e-300, 1.7976931348623157e308, -0.0, -3.25}) {
    INFO(x);
    CHECK(number(x) == nlohmann::json(x).dump());
  }
  CHECK(number(std::numeric_limits<double>::infinity()) == "null");
  CHECK(number(std::nan("")) == "null");
}

TEST_CASE("json writer: strings are escaped as nlohmann escapes them, and invalid UTF-8 is repaired, not thrown") {
  for (const std::string& s : {std::string("plain"), std::string("引号\"与\\反斜杠"), std::string("tab\tnl\ncr\r"),
                              std::string("\x01\x1f\x7f", 3), std::string("\0x", 2), std::string("重庆市")}) {
    CHECK(string_literal(s) == nlohmann::json(s).dump());
  }
  CHECK(string_literal("a\xC9\xE8z") == "\"a\xEF\xBF\xBD\xEF\xBF\xBDz\"");
}

TEST_CASE("json writer: pretty output matches nlohmann's dump(2), and compact is the same document on one line") {
  for (const int indent : {2, 0}) {
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object().member("a", "x").key("empty").begin_array().end_array();
    w.key("none").begin_object().end_object().key("list").begin_array().value(1.5).value(true).null().end_array();
    w.key("nested").begin_object().member("n", std::size_t{3}).key("s").strings({"p", "q"}).end_object();
    w.end_object().finish();
    const nlohmann::ordered_json expected = {{"a", "x"},
                                             {"empty", nlohmann::ordered_json::array()},
                                             {"none", nlohmann::ordered_json::object()},
                                             {"list", {1.5, true, nullptr}},
                                             {"nested", {{"n", 3}, {"s", {"p", "q"}}}}};
    CHECK(out == expected.dump(indent == 0 ? -1 : 2));
  }
}

TEST_CASE("json writer: every byte that needs escaping is found wherever it sits in a long string") {
  // The scan reads eight bytes at a time: try each escapable byte at each
  // position of a word, between ASCII and before multi-byte UTF-8.
  for (int c = 0; c < 0x80; ++c) {
    for (std::size_t at = 0; at < 17; ++at) {
      const std::string s = std::string(at, 'a') + static_cast<char>(c) + "重庆市两江新区" + std::string(at % 5, 'z');
      CHECK(string_literal(s) == nlohmann::json(s).dump());
    }
  }
}
