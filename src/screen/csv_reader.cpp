// CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks): a
// header row, then one project a row. Columns are facts — by name or by
// Chinese label — or reserved: `site` (GeoJSON or WKT), `lon` and `lat`,
// `units` (codes separated by `;`), `id` and `name` (the project's). An empty
// cell is an unknown fact. A column naming nothing is refused before any row.
#include <nlohmann/json.hpp>


#include "api/ruleset_data.hpp"
#include "base/csv_row.hpp"
#include "base/edit_distance.hpp"
#include "base/json_input.hpp"
#include "base/utf8.hpp"
#include "geo/wkt.hpp"
#include "screen/byte_source.hpp"
#include "screen/record_reader.hpp"

namespace zhunru::batch {
namespace {

using Json = nlohmann::ordered_json;

enum class Column { fact, site, lon, lat, units, id, name };

struct Reserved {
  const char* en;
  const char* zh;
  Column column;
};

constexpr Reserved kReserved[] = {{"site", "选址", Column::site}, {"lon", "经度", Column::lon},
                                  {"lat", "纬度", Column::lat},   {"units", "单元", Column::units},
                                  {"id", "编号", Column::id},     {"name", "名称", Column::name}};

struct ColumnInfo {
  Column column = Column::fact;
  std::string fact;  // the fact's name, for Column::fact
};

class CsvReader final : public RecordReader {
 public:
  CsvReader(std::istream& in, const ProjectLimits& limits) : source_(in), limits_(limits) {}

  /// Reads and names the header's columns.
  std::optional<ScreenError> read_header(const Ruleset& ruleset) {
    std::vector<std::string> names;
    bool oversized = false;
    if (!row(names, oversized) || oversized) {
      return ScreenError{"screen.csv-header", {"the CSV file has no header row", "CSV 文件没有表头行"}};
    }
    if (!names.empty() && names[0].starts_with("\xEF\xBB\xBF")) names[0].erase(0, 3);  // a BOM
    for (const std::string& name : names) {
      if (auto problem = not_text(name, {"the CSV header", "CSV 表头"})) return ScreenError{"screen.csv-header", *problem};
    }
    const model::Model& model = ruleset.data().model;
    std::vector<std::string_view> known;
    for (const model::Fact& f : model.facts) {
      known.push_back(f.name);
      if (!f.label.empty()) known.push_back(f.label);
    }
    for (const Reserved& r : kReserved) known.push_back(r.en);
    std::vector<bool> taken(model.facts.size() + std::size(kReserved), false);
    for (const std::string& raw : names) {
      const std::string name = csv_trim(raw);
      ColumnInfo info;
      std::size_t slot = 0;
      if (const auto* r = reserved(name)) {
        info.column = r->column;
        slot = model.facts.size() + static_cast<std::size_t>(r - kReserved);
      } else if (const auto fact = ruleset.data().find_fact_or_label(name)) {
        info.fact = model.facts[*fact].name;
        slot = *fact;
      } else {
        const std::string shown = json_input::shorten(name);
        std::string en = "the CSV column `" + shown + "` is neither a fact of this ruleset nor one of site, lon, lat, "
                         "units, id, name";
        std::string zh = "CSV 列“" + shown + "”既不是本清单的事实，也不是 site、lon、lat、units、id、name 之一";
        if (const auto best = closest_near_miss(name, known)) {
          en += "; did you mean `" + std::string(known[*best]) + "`?";
          zh += "；是否应为“" + std::string(known[*best]) + "”？";
        }
        return ScreenError{"screen.csv-column", {en, zh}};
      }
      if (taken[slot]) {
        const std::string shown = json_input::shorten(name);
        return ScreenError{"screen.csv-column", {"the CSV column `" + shown + "` names what another column names",
                                                 "CSV 列“" + shown + "”与另一列重复"}};
      }
      taken[slot] = true;
      columns_.push_back(std::move(info));
    }
    const bool lon = taken[model.facts.size() + 1];
    const bool lat = taken[model.facts.size() + 2];
    if (lon != lat) {
      return ScreenError{"screen.csv-column", {"the CSV file has a `lon` column without `lat`, or `lat` without `lon`",
                                               "CSV 文件的 `lon` 与 `lat` 列须同时给出"}};
    }
    return std::nullopt;
  }

