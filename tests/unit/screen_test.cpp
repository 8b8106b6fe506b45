// Screening: one answer per record, in input order, each what `evaluate`
// gives for that record alone (or that record's errors), whatever the input
// format, the output format or the number of threads.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "base/utf8.hpp"
#include "support/eval_helpers.hpp"
#include "support/generated.hpp"
#include "zhunru/screen.hpp"

using namespace zhunru;
using namespace zhunru::testing;
using Json = nlohmann::json;

namespace {

ScreenOptions options_for(BatchInput input, unsigned threads = 2) {
  ScreenOptions o;
  o.evaluate.as_of = day(2025, 6, 1);
  o.input = input;
  o.threads = threads;
  return o;
}

struct Screened {
  std::vector<Json> answers;  // NDJSON lines, parsed
  ScreenSummary summary;
  std::string text;
};

Screened screen_text(const Ruleset& rs, const std::string& batch, const ScreenOptions& o) {
  std::istringstream in(batch);
  std::ostringstream out;
  auto summary = screen(rs, in, out, o);
  INFO(batch.substr(0, 200));
  REQUIRE(summary.has_value());
  Screened s{{}, *summary, out.str()};
  if (o.output == BatchOutput::ndjson) {
    std::istringstream lines(s.text);
    for (std::string line; std::getline(lines, line);) s.answers.push_back(Json::parse(line));
  }
  return s;
}

/// What `eval --format json` says of one project file, or its error codes.
Json judged_alone(const Ruleset& rs, const std::string& text, const EvaluateOptions& options) {
  const ProjectResult p = load_project_json(rs, text);
  if (!p) {
    Json codes = Json::array();
    for (const ProjectError& e : p.error()) codes.push_back(e.code);
    return codes;
  }
  const auto d = evaluate(rs, *p, options);
  if (!d) return Json::array({d.error().code});
  return Json::parse(to_json(*d));
}

/// An answer without the members screening adds, or its error codes.
Json decision_of(Json answer) {
  if (answer.contains("errors")) {
    Json codes = Json::array();
    for (const Json& e : answer["errors"]) codes.push_back(e["code"]);
    return codes;
  }
  for (const char* added : {"record", "id", "line", "file"}) answer.erase(added);
  return answer;
}

std::shared_ptr<const Ruleset> chongqing() { return chongqing_rules(); }

}  // namespace

TEST_CASE("property: screening 10,000 generated projects on 2 threads answers each as evaluate does alone, in order") {
  std::mt19937 rng(2024);
  const auto rs = ruleset_with(join(rules(rng, 200)));
  std::vector<std::string> projects;
  std::string batch;
  for (int i = 0; i < 10000; ++i) {
    std::string p = project(rng);
    if (i % 97 == 5) p = R"({"industri": "C2614", "units": ["ZH50010320001"]})";  // a bad fact
    if (i % 131 == 7) p = R"({"industry": "C2614", broken)";                      // not JSON
    if (i % 89 == 3) p = R"({"industry": "C2614"})";                              // no unit: not judged
    projects.push_back(p);
    batch += p + "\n";
    if (i % 500 == 0) batch += "\n";  // blank lines are not records
  }
  const ScreenOptions o = options_for(BatchInput::ndjson);
  const Screened s = screen_text(*rs, batch, o);
  REQUIRE(s.answers.size() == projects.size());
  CHECK(s.summary.records == projects.size());
  std::size_t errors = 0;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    CHECK(s.answers[i]["record"] == i + 1);
    const Json alone = judged_alone(*rs, projects[i], o.evaluate);
    errors += alone.is_array() ? 1 : 0;
    if (decision_of(s.answers[i]) != alone) {
      FAIL_CHECK("record " << i + 1 << " differs from eval: " << projects[i]);
    }
  }
  CHECK(s.summary.errors == errors);
  CHECK(errors > 150);
  std::size_t judged = 0;
  for (const std::size_t n : s.summary.verdicts) judged += n;
  CHECK(judged + errors == projects.size());
}

