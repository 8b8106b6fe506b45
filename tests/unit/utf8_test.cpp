// UTF-8 repair, counting and display width; source files and their lines.
#include <doctest/doctest.h>

#include "base/source_file.hpp"
#include "base/utf8.hpp"

using namespace zhunru;

TEST_CASE("valid UTF-8 passes through repair untouched") {
  std::vector<utf8::InvalidSequence> invalid;
  const std::string text = "禁止 two-high 项目 μg/m3";
  CHECK(utf8::repair(text, invalid) == text);
  CHECK(invalid.empty());
}

TEST_CASE("invalid sequences become U+FFFD, one per bad sequence") {
  std::vector<utf8::InvalidSequence> invalid;
  // A stray continuation byte, a truncated 3-byte sequence, an overlong '/',
  // an encoded surrogate, and a GBK-encoded 中 (0xD6 0xD0: two bad leads).
  const std::string bad = std::string("a\x80") + "b\xE4\xB8" + "c\xC0\xAF" + "d\xED\xA0\x80" + "e\xD6\xD0";
  const std::string repaired = utf8::repair(bad, invalid);
  CHECK(invalid.size() == 6);
  CHECK(repaired.find("a\xEF\xBF\xBD" "b") == 0);
  CHECK(invalid[0].offset == 1);
  CHECK(invalid[0].output_offset == 1);
  for (std::size_t pos = 0; pos < repaired.size();) utf8::next(repaired, pos);  // decodes cleanly
}

TEST_CASE("length, offsets and display width count code points") {
  CHECK(utf8::length("两高 ab") == 5);
  CHECK(utf8::offset_of("两高ab", 2) == 6);
  CHECK(utf8::offset_of("ab", 10) == 2);
  CHECK(utf8::display_width("两高ab") == 6);
  CHECK(utf8::display_width("ＡＢ") == 4);  // full-width forms
  std::string s;
  utf8::append(s, U'😀');
  CHECK(s == "\xF0\x9F\x98\x80");
}

TEST_CASE("a source file indexes lines and reports invalid UTF-8 where it is") {
  SourceSet set;
  const SourceFile& f = set.add("x.rules", "line one\r\n第二行 \xFF here\nlast");
  CHECK(f.line_count() == 3);
  CHECK(f.line(1) == "line one");  // CR dropped
  CHECK(f.line(3) == "last");
  CHECK(f.line(4).empty());
  REQUIRE(f.encoding_errors().size() == 1);
  const Diagnostic& d = f.encoding_errors()[0];
  CHECK(d.location.line == 2);
  CHECK(d.location.column == 5);
  CHECK(d.message.en.find("0xFF") != std::string::npos);
  CHECK(set.find("x.rules") == &f);
  CHECK(set.find(FileId{0}) == &f);
}

TEST_CASE("a byte-order mark is dropped and does not shift columns") {
  SourceSet set;
  const SourceFile& f = set.add("bom.rules", "\xEF\xBB\xBF" "fact a : bool;");
  CHECK(f.text() == "fact a : bool;");
}
