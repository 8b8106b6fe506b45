// The bundled Chongqing ruleset (rules/chongqing) keeps the promises of its
// README: every rule cites its source and quotes the cited clause word for word
// from the texts bundled in rules/chongqing/sources/; rules from 渝环〔2021〕154号
// hold in the free-trade zone only; tiers and maps — checked on the compiled
// model.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "api/ruleset_data.hpp"
#include "support/eval_helpers.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

const std::string kRules = std::string(ZHUNRU_SOURCE_DIR) + "/rules/chongqing";

const Ruleset& chongqing() {
  static const std::shared_ptr<const Ruleset> rs = [] {
    CompileOptions strict;
    strict.strict = true;
    strict.lint_maps = true;
    const CompileResult r = compile_directory(kRules, strict);
    INFO(r.render(Lang::en));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());  // no warnings either, overlaps included
    return r.ruleset;
  }();
  return *rs;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `text` without any whitespace: ASCII white space, line breaks, NBSP, the
// Unicode spaces U+2000–U+200B, U+2028/2029, U+202F, U+205F, the full-width
// space U+3000 and a BOM. The seed texts wrap lines (even inside words), and
// quotes are compared on the characters alone.
std::string without_whitespace(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte >= 0xF0) {
      length = 4;
    } else if (byte >= 0xE0) {
      length = 3;
    } else if (byte >= 0xC0) {
      length = 2;
    }
    length = std::min(length, text.size() - i);
    char32_t cp = byte;
    if (length == 2) {
      cp = static_cast<char32_t>(((byte & 0x1FU) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3FU));
    } else if (length == 3) {
      cp = static_cast<char32_t>(((byte & 0x0FU) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3FU) << 6) |
                                 (static_cast<unsigned char>(text[i + 2]) & 0x3FU));
    }
    const bool space = cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\v' || cp == U'\f' ||
                       cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
                       cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
    if (!space) out.append(text, i, length);
    i += length;
  }
  return out;
}

// The bundled source texts (rules/chongqing/sources/*.txt), each without its
// `#` header lines, by file name.
std::vector<std::pair<std::string, std::string>> sources() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : std::filesystem::directory_iterator(kRules + "/sources")) {
    if (entry.path().extension() != ".txt") continue;
    std::istringstream lines(read_file(entry.path()));
    std::string body;
    for (std::string line; std::getline(lines, line);) {
      if (!line.starts_with('#')) body += line + "\n";
    }
    out.emplace_back(entry.path().filename().string(), without_whitespace(body));
  }
  return out;
}

}  // namespace

TEST_CASE("chongqing: every rule has an id, a reason, a citation and a quote — four dimensions — city and district tiers") {
  const model::Model& m = chongqing().data().model;
  CHECK(m.rules.size() >= 20);
  std::set<ControlDimension> dimensions;
  std::set<TierLevel> levels;
  for (const model::Rule& r : m.rules) {
    INFO(r.id);
    CHECK_FALSE(r.generated_id);
    CHECK_FALSE(r.cites.empty());
    CHECK_FALSE(r.quotes.empty());
    CHECK_FALSE(r.because.empty());
    dimensions.insert(r.dimension);
    levels.insert(m.tiers[r.tier].level);
  }
  CHECK(dimensions.size() == 4);
  CHECK(levels.count(TierLevel::city) == 1);
  CHECK(levels.count(TierLevel::district) == 1);
}

TEST_CASE("chongqing: every quote is the cited clause's own words, found in rules/chongqing/sources") {
  const auto texts = sources();
  REQUIRE(texts.size() >= 2);  // at least the two seed documents
  for (const auto& text : texts) {  // not a structured binding: INFO's lambda cannot capture one in clang 14
    INFO(text.first);
    CHECK(text.second.size() > 100);
  }
  const model::Model& m = chongqing().data().model;
  std::size_t quotes = 0;
  for (const model::Rule& r : m.rules) {
    INFO(r.id);
    CHECK_FALSE(r.quotes.empty());  // every rule carries its clause
    for (const std::string& quote : r.quotes) {
      INFO(quote);
      const std::string needle = without_whitespace(quote);
      CHECK(needle.size() >= 6);  // a sentence, not a word
      bool found = false;
      for (const auto& [name, body] : texts) found = found || body.find(needle) != std::string::npos;
      CHECK(found);
      ++quotes;
    }
  }
  CHECK(quotes >= m.rules.size());
}

TEST_CASE("chongqing: the comparison ignores line breaks and full-width spaces, and nothing else") {
  CHECK(without_whitespace("新建码头同步\n\n规划、设计 建设") == "新建码头同步规划、设计建设");
  CHECK(without_whitespace("第八十八条\u3000违反本法规定\r\n") == "第八十八条违反本法规定");
  CHECK(without_whitespace("A 级") == "A级");
  CHECK(without_whitespace("，；：（）") == "，；：（）");  // punctuation is compared as written
}