TEST_CASE("screening is deterministic: one thread and eight give the same bytes") {
  std::mt19937 rng(7);
  const auto rs = ruleset_with(join(rules(rng, 50)));
  std::string batch;
  for (int i = 0; i < 2000; ++i) batch += project(rng) + "\n";
  for (const BatchOutput format : {BatchOutput::ndjson, BatchOutput::csv, BatchOutput::geojson}) {
    ScreenOptions one = options_for(BatchInput::ndjson, 1);
    one.output = format;
    ScreenOptions eight = options_for(BatchInput::ndjson, 8);
    eight.output = format;
    CHECK(screen_text(*rs, batch, one).text == screen_text(*rs, batch, eight).text);
  }
}

TEST_CASE("screening: a record over the size limit is refused alone, and the next line is read as usual") {
  const auto rs = ruleset_with("city 500000 { spatial-layout { B1: ban chemical projects; } }");
  ScreenOptions o = options_for(BatchInput::ndjson);
  o.limits.max_bytes = 1 << 20;
  const std::string big = R"({"note": ")" + std::string(3 << 20, 'x') + R"(", "units": ["ZH50010320001"]})";
  const Screened s = screen_text(*rs, "{\"industry\": \"C2614\", \"units\": [\"ZH50010320001\"]}\n" + big +
                                          "\n{\"industry\": \"C3011\", \"units\": [\"ZH50010320001\"]}\n", o);
  REQUIRE(s.answers.size() == 3);
  CHECK(s.answers[0]["verdict"] == "reject");
  CHECK(s.answers[1]["error"]["code"] == "input.too-large");
  CHECK(s.answers[1]["line"] == 2);
  CHECK(s.answers[2]["verdict"] == "admit");
  CHECK(s.answers[2]["line"] == 3);
}

TEST_CASE("screening a JSON list: a malformed element is its own error, a list that breaks off ends the batch") {
  const auto rs = ruleset_with("city 500000 { spatial-layout { B1: ban chemical projects; } }");
  const ScreenOptions o = options_for(BatchInput::json_array);
  Screened s = screen_text(*rs, R"([
    {"industry": "C2614", "units": ["ZH50010320001"], "project": {"id": "P-1"}},
    {"industry": [1, 2}, "units": ["ZH50010320001"]},
    "not an object",
    {"industry": "C3011", "units": ["ZH50010320001"], "project": {"name": "第四个"}}
  ])", o);
  REQUIRE(s.answers.size() == 4);
  CHECK(s.answers[0]["id"] == "P-1");
  CHECK(s.answers[0]["verdict"] == "reject");
  CHECK(s.answers[1]["error"]["code"] == "input.not-json");
  CHECK(s.answers[2]["error"]["code"] == "project.not-object");
  CHECK(s.answers[3]["id"] == "第四个");
  CHECK(s.answers[3]["verdict"] == "admit");
  CHECK_FALSE(s.summary.stopped);

  s = screen_text(*rs, R"([{"industry": "C2614", "units": ["ZH50010320001"]} {"industry": "C3011"}])", o);
  CHECK(s.answers.size() == 1);
  REQUIRE(s.summary.stopped);
  CHECK(s.summary.stopped->code == "screen.list-broken");

  s = screen_text(*rs, R"([{"industry": "C2614", "units": ["ZH50010320001"]}, {"industry": "C3011", )", o);
  REQUIRE(s.answers.size() == 2);  // the broken record is answered with why nothing after it is
  CHECK(s.answers[1]["error"]["code"] == "screen.list-broken");
  CHECK(s.summary.stopped);
}