  bool next(Record& record) override {
    while (true) {
      if (source_.peek() == ByteSource::kEnd) return false;
      record.line = line_ + 1;
      record.fields.clear();
      bool oversized = false;
      row(record.fields, oversized);
      if (oversized) {
        record.fields.clear();
        record.error = too_large(limits_.max_bytes);
        return true;
      }
      for (const std::string& field : record.fields) {
        // Excel on a Chinese system saves CSV as GBK: said for the row, never echoed.
        if (auto problem = not_text(field, {"the row", "该行"})) {
          record.error = ProjectError{"input.encoding", "", std::move(*problem)};
          return true;
        }
      }
      const bool empty = std::all_of(record.fields.begin(), record.fields.end(),
                                     [](const std::string& f) { return csv_trim(f).empty(); });
      if (!empty) return true;  // a blank line is not a record
    }
  }

  [[nodiscard]] Expected<std::string, ProjectError> project_text(const Record& record) const override {
    using R = Expected<std::string, ProjectError>;
    if (record.fields.size() != columns_.size()) {
      const std::string n = std::to_string(record.fields.size());
      const std::string m = std::to_string(columns_.size());
      return R::failure({"screen.csv-row", "", {"the row has " + n + " fields, the header " + m,
                                                "该行有 " + n + " 个字段，表头有 " + m + " 个"}});
    }
    Json project = Json::object();
    Json about = Json::object();
    std::optional<double> lon;
    std::optional<double> lat;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string value = csv_trim(record.fields[i]);
      if (value.empty()) continue;  // unknown
      const ColumnInfo& c = columns_[i];
      switch (c.column) {
        case Column::fact: project[c.fact] = value; break;
        case Column::id: about["id"] = value; break;
        case Column::name: about["name"] = value; break;
        case Column::units: {
          Json units = Json::array();
          for (std::size_t at = 0; at <= value.size();) {
            const std::size_t end = std::min(value.find(';', at), value.size());
            if (std::string code = csv_trim(value.substr(at, end - at)); !code.empty()) units.push_back(code);
            at = end + 1;
          }
          project["units"] = std::move(units);
          break;
        }
        case Column::site: {
          auto site = site_json(value);
          if (!site) return R::failure({site.error().code, "site", site.error().message});
          project["site"] = std::move(*site);
          break;
        }
        case Column::lon:
        case Column::lat: {
          const auto v = csv_number(value);
          const char* which = c.column == Column::lon ? "lon" : "lat";
          if (!v) {
            const std::string shown = json_input::shorten(value);
            return R::failure({"project.site-geometry", which,
                               {std::string("`") + which + "` must be a number in degrees, found \"" + shown + "\"",
                                std::string("`") + which + "` 须为以度计的数值，实为 \"" + shown + "\""}});
          }
          (c.column == Column::lon ? lon : lat) = v;
          break;
        }
      }
    }
    if (lon || lat) {
      if (!lon || !lat) {
        return R::failure({"project.site-geometry", lon ? "lat" : "lon",
                           {"a point needs both `lon` and `lat`", "点须同时给出 `lon` 与 `lat`"}});
      }
      if (project.contains("site")) {
        return R::failure({"project.given-twice", "site",
                           {"the row gives both `site` and `lon`/`lat`", "该行同时给出了 `site` 与 `lon`/`lat`"}});
      }
      project["site"] = Json{{"type", "Point"}, {"coordinates", {*lon, *lat}}};
    }
    if (!about.empty()) project["project"] = std::move(about);
    return project.dump();
  }

