// zhunru_make_national: writes a SYNTHETIC national-scale ruleset directory,
// the input of the national-scale compile and snapshot measurements
// (docs/benchmarks.md, "National scale").
//
//   zhunru_make_national OUTDIR [--scale F]
//
// At scale 1 (the default) it has the shape of the national 生态环境分区管控
// system: 44,604 environmental control units (the national count) in 2,844
// districts of 333 cities of 31 provinces, and 1,147,698 rules — 30 per city,
// 55 per district, 22 per unit, the four rule forms in the proportions of a
// real list, a tenth with Chinese 理由/依据, the provinces alternately in
// English and Chinese keywords. Units are 20-vertex polygons on a grid over
// 73–135°E, 18–53°N, numbered by their district in the national code pattern;
// a `rivers` layer of straight lines crosses the grid. `--scale 0.01` keeps
// the shape with a hundredth of the cities (for tests).
//
// Everything is drawn from a fixed seed: the same scale gives the same bytes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "grid_cell.hpp"
#include "real_classes.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int kProvinces = 31;
constexpr int kCities = 333;
constexpr int kDistricts = 2844;
constexpr int kUnits = 44604;
constexpr int kCityRules = 30;
constexpr int kDistrictRules = 55;
constexpr int kUnitRules = 22;

/// Keywords of one language: provinces alternate, as real lists are written
/// in either.
struct Words {
  bool zh;
  const char* operator()(const char* en, const char* chinese) const { return zh ? chinese : en; }
};

struct Division {
  std::string code;  // six digits
  std::vector<std::string> units;
};

struct City {
  std::string code;
  std::vector<Division> districts;
};

/// Cities, districts and units in the national code pattern, spread evenly
/// (the real counts per province differ; the totals are what matter here).
std::vector<std::vector<City>> divisions(double scale) {
  const int cities = std::max(1, static_cast<int>(std::lround(kCities * scale)));
  const int districts = std::max(cities, static_cast<int>(std::lround(kDistricts * scale)));
  const int units = std::max(districts, static_cast<int>(std::lround(kUnits * scale)));
  const int provinces = std::min(kProvinces, cities);
  std::vector<std::vector<City>> out(static_cast<std::size_t>(provinces));
  for (int c = 0; c < cities; ++c) {
    const int p = c % provinces;
    auto& province = out[static_cast<std::size_t>(p)];
    province.push_back({fmt::format("{:02d}{:02d}00", 11 + p * 2, province.size() + 1), {}});
  }
  // Districts dealt to the cities in turn, then units to the districts.
  std::vector<City*> all_cities;
  for (auto& province : out) {
    for (City& city : province) all_cities.push_back(&city);
  }
  for (int d = 0; d < districts; ++d) {
    City& city = *all_cities[static_cast<std::size_t>(d) % all_cities.size()];
    city.districts.push_back({city.code.substr(0, 4) + fmt::format("{:02d}", city.districts.size() + 1), {}});
  }
  std::vector<Division*> all_districts;
  for (City* city : all_cities) {
    for (Division& district : city->districts) all_districts.push_back(&district);
  }
  for (int u = 0; u < units; ++u) {
    Division& district = *all_districts[static_cast<std::size_t>(u) % all_districts.size()];
    const int cls = 1 + static_cast<int>(district.units.size() % 3);
    district.units.push_back(fmt::format("ZH{}{}{:04d}", district.code, cls, district.units.size() + 1));
  }
  return out;
}

/// Rule text in the four forms, drawn from `rng`.
class RuleWriter {
 public:
  explicit RuleWriter(std::vector<std::string> classes) : classes_(std::move(classes)) {}