TEST_CASE("screening one JSON document: a project file alone is a batch of one, nothing after the end is dropped") {
  const auto rs = ruleset_with("city 500000 { spatial-layout { B1: ban chemical projects; } }");
  const ScreenOptions o = options_for(BatchInput::json_array);
  Screened s = screen_text(*rs, "\xEF\xBB\xBF{\n  \"industry\": \"C2614\",\n  \"units\": [\"ZH50010320001\"]\n}\n", o);
  REQUIRE(s.answers.size() == 1);
  CHECK(s.answers[0]["verdict"] == "reject");
  CHECK_FALSE(s.summary.stopped);

  // Two objects are not one document: the first is judged, the rest is not silently dropped.
  s = screen_text(*rs, R"({"industry": "C2614", "units": ["ZH50010320001"]}
{"industry": "C3011", "units": ["ZH50010320001"]})", o);
  CHECK(s.answers.size() == 1);
  REQUIRE(s.summary.stopped);
  CHECK(s.summary.stopped->code == "screen.list-broken");
  CHECK(s.summary.stopped->message.en.find("after the end of the project at line 2") != std::string::npos);

  s = screen_text(*rs, R"([{"industry": "C2614", "units": ["ZH50010320001"]}] [{"industry": "C3011"}])", o);
  CHECK(s.answers.size() == 1);
  REQUIRE(s.summary.stopped);
  CHECK(s.summary.stopped->message.en.find("after the end of the list") != std::string::npos);

  s = screen_text(*rs, "[{\"industry\": \"C2614\", \"units\": [\"ZH50010320001\"]}]\n\n", o);
  CHECK(s.answers.size() == 1);
  CHECK_FALSE(s.summary.stopped);
}

TEST_CASE("screening a FeatureCollection: members after `features` are read, a `crs` there still checked") {
  const auto rs = chongqing();
  const ScreenOptions o = options_for(BatchInput::geojson);
  const std::string feature =
      R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [106.551, 29.563]}, "properties": {"industry": "C2614"}})";
  Screened s = screen_text(*rs, R"({"type": "FeatureCollection", "features": [)" + feature + R"(], "name": "地块", "bbox": [1, 2, 3, 4]})", o);
  CHECK(s.answers.size() == 1);
  CHECK_FALSE(s.summary.stopped);

  s = screen_text(*rs, R"({"type": "FeatureCollection", "features": [)" + feature +
                           R"(], "crs": {"type": "name", "properties": {"name": "EPSG:4545"}}})", o);
  CHECK(s.answers.size() == 1);
  REQUIRE(s.summary.stopped);  // too late to judge in metres, but not ignored
  CHECK(s.summary.stopped->code == "project.site-crs");

  s = screen_text(*rs, R"({"type": "FeatureCollection", "features": [)" + feature + R"(]} trailing)", o);
  REQUIRE(s.summary.stopped);
  CHECK(s.summary.stopped->code == "screen.list-broken");

  s = screen_text(*rs, R"({"type": "FeatureCollection", "features": [)" + feature + R"(], "features": []})", o);
  REQUIRE(s.summary.stopped);
  CHECK(s.summary.stopped->message.en.find("second `features`") != std::string::npos);
}

TEST_CASE("screening a GeoJSON FeatureCollection: geometry is the site, properties the facts") {
  const auto rs = chongqing();
  const ScreenOptions o = options_for(BatchInput::geojson);
  const std::string collection = R"({"type": "FeatureCollection", "name": "地块", "features": [
    {"type": "Feature", "id": "A-1", "geometry": {"type": "Point", "coordinates": [106.551, 29.563]},
     "properties": {"国民经济行业类别（GB/T 4754-2017）": "C2614", "nature": "新建", "catalogue": "permitted"}},
    {"type": "Feature", "id": "A-2", "geometry": null, "properties": {"industry": "C2614"}},
    {"type": "Point", "coordinates": [106.5, 29.5]}
  ]})";
  const Screened s = screen_text(*rs, collection, o);
  REQUIRE(s.answers.size() == 3);
  CHECK(s.answers[0]["id"] == "A-1");
  CHECK(s.answers[0].contains("verdict"));
  CHECK(s.answers[0]["units"].size() >= 1);
  CHECK(s.answers[1]["id"] == "A-2");
  CHECK(s.answers[1]["error"]["code"] == "eval.no-units");
  CHECK(s.answers[2]["error"]["code"] == "screen.not-feature");

  // A collection in projected metres is refused before any record.
  const Screened projected = screen_text(
      *rs, R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4545"}}, "features": []})", o);
  CHECK(projected.answers.empty());
  REQUIRE(projected.summary.stopped);
  CHECK(projected.summary.stopped->code == "project.site-crs");
}