TEST_CASE("chongqing: every source file starts with a header saying what it is") {
  for (const auto& entry : std::filesystem::directory_iterator(kRules + "/sources")) {
    INFO(entry.path().string());
    CHECK(entry.path().extension() == ".txt");
    const std::string text = read_file(entry.path());
    CHECK(text.starts_with("# "));
    CHECK(text.find("public government document") != std::string::npos);
  }
}

TEST_CASE("chongqing: rules from 渝环〔2021〕154号 hold in the free-trade zone only") {
  const model::Model& m = chongqing().data().model;
  std::size_t from_001 = 0;
  for (const model::Rule& r : m.rules) {
    bool cites_001 = false;
    for (const std::string& c : r.cites) cites_001 = cites_001 || c.find("渝环〔2021〕154号") != std::string::npos;
    if (!cites_001) continue;
    INFO(r.id);
    ++from_001;
    CHECK(r.texts[model::RuleTexts::where].find("in-ftz") != std::string::npos);
  }
  CHECK(from_001 >= 10);
}

TEST_CASE("chongqing: the free-trade-zone pilots sit in the districts 两江新区 and 重庆高新区 overlap, and in 九龙坡") {
  const model::Model& m = chongqing().data().model;
  std::set<std::string> districts;
  for (const model::Tier& t : m.tiers) {
    if (t.level == TierLevel::district) districts.insert(t.code);
  }
  // 两江新区: 江北 500105, 北碚 500109, 渝北 500112; 重庆高新区: 沙坪坝 500106, 九龙坡 500107.
  for (const char* code : {"500105", "500106", "500107", "500109", "500112"}) {
    INFO(code);
    CHECK(districts.count(code) == 1);
  }
}

TEST_CASE("chongqing: the main job — the chemical plant on the Yangtze bank is rejected by CQ-SL-03 alone") {
  const Ruleset& rs = chongqing();
  const std::string json =
      read_file(std::string(ZHUNRU_SOURCE_DIR) + "/examples/projects/chongqing/chemical-yangtze-bank.json");
  const Decision d = decide(rs, json);
  CHECK(d.verdict == Verdict::reject);
  std::set<std::string> violated;
  for (const Finding& f : d.findings) {
    if (f.status == Status::violated) violated.insert(f.rule);
  }
  CHECK(violated == std::set<std::string>{"CQ-SL-03"});
  const Finding* f = finding(d, "CQ-SL-03");
  REQUIRE(f != nullptr);
  CHECK_FALSE(f->quotes.empty());
}

TEST_CASE("chongqing: the synthetic unit map has three units per district — Jiefangbei is in 渝中区 500103") {
  const Ruleset& rs = chongqing();
  CHECK(rs.map_unit_count() == 114);
  const Project p = project_ok(rs, R"({"site": {"type": "Point", "coordinates": [106.5770, 29.5570]}})");
  REQUIRE(p.units().size() == 1);
  CHECK(p.units()[0].district == "500103");
  CHECK(p.units()[0].code.starts_with("ZH500103"));
}

// A polygon site over several units: OverlayNG's fallbacks may leave collapsed
// lines beside the polygons of what is left of the site, and GEOS refused the
// next difference ("mixed-dimension") — a 15 km box in 九龙坡 was refused, and
// 25 of 114 boxes around single units.
TEST_CASE("chongqing: boxes of 15 km anywhere over the city are located, their shares adding up to at most 1") {
  const auto rs = chongqing_rules();
  const auto box = [](double x0, double y0, double x1, double y1) {
    return "{\"units\": null, \"site\": {\"type\": \"Polygon\", \"coordinates\": [[[" + std::to_string(x0) + "," +
           std::to_string(y0) + "],[" + std::to_string(x1) + "," + std::to_string(y0) + "],[" + std::to_string(x1) +
           "," + std::to_string(y1) + "],[" + std::to_string(x0) + "," + std::to_string(y1) + "],[" +
           std::to_string(x0) + "," + std::to_string(y0) + "]]]}}";
  };
  std::vector<std::string> sites{box(106.3967, 29.3398, 106.5356, 29.4971)};
  for (double x = 105.3; x < 110.2; x += 0.35) {
    for (double y = 28.2; y < 32.2; y += 0.35) sites.push_back(box(x, y, x + 0.15, y + 0.15));
  }
  std::size_t located = 0;
  for (const std::string& json : sites) {
    CAPTURE(json);
    std::string text = json;
    text.replace(text.find("\"units\": null, "), 15, "");
    const ProjectResult p = load_project_json(*rs, text);
    if (!p) {  // outside every unit: the only refusal allowed
      CHECK(p.error().front().code == "project.site-not-located");
      CHECK(p.error().front().message.en.find("touches no unit") != std::string::npos);
      continue;
    }
    const auto d = evaluate(*rs, *p);
    REQUIRE(d.has_value());
    double shares = 0.0;
    for (const UnitDecision& u : d->units) shares += u.share.value_or(0.0);
    CHECK(shares - 1.0 <= 1e-6);  // measured part by part: rounding, not overlap
    ++located;
  }
  CHECK(located > 60);
}