  std::string rule(const std::string& id, const Words& w) {
    const std::string& cls = classes_[rng_() % classes_.size()];
    const std::string code = rng_() % 10 == 0 ? cls.substr(0, 3) : cls;
    std::string text = "    " + id + ": ";
    switch (rng_() % 8) {
      case 0:
      case 1:
        text += fmt::format("{} {} {} {} {} [{}] {} capacity > {}万 t/a", w("ban", "禁止"), "new",
                            w("projects", "项目"), w("where", "当"), w("industry in", "industry 属于"), code, w("and", "且"),
                            rng_() % 100);
        break;
      case 2:
        text += fmt::format("{} two-high {} {}", w("ban", "禁止"), w("projects", "项目"),
                            w("within 1 km of rivers", "距 rivers 1 km 范围内"));
        break;
      case 3:
      case 4:
        text += fmt::format("{} voc {} {} t/a {} {} {} {} [{}]", w("limit", "限制"), w("to", "不超过"), 1 + rng_() % 20,
                            w("for", "对于"), w("projects", "项目"), w("where", "当"), w("industry in", "industry 属于"), code);
        break;
      case 5:
      case 6:
        text += fmt::format("{} new {} {} low-voc {} in-park {} {} [{}]", w("require", "应当"), w("projects", "项目"),
                            w("to have", "满足"), w("and", "且"), w("where", "当"), w("industry in", "industry 属于"), code);
        break;
      default:
        text += fmt::format("{} {} {} capacity < 10 t/a {} 2", w("encourage", "鼓励"), w("projects", "项目"),
                            w("where", "当"), w("weight", "权重"));
        break;
    }
    if (rng_() % 10 == 0) {
      text += fmt::format("\n      {} \"严格控制新增污染物排放，推动产业结构和布局优化调整\"\n      {} \"生态环境分区管控方案 第{}条\"",
                          w("because", "理由"), w("cite", "依据"), 1 + rng_() % 40);
    }
    return text + ";\n";
  }

 private:
  std::vector<std::string> classes_;
  std::mt19937 rng_{44604};
};

const char* const kDimensions[2][4] = {
    {"spatial-layout", "emission-control", "risk-control", "resource-efficiency"},
    {"空间布局约束", "污染物排放管控", "环境风险防控", "资源开发效率要求"}};

/// One tier block: `count` rules spread over the four dimensions.
std::string tier_block(const std::string& head, std::size_t count, const std::string& id_prefix, RuleWriter& writer,
                       const Words& w) {
  std::string out = head + " {\n";
  for (int dim = 0; dim < 4; ++dim) {
    const std::size_t begin = count * static_cast<std::size_t>(dim) / 4;
    const std::size_t end = count * static_cast<std::size_t>(dim + 1) / 4;
    if (begin == end) continue;
    out += fmt::format("  {} {{\n", kDimensions[w.zh ? 1 : 0][dim]);
    for (std::size_t r = begin; r < end; ++r) out += writer.rule(fmt::format("{}-{}", id_prefix, r + 1), w);
    out += "  }\n";
  }
  return out + "}\n";
}

const char* const kSchema = R"(# SYNTHETIC national-scale ruleset written by zhunru_make_national (bench/make_national.cpp).
# Test data for measuring the compiler: NOT any real access list.
ruleset "全国生态环境准入清单（合成测试数据）" version "national-synthetic-1" effective 2024-01-01;
fact industry : industry "国民经济行业类别";
fact nature : one of { new "新建", rebuild "改建", expansion "扩建", upgrade "技术改造" } "建设性质";
fact capacity : quantity t/a "设计产能";
fact voc : quantity t/a "VOCs排放量";
fact low-voc : bool "使用低VOCs原辅材料";
fact in-park : bool "位于合规园区";
kind two-high "两高项目" = industry in [C25, C26, C30, C31, C32, D44];
units from "maps/units.geojson";
layer rivers "河流" from "maps/rivers.geojson";
)";

constexpr double kWest = 73.0;
constexpr double kSouth = 18.0;
constexpr double kWidth = 62.0;
constexpr double kHeight = 35.0;