TEST_CASE("screening CSV: fact names or Chinese labels as columns, lon/lat, units, quoted fields, bad rows alone") {
  const auto rs = chongqing();
  const ScreenOptions o = options_for(BatchInput::csv);
  const std::string csv =
      "\xEF\xBB\xBFid,industry,建设性质,产业结构调整指导目录类别,lon,lat,name\r\n"
      "P1,C2614,新建,permitted,106.551,29.563,\"a note, with a comma and \"\"quotes\"\"\"\r\n"
      "P2,C3011,new,permitted,,,\r\n"
      ",,,,,,\r\n"
      "P3,C2614,新建\r\n"
      "P4,C2614,新建,permitted,east,29.5,\r\n";
  const Screened s = screen_text(*rs, csv, o);
  REQUIRE(s.answers.size() == 4);  // the empty row is not a record
  CHECK(s.answers[0]["id"] == "P1");
  CHECK(s.answers[0]["line"] == 2);
  CHECK(s.answers[0].contains("verdict"));
  CHECK(s.answers[1]["error"]["code"] == "eval.no-units");
  CHECK(s.answers[2]["error"]["code"] == "screen.csv-row");
  CHECK(s.answers[2]["line"] == 5);
  CHECK(s.answers[3]["error"]["code"] == "project.site-geometry");

  // The same project by CSV and by project file: the same decision.
  const Json by_file = judged_alone(*rs, R"({"industry": "C2614", "nature": "新建", "catalogue": "permitted",
      "project": {"id": "P1", "name": "a note, with a comma and \"quotes\""},
      "site": {"type": "Point", "coordinates": [106.551, 29.563]}})", o.evaluate);
  CHECK(decision_of(s.answers[0]) == by_file);

  // A column that names nothing is refused before any row, with a suggestion.
  std::istringstream in("industry,natur\nC2614,new\n");
  std::ostringstream out;
  const auto refused = screen(*rs, in, out, o);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == "screen.csv-column");
  CHECK(refused.error().message.en.find("did you mean `nature`?") != std::string::npos);
}

// Excel on a Chinese system saves CSV as GBK. Each such row was an `internal`
// error (nlohmann threw on the bytes) and its id was echoed raw, making the
// output itself not UTF-8.
TEST_CASE("screening CSV that is not UTF-8: each such row refused for its encoding, the output still UTF-8") {
  const auto rs = chongqing();
  ScreenOptions o = options_for(BatchInput::csv);
  const std::string gbk_id = "\xD6\xD8";  // 重 in GBK
  const std::string nul(1, '\0');
  const Screened s = screen_text(*rs, "id,industry,units\n" + gbk_id + ",C2614,ZH50010320001\n"
                                      "P2,\xBB\xAF,ZH50010320001\nP3,C2614,ZH50010320001\nP4,C" + nul + "2614,ZH50010320001\n", o);
  REQUIRE(s.answers.size() == 4);
  for (const std::size_t i : {0, 1, 3}) {
    CHECK(s.answers[i]["error"]["code"] == "input.encoding");
  }
  CHECK(s.answers[0]["error"]["message"]["en"].get<std::string>().find("iconv -f GBK -t UTF-8") != std::string::npos);
  CHECK(s.answers[3]["error"]["message"]["en"].get<std::string>().find("NUL") != std::string::npos);
  CHECK(s.answers[0]["id"] == "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFD for each bad byte, not the bytes
  CHECK(s.answers[2].contains("verdict"));
  o.output = BatchOutput::csv;
  std::istringstream in("id,industry,units\n" + gbk_id + ",C2614,ZH50010320001\n");
  std::ostringstream out;
  REQUIRE(screen(*rs, in, out, o).has_value());
  CHECK_FALSE(utf8::first_invalid(out.str()).has_value());
  // A header that is not UTF-8 is refused before any row, with the same hint.
  std::istringstream header("\xD0\xD0\xD2\xB5,units\nC2614,ZH50010320001\n");
  const auto refused = screen(*rs, header, out, options_for(BatchInput::csv));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == "screen.csv-header");
  CHECK(refused.error().message.zh.find("iconv -f GBK -t UTF-8") != std::string::npos);
}

