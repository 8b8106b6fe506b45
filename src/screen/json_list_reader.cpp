// A JSON list of project files (or one project file: a batch of one), or a
// GeoJSON FeatureCollection, read one element at a time. The scanner only finds where each element ends (by
// brackets and strings); the element itself is then read by the same bounded
// JSON reader as any project file, so a malformed element is that record's
// error. Only a list that breaks off (a bracket never closed, a missing comma)
// ends the batch, since no later record could be told from the next.
#include <nlohmann/json.hpp>

#include "base/json_input.hpp"
#include "geo/geojson_geometry.hpp"
#include "screen/byte_source.hpp"
#include "screen/record_reader.hpp"

namespace zhunru::batch {
namespace {

using Json = nlohmann::ordered_json;

class JsonListReader final : public RecordReader {
 public:
  JsonListReader(std::istream& in, const ProjectLimits& limits, bool features)
      : source_(in), limits_(limits), features_(features) {}

  bool next(Record& record) override {
    if (done_) return false;
    if (!started_ && !start()) return finish();
    skip_space();
    if (single_ ? !first_ : source_.peek() == ']') {
      if (!single_) take();
      return finish_input();
    }
    if (!first_ && !expect(',')) return finish();
    first_ = false;
    skip_space();
    record.line = line_;
    bool oversized = false;
    if (!capture(record.text, oversized)) {
      stop({"the list breaks off inside the record that starts at line " + std::to_string(record.line),
            "列表在第 " + std::to_string(record.line) + " 行开始的记录中中断"});
      record.text.clear();
      record.error = stopped_;  // this record is answered with why nothing after it is
      done_ = true;
      return true;
    }
    if (oversized) {
      record.text.clear();
      record.error = too_large(limits_.max_bytes);
    }
    return true;
  }

  [[nodiscard]] Expected<std::string, ProjectError> project_text(const Record& record) const override {
    if (!features_) return record.text;
    return feature_to_project(record.text);
  }

  [[nodiscard]] std::size_t bytes_read() const override { return source_.consumed(); }

 private:
  using Fail = Expected<std::string, ProjectError>;

  /// A feature's properties are the facts and its geometry the site.
  [[nodiscard]] Fail feature_to_project(const std::string& text) const {
    auto parsed = json_input::parse<Json>(text, {limits_.max_bytes, limits_.max_depth}, {"the feature", "要素"});
    if (!parsed) return Fail::failure({parsed.error().code, parsed.error().member, parsed.error().message});
    Json& feature = *parsed;
    if (!feature.is_object() || feature.value("type", "") != "Feature") {
      return Fail::failure({"screen.not-feature", "",
                            {"each element of `features` must be a GeoJSON Feature", "`features` 的每个元素须为 GeoJSON Feature"}});
    }
    Json facts = Json::object();
    if (const auto p = feature.find("properties"); p != feature.end() && !p->is_null()) {
      if (!p->is_object()) {
        return Fail::failure({"screen.not-feature", "properties",
                              {"a feature's `properties` must be an object of facts", "要素的 `properties` 须为由事实组成的对象"}});
      }
      facts = std::move(*p);
    }
    if (const auto g = feature.find("geometry"); g != feature.end() && !g->is_null()) {
      if (facts.contains("site")) {
        return Fail::failure({"project.given-twice", "site",
                              {"the feature has a geometry and a `site` property: its geometry is the site",
                               "要素既有 geometry 又有 `site` 属性：要素的几何即为选址"}});
      }
      facts["site"] = std::move(*g);
    }
    if (const auto id = feature.find("id"); id != feature.end() && !facts.contains("project")) {
      facts["project"] = Json{{"id", *id}};
    }
    return facts.dump();
  }

  int take() {
    const int c = source_.get();
    if (c == '\n') ++line_;
    return c;
  }

  void skip_space() {
    for (int c = source_.peek(); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = source_.peek()) take();
  }

  bool expect(char wanted) {
    skip_space();
    const int c = take();
    if (c == wanted) return true;
    const std::string found = c == ByteSource::kEnd ? "the end of the input" : std::string("`") + char(c) + "`";
    const std::string found_zh = c == ByteSource::kEnd ? "输入结束" : std::string("`") + char(c) + "`";
    stop({"expected `" + std::string(1, wanted) + "` at line " + std::to_string(line_) + ", found " + found,
          "第 " + std::to_string(line_) + " 行应为 `" + std::string(1, wanted) + "`，实为" + found_zh});
    return false;
  }

  void stop(LocalizedText message) {
    if (!stopped_) stopped_ = ProjectError{"screen.list-broken", "", std::move(message)};
  }