void write_unit_map(const fs::path& path, const std::vector<std::string>& units) {
  const int columns = static_cast<int>(std::ceil(std::sqrt(units.size() * kWidth / kHeight)));
  const int rows = static_cast<int>((units.size() + columns - 1) / columns);
  const double w = kWidth / columns;
  const double h = kHeight / rows;
  std::ofstream out(path, std::ios::binary);
  out << R"x({"type":"FeatureCollection","name":"SYNTHETIC national unit grid (zhunru_make_national)","features":[)x"
      << '\n';
  for (std::size_t n = 0; n < units.size(); ++n) {
    const int r = static_cast<int>(n) / columns;
    const int c = static_cast<int>(n) % columns;
    out << fmt::format(R"({}{{"type":"Feature","properties":{{"code":"{}"}},"geometry":{}}})", n ? ",\n" : "",
                       units[n], zhunru::bench::grid_cell(kWest + c * w, kSouth + r * h, w, h, 6));
  }
  out << "]}\n";
}

/// Ten straight rivers across the grid, west to east.
void write_rivers(const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  out << R"({"type":"FeatureCollection","features":[)";
  for (int i = 0; i < 10; ++i) {
    const double lat = kSouth + kHeight * (i + 0.5) / 10;
    out << fmt::format(R"({}{{"type":"Feature","properties":{{"name":"河流{}"}},"geometry":{{"type":"LineString",)"
                       R"("coordinates":[[{},{:.4f}],[{},{:.4f}]]}}}})",
                       i ? "," : "", i + 1, kWest, lat, kWest + kWidth, lat + 0.3);
  }
  out << "]}\n";
}

/// One file per city: its block, its districts' and its units'.
std::size_t write_city(const fs::path& path, const City& city, RuleWriter& writer, const Words& w) {
  std::string text = tier_block(fmt::format("{} {} \"城市{}\"", w("city", "市级"), city.code, city.code), kCityRules,
                                "S" + city.code, writer, w);
  std::size_t rules = kCityRules;
  for (const Division& d : city.districts) {
    text += tier_block(fmt::format("{} {} \"区县{}\"", w("district", "区县"), d.code, d.code), kDistrictRules,
                       "Q" + d.code, writer, w);
    rules += kDistrictRules;
    for (const std::string& u : d.units) {
      text += tier_block(fmt::format("{} {}", w("unit", "单元"), u), kUnitRules, u, writer, w);
      rules += kUnitRules;
    }
  }
  std::ofstream(path, std::ios::binary) << text;
  return rules;
}

int run(const fs::path& root, double scale) {
  const auto provinces = divisions(scale);
  fs::create_directories(root / "maps");
  std::ofstream(root / "schema.rules", std::ios::binary) << kSchema;
  RuleWriter writer(zhunru::bench::manufacturing_classes(400));
  std::vector<std::string> units;
  std::size_t rules = 0;
  std::size_t cities = 0;
  for (std::size_t p = 0; p < provinces.size(); ++p) {
    const Words w{p % 2 == 1};
    const fs::path dir = root / fmt::format("province-{}", provinces[p].front().code.substr(0, 2));
    fs::create_directories(dir);
    for (const City& city : provinces[p]) {
      rules += write_city(dir / fmt::format("city-{}.rules", city.code), city, writer, w);
      ++cities;
      for (const Division& d : city.districts) units.insert(units.end(), d.units.begin(), d.units.end());
    }
  }
  write_unit_map(root / "maps/units.geojson", units);
  write_rivers(root / "maps/rivers.geojson");
  std::cout << fmt::format("{}: {} provinces, {} cities, {} units, {} rules\n", root.string(), provinces.size(), cities,
                           units.size(), rules);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a SYNTHETIC national-scale ruleset directory (bench/make_national.cpp)."};
  std::string out;
  double scale = 1;
  app.add_option("OUTDIR", out, "the directory to write")->required();
  const CLI::Validator share(
      [](const std::string& text) {
        double v = 0;
        const bool number = CLI::detail::lexical_cast(text, v);
        return number && v > 0 && v <= 1 ? std::string() : "must be a number in (0, 1], not " + text;
      },
      "in (0, 1]");
  app.add_option("--scale", scale, "the share of the national shape to write")->check(share);
  CLI11_PARSE(app, argc, argv);
  try {
    return run(out, scale);
  } catch (const std::exception& e) {
    std::cerr << "zhunru_make_national: " << e.what() << "\n";
    return 1;
  }
}