TEST_CASE("screening: a site in WKT, and units separated by semicolons") {
  const auto rs = chongqing();
  const ScreenOptions o = options_for(BatchInput::csv);
  const Screened s = screen_text(*rs,
                                 "industry,nature,catalogue,site,units\n"
                                 "C2614,new,permitted,POINT (106.551 29.563),\n"
                                 "C2614,new,permitted,POINT (106.551,\n"
                                 "C2614,new,permitted,\"GEOMETRYCOLLECTION " + std::string(100000, '(') + "\",\n"
                                 "C2614,new,permitted,,ZH50010320001; ZH50010330001\n",
                                 o);
  REQUIRE(s.answers.size() == 4);
  CHECK(s.answers[0].contains("verdict"));
  CHECK(s.answers[1]["error"]["code"] == "project.site-geometry");
  CHECK(s.answers[2]["error"]["code"] == "project.site-geometry");  // 100,000-deep WKT: refused, no recursion
  REQUIRE(s.answers[3].contains("units"));
  CHECK(s.answers[3]["units"].size() == 2);
}

TEST_CASE("screening output as CSV and GeoJSON: one row or feature per record, errors included") {
  const auto rs = chongqing();
  ScreenOptions o = options_for(BatchInput::ndjson);
  const std::string batch =
      R"({"industry": "C2614", "nature": "新建", "site": {"type": "Point", "coordinates": [106.551, 29.563]}})" "\n"
      R"({"industri": "C2614"})" "\n";
  o.output = BatchOutput::csv;
  Screened s = screen_text(*rs, batch, o);
  std::istringstream rows(s.text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(rows, line);) lines.push_back(line);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "record,id,verdict,best,worst,violated,missing,needed,units,error");
  CHECK(lines[1].starts_with("1,,"));
  CHECK(lines[2].starts_with("2,,,,,,,,,project.unknown-fact: industri: "));

  o.output = BatchOutput::geojson;
  s = screen_text(*rs, batch, o);
  const Json collection = Json::parse(s.text);
  REQUIRE(collection["features"].size() == 2);
  const Json& first = collection["features"][0];
  CHECK(first["geometry"]["type"] == "Point");
  CHECK(first["properties"]["record"] == 1);
  CHECK(first["properties"]["industry"] == "C2614");
  CHECK(first["properties"].contains("verdict"));
  CHECK(collection["features"][1]["geometry"].is_null());
  CHECK(collection["features"][1]["properties"]["error"].get<std::string>().starts_with("project.unknown-fact"));
}

TEST_CASE("screening a list of project files: each file one record, an unreadable one its own error") {
  const auto rs = chongqing();
  const auto dir = std::filesystem::path(ZHUNRU_SOURCE_DIR) / "examples/projects/chongqing";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  files.insert(files.begin() + 1, dir / "no-such-file.json");
  std::ostringstream out;
  const auto summary = screen_files(*rs, files, out, options_for(BatchInput::ndjson));
  REQUIRE(summary.has_value());
  CHECK(summary->records == files.size());
  std::istringstream lines(out.str());
  std::size_t i = 0;
  for (std::string line; std::getline(lines, line); ++i) {
    const Json answer = Json::parse(line);
    CHECK(answer["file"] == files[i].generic_string());
    if (i == 1) {
      CHECK(answer["error"]["code"] == "io.read");
      continue;
    }
    std::ifstream f(files[i]);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    CHECK(decision_of(answer) == judged_alone(*rs, text, options_for(BatchInput::ndjson).evaluate));
  }
  CHECK(i == files.size());
}