  [[nodiscard]] std::optional<std::string> id_of(const Record& record) const override {
    for (const Column wanted : {Column::id, Column::name}) {
      for (std::size_t i = 0; i < columns_.size() && i < record.fields.size(); ++i) {
        if (columns_[i].column != wanted) continue;
        if (std::string value = csv_trim(record.fields[i]); !value.empty()) {
          if (!utf8::first_invalid(value)) return value;
          std::vector<utf8::InvalidSequence> invalid;  // a row refused for its encoding: named, never echoed raw
          return utf8::repair(value, invalid);
        }
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] std::size_t bytes_read() const override { return source_.consumed(); }

 private:
  /// Why `cell` is not UTF-8 text (bytes that are not UTF-8, a NUL), or nullopt.
  static std::optional<LocalizedText> not_text(std::string_view cell, const LocalizedText& what) {
    if (cell.find('\0') != std::string_view::npos) {
      return LocalizedText{what.en + " contains a NUL byte; a CSV file is text (is this a binary file?)",
                           what.zh + "含有 NUL 字节；CSV 文件应为文本（是否为二进制文件？）"};
    }
    const auto bad = utf8::first_invalid(cell);
    if (!bad) return std::nullopt;
    const std::string bytes = utf8::hex_bytes(cell.substr(bad->offset, std::max<std::size_t>(bad->length, 4)));
    return LocalizedText{what.en + " is not UTF-8 (bytes " + bytes +
                             "); if the file was saved as GBK (as Excel does on Chinese systems), convert it: "
                             "iconv -f GBK -t UTF-8",
                         what.zh + "不是 UTF-8 编码（字节 " + bytes + "）；如果文件以 GBK 保存（中文系统上的 Excel 默认如此），"
                                   "请转换：iconv -f GBK -t UTF-8"};
  }

  static const Reserved* reserved(const std::string& name) {
    for (const Reserved& r : kReserved) {
      if (name == r.en || name == r.zh) return &r;
    }
    return nullptr;
  }

  /// A `site` cell: GeoJSON when it starts with `{`, else WKT.
  [[nodiscard]] Expected<Json, ProjectError> site_json(const std::string& value) const {
    using R = Expected<Json, ProjectError>;
    if (value.starts_with('{')) {
      auto parsed = json_input::parse<Json>(value, {limits_.max_bytes, limits_.max_depth}, {"the site", "选址"});
      if (!parsed) return R::failure({parsed.error().code, "site", parsed.error().message});
      return std::move(parsed).value();
    }
    auto geojson = geo::wkt_to_geojson(value);
    if (!geojson) return R::failure({"project.site-geometry", "site", geojson.error()});
    return Json::parse(*geojson);  // GEOS wrote it: well-formed
  }

  /// One row's fields; false at the end of the input. Keeps at most max_bytes
  /// of a row (`oversized` tells) but always reads to its end.
  bool row(std::vector<std::string>& fields, bool& oversized) {
    return read_csv_row(*this, fields, limits_.max_bytes, oversized);
  }

 public:  // the byte source read_csv_row() takes: the input, counting line breaks
  int get() {
    const int c = source_.get();
    if (c == '\n') ++line_;
    return c;
  }
  int peek() { return source_.peek(); }

 private:
  ByteSource source_;
  ProjectLimits limits_;
  std::vector<ColumnInfo> columns_;
  std::size_t line_ = 0;  // line breaks taken so far
};

}  // namespace

Expected<std::unique_ptr<RecordReader>, ScreenError> csv_reader(std::istream& in, const Ruleset& ruleset,
                                                                const ProjectLimits& limits) {
  using R = Expected<std::unique_ptr<RecordReader>, ScreenError>;
  auto reader = std::make_unique<CsvReader>(in, limits);
  if (auto problem = reader->read_header(ruleset)) return R::failure(std::move(*problem));
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace zhunru::batch