  bool finish() {
    done_ = true;
    return false;
  }

  /// After the last record: a FeatureCollection's members after `features`
  /// (a `crs` there is still checked), then nothing but white space. Bytes
  /// after the end are not silently dropped: they may be records.
  bool finish_input() {
    if (features_ && !members(false)) return finish();
    skip_space();
    if (source_.peek() != ByteSource::kEnd) {
      stop({"unexpected content after the end of the " + what() + " at line " + std::to_string(line_) +
                ": one JSON document per file (or one project a line, as .ndjson)",
            "第 " + std::to_string(line_) + " 行：" + what_zh() + "结束后仍有内容；一个文件只能有一个 JSON 文档（或改为每行一个项目的 .ndjson）"});
    }
    return finish();
  }

  [[nodiscard]] std::string what() const { return features_ ? "FeatureCollection" : single_ ? "project" : "list"; }
  [[nodiscard]] std::string what_zh() const { return features_ ? "FeatureCollection " : single_ ? "项目" : "列表"; }

  /// Reads up to the first element: `[`, or the FeatureCollection's members
  /// before `"features": [`. A project file alone (`{`) is a batch of one.
  bool start() {
    started_ = true;
    skip_space();
    if (source_.peek() == 0xEF) {  // a BOM
      take(), take(), take();
      skip_space();
    }
    if (!features_) {
      single_ = source_.peek() == '{';
      return single_ || expect('[');
    }
    return expect('{') && members(true);
  }

  /// A FeatureCollection's members: before `features` (`before`: up to and
  /// including its `[`) or after its `]` (up to and including the `}`).
  bool members(bool before) {
    for (bool first = true;; first = false) {
      skip_space();
      if (source_.peek() == '}') {
        if (!before) return take(), true;
        stop({"the FeatureCollection has no `features` list", "FeatureCollection 没有 `features` 列表"});
        return false;
      }
      if ((!first || !before) && !expect(',')) return false;
      skip_space();
      std::string key;
      bool oversized = false;
      if (source_.peek() != '"' || !capture(key, oversized) || !expect(':')) {
        stop({"expected a member name of the FeatureCollection at line " + std::to_string(line_),
              "第 " + std::to_string(line_) + " 行应为 FeatureCollection 的成员名"});
        return false;
      }
      if (key == "\"features\"" && before) return expect('[');
      skip_space();
      std::string value;
      if (!capture(value, oversized)) {
        stop({"the FeatureCollection breaks off at line " + std::to_string(line_),
              "FeatureCollection 在第 " + std::to_string(line_) + " 行中断"});
        return false;
      }
      if (key == "\"features\"") {
        stop({"the FeatureCollection has a second `features` member at line " + std::to_string(line_),
              "FeatureCollection 在第 " + std::to_string(line_) + " 行有第二个 `features` 成员"});
        return false;
      }
      if (key == "\"crs\"" && !oversized && !crs_ok(value)) return false;
    }
  }

  bool crs_ok(const std::string& value) {
    const auto crs = json_input::parse<Json>(value, {limits_.max_bytes, limits_.max_depth}, {"`crs`", "`crs`"});
    const auto problem = crs ? geo::crs_problem(Json{{"crs", *crs}}) : std::optional<LocalizedText>{crs.error().message};
    if (problem) stopped_ = ProjectError{"project.site-crs", "crs", *problem};
    return !problem;
  }

  /// Takes one JSON value's text, whole: an object or list to its closing
  /// bracket, a string to its closing quote, a number or word to where it
  /// ends. Keeps at most max_bytes (`oversized` tells). False at a premature end.
  bool capture(std::string& out, bool& oversized) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    while (true) {
      const int c = source_.peek();
      if (c == ByteSource::kEnd) return depth == 0 && !in_string && !out.empty();
      if (!in_string && depth == 0 && !out.empty() && out.front() != '"' &&
          (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
        return true;  // the end of a number or a word
      }
      take();
      if (out.size() < limits_.max_bytes) {
        out.push_back(static_cast<char>(c));
      } else {
        oversized = true;
      }
      if (in_string) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) return true;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return false;  // a closing bracket with nothing open
        if (--depth == 0) return true;
      }
    }
  }

  ByteSource source_;
  ProjectLimits limits_;
  bool features_;
  bool started_ = false;
  bool single_ = false;  // one project file, not a list
  bool first_ = true;
  bool done_ = false;
  std::size_t line_ = 1;
};

}  // namespace

std::unique_ptr<RecordReader> json_list_reader(std::istream& in, const ProjectLimits& limits, bool features) {
  return std::make_unique<JsonListReader>(in, limits, features);
}

}  // namespace zhunru::batch
